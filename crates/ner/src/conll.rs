//! Reader for CoNLL-2003 style column files (`token ... TAG`, blank line between sentences,
//! `-DOCSTART-` between documents).
use crate::labels::Bio;
use crate::NerError;

/// One sentence of a column file: its tokens and, when the file has a tag column, their tags.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ConllSentence {
    /// The tokens (first column).
    pub words: Vec<String>,
    /// Empty when the file was read without tags.
    pub tags: Vec<Bio>,
}

/// The sentences between two `-DOCSTART-` lines (the whole file when it has none).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ConllDocument {
    /// The sentences in file order.
    pub sentences: Vec<ConllSentence>,
}

impl ConllDocument {
    /// Number of tokens over all sentences.
    pub fn token_count(&self) -> usize {
        self.sentences.iter().map(|s| s.words.len()).sum()
    }
}

/// Parses column text. With `with_tags`, the last column of every token line must be an IOB1/IOB2
/// tag of one of the four CoNLL types (IOB1 is read the conlleval way); without it only the
/// first column is read. `source` names the input in errors.
pub fn parse_conll(
    text: &str,
    with_tags: bool,
    source: &str,
) -> Result<Vec<ConllDocument>, NerError> {
    let mut documents = Vec::new();
    let mut document = ConllDocument::default();
    let mut sentence = ConllSentence::default();
    for (line_index, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let mut fields = line.split([' ', '\t']).filter(|f| !f.is_empty());
        let Some(first) = fields.next() else {
            if !sentence.words.is_empty() {
                document.sentences.push(std::mem::take(&mut sentence));
            }
            continue;
        };
        if first == "-DOCSTART-" {
            if !sentence.words.is_empty() {
                document.sentences.push(std::mem::take(&mut sentence));
            }
            if !document.sentences.is_empty() {
                documents.push(std::mem::take(&mut document));
            }
            continue;
        }
        if with_tags {
            let tag_text = fields.next_back().ok_or_else(|| NerError::Conll {
                source_name: source.to_string(),
                line: line_index + 1,
                problem: "token line has no tag column".to_string(),
            })?;
            let tag = Bio::parse(tag_text).ok_or_else(|| NerError::Conll {
                source_name: source.to_string(),
                line: line_index + 1,
                problem: format!("unknown NER tag {tag_text:?} (expected O, B-X or I-X with X in PER, ORG, LOC, MISC)"),
            })?;
            sentence.tags.push(tag);
        }
        sentence.words.push(first.to_string());
    }
    if !sentence.words.is_empty() {
        document.sentences.push(sentence);
    }
    if !document.sentences.is_empty() {
        documents.push(document);
    }
    Ok(documents)
}

/// Reads and parses a column file.
pub fn read_conll(path: &std::path::Path, with_tags: bool) -> Result<Vec<ConllDocument>, NerError> {
    let text = std::fs::read_to_string(path).map_err(|e| NerError::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    parse_conll(&text, with_tags, &path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use triangulate_doc::EntityLabel::*;

    #[test]
    fn documents_sentences_and_tags() {
        let text = "-DOCSTART- -X- -X- O\n\nVelic NNP B-NP B-PER\nspoke VBD B-VP O\n\nBrenna NNP B-NP B-LOC\n\n-DOCSTART- -X- -X- O\n\nNordwire NNP B-NP B-ORG\n";
        let docs = parse_conll(text, true, "t").unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].words, ["Velic", "spoke"]);
        assert_eq!(docs[0].sentences[0].tags, [Bio::B(Per), Bio::O]);
        assert_eq!(docs[1].sentences[0].tags, [Bio::B(Org)]);
        assert_eq!(docs[0].token_count(), 3);
    }

    #[test]
    fn bad_tag_is_a_typed_error_with_line() {
        let err = parse_conll("Velic B-PERSON\n", true, "f.conll").unwrap_err();
        assert!(matches!(err, NerError::Conll { line: 1, .. }), "{err}");
        // Untagged reading takes only the token column.
        let docs = parse_conll("Velic\nspoke\n", false, "f").unwrap();
        assert_eq!(docs[0].sentences[0].words, ["Velic", "spoke"]);
        assert!(docs[0].sentences[0].tags.is_empty());
    }
}
