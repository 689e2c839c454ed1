use serde::Serialize;

/// Why an input (or one record inside it) could not be read.
///
/// Every variant names the problem; [`crate::Skipped`] pairs it with the input (path and record).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum IngestError {
    #[error("no such file or directory")]
    NotFound,
    #[error("permission denied")]
    PermissionDenied,
    #[error("cannot read: {message}")]
    Io { message: String },
    #[error("input is empty")]
    Empty,
    #[error("input is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    #[error("binary data ({what}), not a text format we read")]
    Binary { what: String },
    #[error(
        "gzip data is corrupt or truncated after {decompressed} decompressed bytes: {message}"
    )]
    Gzip { decompressed: u64, message: String },
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("JSON record has no text field (looked for {looked_for})")]
    JsonNoText { looked_for: String },
    #[error("malformed XML at byte {offset}: {message}")]
    Xml { offset: u64, message: String },
    #[error("XML document is not an RSS or Atom feed (root element <{root}>)")]
    NotAFeed { root: String },
    #[error("malformed WARC at byte {offset}: {message}")]
    Warc { offset: u64, message: String },
    #[error("WARC record skipped: {reason}")]
    WarcRecordSkipped { reason: String },
    #[error("record has no readable text: {reason}")]
    NoText { reason: String },
    /// A bug in a reader, caught so that the rest of the batch still runs.
    #[error("internal error while reading (please report): {message}")]
    Internal { message: String },
}

impl IngestError {
    pub(crate) fn io(err: &std::io::Error) -> Self {
        match err.kind() {
            std::io::ErrorKind::NotFound => IngestError::NotFound,
            std::io::ErrorKind::PermissionDenied => IngestError::PermissionDenied,
            _ => IngestError::Io {
                message: err.to_string(),
            },
        }
    }
}
