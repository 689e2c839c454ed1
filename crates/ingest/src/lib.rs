//! Triangulate's input stage: every input form in, clean [`Document`]s out, nothing lost silently.
//!
//! ```
//! use triangulate_ingest::{ingest_bytes, IngestOptions};
//!
//! let text = "Monday, October 5, 2025\n17.2 C\n\nAccord signed in Brenna\n\nBy Jane Doe\n\n\
//!             BRENNA, March 3 (Nordwire) — The accord was sig-\nned on Monday.\n";
//! let report = ingest_bytes("story.txt", text.as_bytes(), &IngestOptions::default());
//! let doc = &report.documents[0];
//! assert_eq!(doc.text(), "BRENNA, March 3 (Nordwire) — The accord was signed on Monday.");
//! assert_eq!(doc.metadata.title.as_ref().unwrap().value, "Accord signed in Brenna");
//! assert_eq!(doc.metadata.authors[0].value, "Jane Doe");
//! // The dateline has no year, so the publication date stays partial.
//! assert_eq!(doc.metadata.published.as_ref().unwrap().value.to_iso(), "XXXX-03-03");
//! // The header date next to the weather widget is page chrome, not the article's date.
//! assert_eq!(doc.metadata.page_dates[0].value.to_iso(), "2025-10-05");
//! doc.check_map().unwrap();
//! ```
//!
//! # Readers
//!
//! The reader is chosen from the content (the file name only breaks ties): gzip is decompressed
//! first (all members, so `.warc.gz` works), then `WARC/` → WARC, an RSS/Atom root element →
//! feed, other markup → HTML, `{`/`[` → JSON or JSON lines, Markdown markers → Markdown,
//! anything else → plain text. Binary data (images, archives, executables, NUL bytes) is refused
//! with [`IngestError::Binary`].
//!
//! | form | one document per | `Document::original` | `SourceRef::record` |
//! |---|---|---|---|
//! | text, Markdown, HTML | file | the file's bytes (decompressed) | — |
//! | JSON lines | line | the decoded JSON string value of the text field (UTF-8) | `line N` |
//! | JSON (object / array / `{"articles": [...]}`) | object | as JSON lines | `record N` |
//! | RSS / Atom | item / entry | the item's content (unescaped, CDATA unwrapped), or its title when it has none | `item N` |
//! | WARC[.gz] | `response` record with an HTML body | the HTTP body (chunked / gzip undone) | `record N` |
//!
//! `SourceRef::record_offset` is the byte offset of the record (line, JSON object, `<item>`,
//! `WARC/` line) in the decompressed file. Record numbers are places in the file, counted over
//! every record, read or skipped: the feed item after an empty one is `item 2`, and its
//! document id ends in `:2`.
//!
//! JSON records are objects; these fields are read (first present wins, names compared
//! case-insensitively):
//!
//! | what | fields |
//! |---|---|
//! | text | `text`, `body`, `content`, `article`, `full_text`, `fulltext`, `maintext`, `article_text`, `story`, `description`, `summary` (a string, or an array of paragraph strings) |
//! | HTML | `html`, `raw_html`, `content_html`, `body_html`, `html_content` (also used when a text field holds markup) |
//! | title | `title`, `headline`, `name` |
//! | URL | `url`, `link`, `source_url`, `canonical_url`, `uri` |
//! | date | `published`, `date`, `published_at`, `publishedAt`, `pubDate`, `date_published`, `datePublished`, `date_publish`, `publication_date`, `datetime`, `time`, `created_at` (any form [`dates`] reads, or Unix seconds / milliseconds) |
//! | outlet | `outlet`, `source`, `publisher`, `site_name`, `siteName`, `source_name`, `domain`, `site`, `feed` (a string, or an object with `name` / `title`) |
//! | authors | `author`, `authors`, `byline`, `creator` (a string, an array of strings, or objects with `name`) |
//! | language | `language`, `lang`, `locale` |
//!
//! A JSON file is one such object, an array of them, or an object holding the array under
//! `articles`, `items`, `documents`, `data`, `results`, `entries` or `records`.
//!
//! # Text and provenance
//!
//! Charset: byte-order mark, then a transport declaration (HTTP `Content-Type` in WARC), then
//! `<meta charset>` / `<?xml encoding?>`, then valid UTF-8, then `chardetng` detection. The
//! body's map points into `original`: UTF-8 maps byte-exactly, legacy charsets map every
//! character to its own bytes. Invalid bytes become U+FFFD and a warning on the document.
//!
//! Plain text and Markdown go through the [`clean`] module (furniture lines removed and listed
//! as [`triangulate_doc::Removal`]s, wrapped lines joined, broken words repaired, NFC); HTML goes
//! through `triangulate-html` and then the line cleaner in [`clean::CleanMode::Extracted`]: the
//! extractor's layout is kept, and only furniture lines it let through (copyright, share rows,
//! captions, a repeated headline, bylines) are removed. HTML fragments with no page around them
//! (feed items, JSON fields) keep all their text, tags dropped and character references decoded.
//!
//! Hand-written rather than a crate: the readers must keep byte offsets through every step
//! (decoding, feed/JSON unescaping, line joins, NFC) for the offset map; WARC and feed parsing
//! use small readers of our own (WARC) or `quick-xml` (feeds) for the same reason.
//!
//! A headline is text. A record that holds nothing but its headline (a headline feed's item
//! with a `<title>` and a `<pubDate>`; a JSON record whose text is a date line and a headline)
//! is kept with the headline as its body, still also its title, and the warning `only a
//! headline: the title is the text`. A record with real page furniture beside the headline
//! (share rows, widgets, navigation) is a page shell and is still skipped.
//!
//! # Metadata
//!
//! Every reader adds candidates with evidence and confidence (structured fields 0.9, datelines
//! and bylines 0.75, labelled lines 0.7, a first-line title 0.6, copyright 0.5, URL host 0.3); the
//! most trusted wins. A publication date missing fields (a dateline "March 3") is completed only
//! from another candidate that agrees with it, never from the clock. Dates found in page chrome
//! (a header date next to a weather widget) go to `page_dates`, never to `published`. Language is
//! the declared one when present, else identified with `whatlang` (ISO 639-1).
//!
//! # Errors
//!
//! Nothing stops a batch: every input, or record inside one, that cannot be read becomes a
//! [`Skipped`] naming the input (path and record) and the [`IngestError`]. Containers that break
//! part-way (truncated gzip, WARC, feed) keep the documents read before the break.

#![warn(missing_docs)]

pub mod clean;
pub mod dates;
pub mod decode;
mod error;
mod feed;
mod html;
mod json;
mod lang;
pub mod meta;
mod sniff;
mod warc;

pub use error::IngestError;

use meta::{confidence, Candidates};
use serde::Serialize;
use sniff::Sniffed;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use triangulate_doc::{Document, EvidenceSource, InputFormat, MappedText, SourceRef};

/// Settings for a run.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Largest input read, in bytes (also the limit on decompressed gzip output).
    pub max_bytes: u64,
    /// Use this reader for every input instead of sniffing.
    pub force_format: Option<InputFormat>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_bytes: 50 * 1024 * 1024,
            force_format: None,
        }
    }
}

/// An input (or a record of one) that was not turned into a document, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skipped {
    /// The path (`-` for stdin), with the record when it concerns one: `feed.xml item 3`.
    pub input: String,
    /// What went wrong.
    pub error: IngestError,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.input, self.error)
    }
}

/// Everything a run produced.
#[derive(Debug, Default)]
pub struct IngestReport {
    /// Documents in input order (folders in name order, records in file order).
    pub documents: Vec<Document>,
    /// Every input or record not turned into a document, with the reason.
    pub skipped: Vec<Skipped>,
}

/// One result of a streaming run.
#[derive(Debug)]
pub enum IngestEvent {
    /// A document was read.
    Document(Box<Document>),
    /// An input or record could not be read.
    Skipped(Skipped),
}

/// Read `paths` (files, folders searched recursively in name order, `-` for stdin).
pub fn ingest_paths(paths: &[PathBuf], opts: &IngestOptions) -> IngestReport {
    let mut report = IngestReport::default();
    ingest_paths_each(paths, opts, |event| match event {
        IngestEvent::Document(d) => report.documents.push(*d),
        IngestEvent::Skipped(s) => report.skipped.push(s),
    });
    report
}

/// Streaming form of [`ingest_paths`]: `sink` gets each document or skipped input as soon as it
/// is read, so only one input is in memory at a time.
pub fn ingest_paths_each(
    paths: &[PathBuf],
    opts: &IngestOptions,
    mut sink: impl FnMut(IngestEvent),
) {
    let mut ids = IdAllocator::default();
    for path in paths {
        if path.as_os_str() == "-" {
            match read_limited(std::io::stdin().lock(), opts.max_bytes) {
                Ok(bytes) => ingest_named("-", &bytes, opts, &mut ids, &mut sink),
                Err(error) => sink(IngestEvent::Skipped(Skipped {
                    input: "-".to_string(),
                    error,
                })),
            }
            continue;
        }
        let mut files = Vec::new();
        collect_files(path, &mut files, &mut sink);
        for file in files {
            let name = file.display().to_string();
            match read_file(&file, opts.max_bytes) {
                Ok(bytes) => ingest_named(&name, &bytes, opts, &mut ids, &mut sink),
                Err(error) => sink(IngestEvent::Skipped(Skipped { input: name, error })),
            }
        }
    }
}

/// Read one input held in memory; `name` is used for ids, sniffing ties and error messages.
pub fn ingest_bytes(name: &str, bytes: &[u8], opts: &IngestOptions) -> IngestReport {
    let mut report = IngestReport::default();
    let mut ids = IdAllocator::default();
    ingest_named(name, bytes, opts, &mut ids, &mut |event| match event {
        IngestEvent::Document(d) => report.documents.push(*d),
        IngestEvent::Skipped(s) => report.skipped.push(s),
    });
    report
}

fn read_limited(reader: impl Read, limit: u64) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::io(&e))?;
    if bytes.len() as u64 > limit {
        return Err(IngestError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, IngestError> {
    let file = std::fs::File::open(path).map_err(|e| IngestError::io(&e))?;
    let size = file.metadata().map_err(|e| IngestError::io(&e))?.len();
    if size > limit {
        return Err(IngestError::TooLarge { size, limit });
    }
    read_limited(file, limit)
}

/// Files under `path` in a deterministic order (byte order of names, depth first). Symbolic
/// links to folders are not followed (they could loop); they are reported.
fn collect_files(path: &Path, out: &mut Vec<PathBuf>, sink: &mut impl FnMut(IngestEvent)) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            sink(IngestEvent::Skipped(Skipped {
                input: path.display().to_string(),
                error: IngestError::io(&e),
            }));
            return;
        }
    };
    if !meta.is_dir() {
        out.push(path.to_path_buf());
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(rd) => rd,
        Err(e) => {
            sink(IngestEvent::Skipped(Skipped {
                input: path.display().to_string(),
                error: IngestError::io(&e),
            }));
            return;
        }
    };
    let mut children: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => children.push(e.path()),
            Err(e) => sink(IngestEvent::Skipped(Skipped {
                input: path.display().to_string(),
                error: IngestError::io(&e),
            })),
        }
    }
    children.sort();
    for child in children {
        // Like ripgrep and most tools that walk folders: hidden entries (`.git`, `.DS_Store`,
        // `.gitattributes`) are not input. They are reported, never dropped silently; a hidden
        // file named directly on the command line is read as usual.
        let hidden = child
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            sink(IngestEvent::Skipped(Skipped {
                input: child.display().to_string(),
                error: IngestError::Hidden,
            }));
            continue;
        }
        let is_link_to_dir = std::fs::symlink_metadata(&child)
            .is_ok_and(|m| m.file_type().is_symlink())
            && std::fs::metadata(&child).is_ok_and(|m| m.is_dir());
        if is_link_to_dir {
            sink(IngestEvent::Skipped(Skipped {
                input: child.display().to_string(),
                error: IngestError::Io {
                    message: "symbolic link to a folder not followed".to_string(),
                },
            }));
            continue;
        }
        collect_files(&child, out, sink);
    }
}

/// Gives every document an id unique within the run: the file stem, `:N` for records, and
/// `~2`, `~3`... when two inputs share a stem.
#[derive(Default)]
struct IdAllocator {
    used: HashMap<String, usize>,
}

impl IdAllocator {
    fn stem(name: &str) -> String {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let base = sniff::strip_gz(base);
        let stem = match base.rsplit_once('.') {
            Some((s, ext)) if !s.is_empty() && ext.len() <= 8 => s,
            _ => base,
        };
        let stem = stem.strip_suffix(".warc").unwrap_or(stem);
        let clean: String = stem
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || "-_.".contains(c) {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        if clean.is_empty() || clean == "-" {
            "stdin".to_string()
        } else {
            clean
        }
    }

    fn allocate(&mut self, base: String) -> String {
        let n = self.used.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            base
        } else {
            format!("{base}~{n}")
        }
    }
}

/// Shared context for the documents of one input.
struct InputCtx<'a> {
    name: &'a str,
    stem: String,
    /// Warnings that apply to every document of the input (e.g. truncated gzip).
    warnings: Vec<String>,
}

/// Read one input, containing any panic in a reader to this input: the batch goes on and the
/// input is reported as [`IngestError::Internal`].
fn ingest_named(
    name: &str,
    bytes: &[u8],
    opts: &IngestOptions,
    ids: &mut IdAllocator,
    sink: &mut dyn FnMut(IngestEvent),
) {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        ingest_input(name, bytes, opts, ids, sink)
    }));
    if let Err(panic) = outcome {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        sink(IngestEvent::Skipped(Skipped {
            input: name.to_string(),
            error: IngestError::Internal { message },
        }));
    }
}

fn ingest_input(
    name: &str,
    bytes: &[u8],
    opts: &IngestOptions,
    ids: &mut IdAllocator,
    sink: &mut dyn FnMut(IngestEvent),
) {
    let skip = |sink: &mut dyn FnMut(IngestEvent), error: IngestError| {
        sink(IngestEvent::Skipped(Skipped {
            input: name.to_string(),
            error,
        }))
    };
    if bytes.len() as u64 > opts.max_bytes {
        return skip(
            sink,
            IngestError::TooLarge {
                size: bytes.len() as u64,
                limit: opts.max_bytes,
            },
        );
    }
    let mut ctx = InputCtx {
        name,
        stem: IdAllocator::stem(name),
        warnings: Vec::new(),
    };
    let mut inner_name = name;
    let decompressed;
    let data: &[u8] = if sniff::is_gzip(bytes) {
        let (plain, err) = sniff::gunzip(bytes, opts.max_bytes);
        if let Some(e) = err {
            let fatal = plain.is_empty();
            if !fatal {
                ctx.warnings
                    .push(format!("input truncated: {e}; the readable part was kept"));
            }
            skip(sink, e);
            if fatal {
                return;
            }
        }
        decompressed = plain;
        inner_name = sniff::strip_gz(name);
        &decompressed
    } else {
        bytes
    };
    if data.iter().all(u8::is_ascii_whitespace) {
        return skip(sink, IngestError::Empty);
    }
    let kind = match opts.force_format {
        Some(f) => match f {
            InputFormat::Text => Sniffed::Text,
            InputFormat::Markdown => Sniffed::Markdown,
            InputFormat::Html => Sniffed::Html,
            InputFormat::Json => Sniffed::Json,
            InputFormat::JsonLines => Sniffed::JsonLines,
            InputFormat::Rss | InputFormat::Atom => Sniffed::Feed,
            InputFormat::Warc => Sniffed::Warc,
        },
        None => match sniff::sniff(data, inner_name) {
            Ok(k) => k,
            Err(e) => return skip(sink, e),
        },
    };
    let mut emit = |result: Result<Document, Skipped>, ids: &mut IdAllocator| match result {
        Ok(mut doc) => {
            doc.id = ids.allocate(std::mem::take(&mut doc.id));
            sink(IngestEvent::Document(Box::new(doc)))
        }
        Err(s) => sink(IngestEvent::Skipped(s)),
    };
    match kind {
        Sniffed::Text | Sniffed::Markdown | Sniffed::Html => {
            let format = match kind {
                Sniffed::Text => InputFormat::Text,
                Sniffed::Markdown => InputFormat::Markdown,
                _ => InputFormat::Html,
            };
            let doc = single_document(&ctx, data, format, None);
            emit(
                doc.map_err(|error| Skipped {
                    input: name.to_string(),
                    error,
                }),
                ids,
            );
        }
        Sniffed::JsonLines => read_json_lines(&ctx, data, &mut |r| emit(r, ids)),
        Sniffed::Json => {
            // "{Editor's note: ...}" in a .txt file is text that happens to start with a brace.
            let named_json = inner_name.to_ascii_lowercase().ends_with(".json");
            let fallback = !named_json && opts.force_format.is_none();
            read_json(&ctx, data, fallback, &mut |r| emit(r, ids))
        }
        Sniffed::Feed => read_feed(&mut ctx, data, &mut |r| emit(r, ids)),
        Sniffed::Warc => read_warc(&ctx, data, opts, &mut |r| emit(r, ids)),
    }
}

/// A whole file as one document.
fn single_document(
    ctx: &InputCtx<'_>,
    data: &[u8],
    format: InputFormat,
    declared_charset: Option<&str>,
) -> Result<Document, IngestError> {
    let inline = match format {
        InputFormat::Html => html::declared_charset(data),
        _ => None,
    };
    let decoded = decode::decode(data, declared_charset, inline.as_deref());
    let mut warnings = ctx.warnings.clone();
    warnings.extend(decoded.warnings);
    let built = build(&decoded.text, format, Candidates::default());
    finish_document(
        ctx.stem.clone(),
        SourceRef {
            path: ctx.name.to_string(),
            record: None,
            record_offset: None,
        },
        format,
        decoded.encoding.to_string(),
        data.to_vec(),
        built,
        warnings,
    )
}

struct Built {
    body: MappedText,
    removed: Vec<triangulate_doc::Removal>,
    cands: Candidates,
    /// The body is the headline, for want of any other text.
    headline_only: bool,
}

/// The warning on a document whose only text is its headline.
const HEADLINE_ONLY: &str = "only a headline: the title is the text";

/// Clean decoded text of the given form and gather its metadata.
fn build(src: &MappedText, format: InputFormat, mut cands: Candidates) -> Built {
    let (body, removed, headline_only) = match format {
        InputFormat::Html => {
            let a = html::extract(src, &mut cands);
            (a.body, a.removed, a.headline_only)
        }
        InputFormat::Markdown => {
            let c = clean::clean_text(src, clean::CleanMode::Markdown, &mut cands);
            (c.body, c.removed, c.headline_only)
        }
        _ => {
            let c = clean::clean_text(src, clean::CleanMode::Scraped, &mut cands);
            (c.body, c.removed, c.headline_only)
        }
    };
    Built {
        body,
        removed,
        cands,
        headline_only,
    }
}

fn finish_document(
    id: String,
    source: SourceRef,
    format: InputFormat,
    encoding: String,
    original: Vec<u8>,
    built: Built,
    warnings: Vec<String>,
) -> Result<Document, IngestError> {
    let Built {
        body,
        removed,
        mut cands,
        headline_only,
    } = built;
    let mut warnings = warnings;
    if body.text.trim().is_empty() {
        return Err(IngestError::NoText {
            reason: if removed.is_empty() {
                "no text after cleaning".to_string()
            } else {
                format!("everything was page furniture ({} removals)", removed.len())
            },
        });
    }
    if !headline_only && clean::is_bare_link(&body.text) {
        let preview: String = body.text.trim().chars().take(80).collect();
        return Err(IngestError::NoText {
            reason: format!("the text is only a link: {preview:?}"),
        });
    }
    if headline_only {
        if let Some(reason) = clean::not_a_headline(&body.text) {
            return Err(IngestError::NoText { reason });
        }
        warnings.push(HEADLINE_ONLY.to_string());
    }
    if let Some((code, conf)) = lang::identify(&body.text) {
        cands.add_language(
            code,
            EvidenceSource::Inferred,
            None,
            conf.min(confidence::STRUCTURED - 0.1),
        );
    }
    Ok(Document {
        id,
        source,
        format,
        encoding,
        original,
        body,
        removed,
        metadata: cands.resolve(),
        warnings,
    })
}

/// What a container record's payload holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Payload {
    /// Plain text, for the line cleaner.
    Text,
    /// An HTML page or fragment.
    Html,
    /// A headline given on its own (a feed item with a title and nothing else): the whole
    /// payload is the text, and the line cleaner, which would take it for a title, is skipped.
    Headline,
}

/// A container record's payload (a UTF-8 string) as a document.
#[allow(clippy::too_many_arguments)]
fn record_document(
    ctx: &InputCtx<'_>,
    record: String,
    number: usize,
    offset: usize,
    format: InputFormat,
    payload: &str,
    kind: Payload,
    cands: Candidates,
    mut warnings: Vec<String>,
) -> Result<Document, Skipped> {
    let src = MappedText::identity(payload);
    let built = match kind {
        Payload::Text => build(&src, InputFormat::Text, cands),
        Payload::Html => build(&src, InputFormat::Html, cands),
        Payload::Headline => Built {
            body: clean::headline_text(&src),
            removed: Vec::new(),
            cands,
            headline_only: true,
        },
    };
    warnings.splice(0..0, ctx.warnings.iter().cloned());
    finish_document(
        format!("{}:{number}", ctx.stem),
        SourceRef {
            path: ctx.name.to_string(),
            record: Some(record.clone()),
            record_offset: Some(offset as u64),
        },
        format,
        "UTF-8".to_string(),
        payload.as_bytes().to_vec(),
        built,
        warnings,
    )
    .map_err(|error| Skipped {
        input: format!("{} {record}", ctx.name),
        error,
    })
}

type Emit<'a> = dyn FnMut(Result<Document, Skipped>) + 'a;

fn read_json_lines(ctx: &InputCtx<'_>, data: &[u8], emit: &mut Emit<'_>) {
    let decoded = decode::decode(data, None, None);
    let text = decoded.text.text.as_str();
    let mut offset = 0;
    for (i, raw_line) in text.split('\n').enumerate() {
        let line_no = i + 1;
        let start = offset;
        offset += raw_line.len() + 1;
        let line = raw_line.trim();
        if line.is_empty() {
            continue;
        }
        let record = format!("line {line_no}");
        let orig_offset = decoded
            .text
            .to_original(triangulate_doc::Span::new(start, start))
            .start;
        let value: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                emit(Err(Skipped {
                    input: format!("{} {record}", ctx.name),
                    error: IngestError::Json {
                        line: line_no,
                        column: e.column(),
                        message: e.to_string(),
                    },
                }));
                continue;
            }
        };
        emit_json_record(
            ctx,
            &value,
            record,
            line_no,
            orig_offset,
            InputFormat::JsonLines,
            decoded.warnings.clone(),
            emit,
        );
    }
}

fn read_json(ctx: &InputCtx<'_>, data: &[u8], fallback_text: bool, emit: &mut Emit<'_>) {
    let decoded = decode::decode(data, None, None);
    let text = decoded.text.text.as_str();
    match json::split_document(text) {
        Ok(records) => {
            for (i, (offset, value)) in records.into_iter().enumerate() {
                let orig_offset = decoded
                    .text
                    .to_original(triangulate_doc::Span::new(offset, offset))
                    .start;
                emit_json_record(
                    ctx,
                    &value,
                    format!("record {}", i + 1),
                    i + 1,
                    orig_offset,
                    InputFormat::Json,
                    decoded.warnings.clone(),
                    emit,
                );
            }
        }
        Err(IngestError::Json { message, .. }) if message.contains("trailing characters") => {
            // Several objects in one file without a `.jsonl` name: JSON lines after all.
            read_json_lines(ctx, data, emit)
        }
        Err(IngestError::Json { .. }) if fallback_text => {
            let doc = single_document(ctx, data, InputFormat::Text, None);
            emit(doc.map_err(|error| Skipped {
                input: ctx.name.to_string(),
                error,
            }))
        }
        Err(error) => emit(Err(Skipped {
            input: ctx.name.to_string(),
            error,
        })),
    }
}

#[allow(clippy::too_many_arguments)]
fn emit_json_record(
    ctx: &InputCtx<'_>,
    value: &serde_json::Value,
    record: String,
    number: usize,
    offset: usize,
    format: InputFormat,
    warnings: Vec<String>,
    emit: &mut Emit<'_>,
) {
    match json::record(value) {
        Ok(rec) => {
            let mut warnings = warnings;
            warnings.push(format!("text from JSON field {:?}", rec.field));
            emit(record_document(
                ctx,
                record,
                number,
                offset,
                format,
                &rec.payload,
                if rec.is_html {
                    Payload::Html
                } else {
                    Payload::Text
                },
                rec.cands,
                warnings,
            ));
        }
        Err(error) => emit(Err(Skipped {
            input: format!("{} {record}", ctx.name),
            error,
        })),
    }
}

fn read_feed(ctx: &mut InputCtx<'_>, data: &[u8], emit: &mut Emit<'_>) {
    let inline = decode::xml_declared_encoding(data);
    let decoded = decode::decode(data, None, inline.as_deref());
    let feed = match feed::parse(&decoded.text.text) {
        Ok(f) => f,
        Err(error) => {
            return emit(Err(Skipped {
                input: ctx.name.to_string(),
                error,
            }))
        }
    };
    if let Some(e) = &feed.error {
        ctx.warnings.push(format!(
            "feed broken after {} item(s): {e}",
            feed.items.len() + feed.empty_items.len()
        ));
    }
    // Items and empty items are reported in feed order, each under its place in the feed.
    let mut entries: Vec<(usize, usize, Option<feed::FeedItem>)> = feed
        .items
        .into_iter()
        .map(|item| (item.position, item.offset, Some(item)))
        .chain(
            feed.empty_items
                .into_iter()
                .map(|(position, offset)| (position, offset, None)),
        )
        .collect();
    entries.sort_by_key(|(position, _, _)| *position);
    for (position, offset, item) in entries {
        let offset = decoded
            .text
            .to_original(triangulate_doc::Span::new(offset, offset))
            .start;
        let Some(item) = item else {
            emit(Err(Skipped {
                input: format!("{} item {position}", ctx.name),
                error: IngestError::NoText {
                    reason: format!(
                        "feed item at byte {offset} has no title, content, description or summary"
                    ),
                },
            }));
            continue;
        };
        let mut warnings = decoded.warnings.clone();
        warnings.push(format!("text from feed element <{}>", item.payload_field));
        emit(record_document(
            ctx,
            format!("item {position}"),
            position,
            offset,
            feed.format,
            &item.payload,
            item.payload_kind,
            item.cands,
            warnings,
        ));
    }
    if let Some(error) = feed.error {
        emit(Err(Skipped {
            input: ctx.name.to_string(),
            error,
        }));
    }
}

fn read_warc(ctx: &InputCtx<'_>, data: &[u8], opts: &IngestOptions, emit: &mut Emit<'_>) {
    for rec in warc::read(data, opts.max_bytes) {
        match rec {
            warc::RecordResult::Skipped { number, error, .. } => emit(Err(Skipped {
                input: format!("{} record {number}", ctx.name),
                error,
            })),
            warc::RecordResult::Html(h) => {
                let record = format!("record {}", h.number);
                let inline = html::declared_charset(&h.body);
                let decoded = decode::decode(&h.body, h.charset.as_deref(), inline.as_deref());
                let mut cands = Candidates::default();
                if let Some(uri) = &h.target_uri {
                    cands.add_url(
                        uri,
                        EvidenceSource::Header("WARC-Target-URI".into()),
                        None,
                        confidence::STRUCTURED - 0.1,
                    );
                }
                let built = build(&decoded.text, InputFormat::Html, cands);
                let mut warnings = ctx.warnings.clone();
                warnings.extend(h.notes);
                warnings.extend(decoded.warnings);
                let result = finish_document(
                    format!("{}:{}", ctx.stem, h.number),
                    SourceRef {
                        path: ctx.name.to_string(),
                        record: Some(record.clone()),
                        record_offset: Some(h.offset as u64),
                    },
                    InputFormat::Warc,
                    decoded.encoding.to_string(),
                    h.body,
                    built,
                    warnings,
                );
                emit(result.map_err(|error| Skipped {
                    input: format!("{} {record}", ctx.name),
                    error,
                }));
            }
        }
    }
}
