use serde::Serialize;

/// Why an input (or one record inside it) could not be read.
///
/// Every variant names the problem; [`crate::Skipped`] pairs it with the input (path and record).
/// Serialised with a `kind` tag (`{"kind": "too_large", "size": ..., "limit": ...}`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum IngestError {
    /// The path does not exist.
    #[error("no such file or directory")]
    NotFound,
    /// The path exists but may not be read.
    #[error("permission denied")]
    PermissionDenied,
    /// Any other I/O failure (also: a symbolic link to a folder, which is not followed).
    #[error("cannot read: {message}")]
    Io {
        /// The operating system's description.
        message: String,
    },
    /// Zero bytes, or only whitespace.
    #[error("input is empty")]
    Empty,
    /// Over [`crate::IngestOptions::max_bytes`] (file size, stdin, or decompressed gzip).
    #[error("input is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Bytes seen (for streams: the limit plus one, where reading stopped).
        size: u64,
        /// The configured limit.
        limit: u64,
    },
    /// Images, archives, executables, or text with NUL / many control bytes.
    #[error("binary data ({what}), not a text format we read")]
    Binary {
        /// What the bytes look like ("PNG image", "zip archive", ...).
        what: String,
    },
    /// Corrupt or truncated gzip; the bytes decompressed before the fault are still read.
    #[error(
        "gzip data is corrupt or truncated after {decompressed} decompressed bytes: {message}"
    )]
    Gzip {
        /// Bytes recovered before the fault.
        decompressed: u64,
        /// The decompressor's description.
        message: String,
    },
    /// JSON that does not parse (truncated, malformed); for JSON lines, one line.
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Json {
        /// 1-based line in the file.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's description.
        message: String,
    },
    /// A JSON object without any of the recognised text or HTML fields.
    #[error(
        "JSON record has no text field (looked for {looked_for}, at the top and up to {max_depth} nested objects down)"
    )]
    JsonNoText {
        /// The field names tried.
        looked_for: String,
        /// How many nested object levels were searched.
        max_depth: usize,
    },
    /// Malformed or truncated XML in a feed; items before the fault are kept.
    #[error("malformed XML at byte {offset}: {message}")]
    Xml {
        /// Byte offset of the fault in the decoded feed.
        offset: u64,
        /// The parser's description.
        message: String,
    },
    /// XML whose root is not `rss`, `rdf:RDF` or `feed`.
    #[error("XML document is not an RSS or Atom feed (root element <{root}>)")]
    NotAFeed {
        /// The root element found.
        root: String,
    },
    /// A WARC file that breaks the format (no version line, no length, truncated record).
    #[error("malformed WARC at byte {offset}: {message}")]
    Warc {
        /// Byte offset of the broken record.
        offset: u64,
        /// What is wrong.
        message: String,
    },
    /// A well-formed WARC record that holds no HTML page (request, metadata, image, 404...).
    #[error("WARC record skipped: {reason}")]
    WarcRecordSkipped {
        /// Why, e.g. "WARC-Type request is not a response", "Content-Type image/png is not HTML".
        reason: String,
    },
    /// Nothing is left to read: an empty feed item, a page of only furniture, a non-object JSON
    /// record.
    #[error("record has no readable text: {reason}")]
    NoText {
        /// What was found instead.
        reason: String,
    },
    /// A hidden entry (name starting with `.`) met while walking a folder; not read.
    #[error("hidden file or folder inside a folder, not read (name it directly to read it)")]
    Hidden,
    /// A bug in a reader, caught so that the rest of the batch still runs.
    #[error("internal error while reading (please report): {message}")]
    Internal {
        /// The panic message.
        message: String,
    },
}

impl IngestError {
    /// False for inputs that were left out on purpose rather than failing: hidden entries of a
    /// folder and WARC records that hold no article (`warcinfo`, `request`, images...).
    pub fn is_failure(&self) -> bool {
        !matches!(
            self,
            IngestError::Hidden | IngestError::WarcRecordSkipped { .. }
        )
    }

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
