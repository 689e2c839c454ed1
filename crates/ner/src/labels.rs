//! Tag sets: the BILOU labels the model predicts internally, and the BIO tags it hands out.
use triangulate_doc::EntityLabel;

/// Number of internal BILOU labels: `O` plus B/I/L/U for each of the four entity types.
pub const NUM_LABELS: usize = 17;

/// Where a token sits in an entity, BILOU style. BILOU rather than BIO inside the model because
/// it lets the last and single-token positions learn their own weights (Ratinov & Roth 2009
/// measured it as better than BIO for this kind of tagger).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Position {
    /// First token of a multi-token entity.
    Begin,
    /// Neither first nor last token of an entity.
    Inside,
    /// Last token of a multi-token entity.
    Last,
    /// A one-token entity.
    Unit,
}

/// One internal label, stored as an index `0..NUM_LABELS`: 0 is `O`, then 4 positions per type
/// in the order of [`EntityLabel::ALL`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub u8);

impl Label {
    /// `O`: not part of an entity.
    pub const OUTSIDE: Label = Label(0);

    /// The label for a position in an entity of a type.
    pub fn new(position: Position, entity: EntityLabel) -> Label {
        let type_index = entity.index() as u8;
        let position_index = match position {
            Position::Begin => 0,
            Position::Inside => 1,
            Position::Last => 2,
            Position::Unit => 3,
        };
        Label(1 + type_index * 4 + position_index)
    }

    /// The label as an index `0..NUM_LABELS` (weight-table column).
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// Position and type, or `None` for `O`.
    pub fn parts(self) -> Option<(Position, EntityLabel)> {
        if self.0 == 0 || self.index() >= NUM_LABELS {
            return None;
        }
        let k = self.0 - 1;
        let entity = EntityLabel::ALL[(k / 4) as usize];
        let position = match k % 4 {
            0 => Position::Begin,
            1 => Position::Inside,
            2 => Position::Last,
            _ => Position::Unit,
        };
        Some((position, entity))
    }

    /// The entity type, or `None` for `O`.
    pub fn entity(self) -> Option<EntityLabel> {
        self.parts().map(|(_, e)| e)
    }

    /// Whether this label leaves an entity open, so the next one must continue it.
    pub fn is_open(self) -> bool {
        matches!(self.parts(), Some((Position::Begin | Position::Inside, _)))
    }

    /// Whether `self` may follow `previous` (or start a sentence when `previous` is `None`).
    pub fn may_follow(self, previous: Option<Label>) -> bool {
        let open = previous.filter(|p| p.is_open()).and_then(|p| p.entity());
        match (open, self.parts()) {
            (Some(t), Some((Position::Inside | Position::Last, e))) => t == e,
            (Some(_), _) => false,
            (None, Some((Position::Inside | Position::Last, _))) => false,
            (None, _) => true,
        }
    }

    /// Whether `self` may be chosen after `previous` at a position that is (`last_in_sentence`)
    /// or is not the sentence's last: the decoders' one transition rule, which also keeps an
    /// entity from staying open past the end of the sentence.
    pub fn allowed(self, previous: Option<Label>, last_in_sentence: bool) -> bool {
        self.may_follow(previous) && !(last_in_sentence && self.is_open())
    }

    /// Short name, e.g. `B-PER`, `U-LOC`, `O`.
    pub fn name(self) -> String {
        match self.parts() {
            None => "O".to_string(),
            Some((p, e)) => {
                let c = match p {
                    Position::Begin => 'B',
                    Position::Inside => 'I',
                    Position::Last => 'L',
                    Position::Unit => 'U',
                };
                format!("{c}-{}", e.as_str())
            }
        }
    }
}

/// A BIO (IOB2) tag as handed out by [`crate::NerModel::tag_sentence`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bio {
    /// Outside any entity.
    O,
    /// First token of an entity.
    B(EntityLabel),
    /// Continuation of the entity begun by the previous token.
    I(EntityLabel),
}

impl Bio {
    /// Parses `O`, `B-X`, `I-X` for the four CoNLL types.
    pub fn parse(tag: &str) -> Option<Bio> {
        if tag == "O" {
            return Some(Bio::O);
        }
        let (prefix, rest) = tag.split_once('-')?;
        let entity = EntityLabel::parse(rest)?;
        match prefix {
            "B" => Some(Bio::B(entity)),
            "I" => Some(Bio::I(entity)),
            _ => None,
        }
    }

    /// The entity type, or `None` for `O`.
    pub fn entity(self) -> Option<EntityLabel> {
        match self {
            Bio::O => None,
            Bio::B(e) | Bio::I(e) => Some(e),
        }
    }
}

impl std::fmt::Display for Bio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Bio::O => f.write_str("O"),
            Bio::B(e) => write!(f, "B-{e}"),
            Bio::I(e) => write!(f, "I-{e}"),
        }
    }
}

/// Entity spans `(first, end, type)` (token indices, `end` exclusive) in a BIO sequence, decoded
/// with the CoNLL `conlleval` rules: an `I-X` after `O` or after another type starts a new entity.
pub fn bio_spans(tags: &[Bio]) -> Vec<(usize, usize, EntityLabel)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, EntityLabel)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let continues = matches!((tag, open), (Bio::I(e), Some((_, t))) if *e == t);
        if continues {
            continue;
        }
        if let Some((start, t)) = open.take() {
            spans.push((start, i, t));
        }
        if let Some(e) = tag.entity() {
            open = Some((i, e));
        }
    }
    if let Some((start, t)) = open {
        spans.push((start, tags.len(), t));
    }
    spans
}

/// BIO tags for a BILOU sequence. A `B`/`I` left open at the end of the sequence or a stray
/// `I`/`L` is read leniently as part of an entity of its type, so no label is ever lost.
pub fn bilou_to_bio(labels: &[Label]) -> Vec<Bio> {
    let mut out = Vec::with_capacity(labels.len());
    let mut previous: Option<Label> = None;
    for &label in labels {
        let bio = match label.parts() {
            None => Bio::O,
            Some((position, e)) => {
                let continues = previous.is_some_and(|p| p.is_open() && p.entity() == Some(e));
                match position {
                    Position::Begin | Position::Unit => Bio::B(e),
                    Position::Inside | Position::Last if continues => Bio::I(e),
                    Position::Inside | Position::Last => Bio::B(e),
                }
            }
        };
        out.push(bio);
        previous = Some(label);
    }
    out
}

/// BILOU labels for a BIO sequence (for training from CoNLL's IOB2 columns).
pub fn bio_to_bilou(tags: &[Bio]) -> Vec<Label> {
    let mut out = vec![Label::OUTSIDE; tags.len()];
    for (start, end, e) in bio_spans(tags) {
        if end - start == 1 {
            out[start] = Label::new(Position::Unit, e);
        } else {
            out[start] = Label::new(Position::Begin, e);
            for slot in out.iter_mut().take(end - 1).skip(start + 1) {
                *slot = Label::new(Position::Inside, e);
            }
            out[end - 1] = Label::new(Position::Last, e);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityLabel::*;

    #[test]
    fn label_round_trip() {
        for i in 0..NUM_LABELS as u8 {
            let l = Label(i);
            match l.parts() {
                None => assert_eq!(i, 0),
                Some((p, e)) => assert_eq!(Label::new(p, e), l),
            }
        }
        assert_eq!(Label(17).parts(), None);
    }

    #[test]
    fn conlleval_span_rules() {
        let tags = [
            Bio::I(Per),
            Bio::I(Per),
            Bio::O,
            Bio::B(Loc),
            Bio::I(Org),
            Bio::B(Misc),
            Bio::B(Misc),
            Bio::I(Misc),
        ];
        assert_eq!(
            bio_spans(&tags),
            vec![
                (0, 2, Per),
                (3, 4, Loc),
                (4, 5, Org),
                (5, 6, Misc),
                (6, 8, Misc)
            ]
        );
        assert!(bio_spans(&[]).is_empty());
        assert_eq!(bio_spans(&[Bio::B(Org)]), vec![(0, 1, Org)]);
    }

    #[test]
    fn bilou_bio_round_trip() {
        let tags = [
            Bio::B(Per),
            Bio::I(Per),
            Bio::I(Per),
            Bio::B(Loc),
            Bio::O,
            Bio::B(Org),
            Bio::B(Org),
            Bio::I(Org),
        ];
        let bilou = bio_to_bilou(&tags);
        let names: Vec<String> = bilou.iter().map(|l| l.name()).collect();
        assert_eq!(
            names,
            ["B-PER", "I-PER", "L-PER", "U-LOC", "O", "U-ORG", "B-ORG", "L-ORG"]
        );
        assert_eq!(bilou_to_bio(&bilou), tags);
    }

    #[test]
    fn lenient_bilou_decoding() {
        let b = Label::new(Position::Begin, Per);
        let l = Label::new(Position::Last, Loc);
        // A B left open at the end still yields the entity; a stray L starts its own.
        assert_eq!(bilou_to_bio(&[b]), vec![Bio::B(Per)]);
        assert_eq!(bilou_to_bio(&[b, l]), vec![Bio::B(Per), Bio::B(Loc)]);
    }

    #[test]
    fn transitions() {
        let b = Label::new(Position::Begin, Per);
        let i = Label::new(Position::Inside, Per);
        let l_loc = Label::new(Position::Last, Loc);
        assert!(b.may_follow(None));
        assert!(!i.may_follow(None));
        assert!(i.may_follow(Some(b)));
        assert!(!l_loc.may_follow(Some(b)));
        assert!(!Label::OUTSIDE.may_follow(Some(b)));
        assert!(Label::OUTSIDE.may_follow(Some(Label::OUTSIDE)));
    }

    #[test]
    fn an_entity_may_not_stay_open_at_the_sentence_end() {
        let b = Label::new(Position::Begin, Per);
        let i = Label::new(Position::Inside, Per);
        let l = Label::new(Position::Last, Per);
        let u = Label::new(Position::Unit, Per);
        assert!(b.allowed(None, false) && !b.allowed(None, true));
        assert!(i.allowed(Some(b), false) && !i.allowed(Some(b), true));
        assert!(l.allowed(Some(b), true) && u.allowed(None, true));
        assert!(Label::OUTSIDE.allowed(None, true));
        // The transition rule still holds at the end.
        assert!(!l.allowed(None, true) && !Label::OUTSIDE.allowed(Some(b), true));
    }

    #[test]
    fn bio_parse() {
        assert_eq!(Bio::parse("B-PER"), Some(Bio::B(Per)));
        assert_eq!(Bio::parse("I-MISC"), Some(Bio::I(Misc)));
        assert_eq!(Bio::parse("O"), Some(Bio::O));
        assert_eq!(Bio::parse("B-GPE"), None);
        assert_eq!(Bio::parse("X-PER"), None);
        assert_eq!(Bio::to_string(&Bio::I(Loc)), "I-LOC");
    }
}
