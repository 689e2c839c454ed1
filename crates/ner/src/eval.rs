//! Entity-level scoring with the CoNLL `conlleval` counting: a predicted entity is correct when
//! its span and type both match a gold entity exactly.
use crate::labels::{bio_spans, Bio};
use triangulate_doc::EntityLabel;

/// Counts for one entity type (or all of them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Entities in the gold standard.
    pub gold: usize,
    /// Entities predicted.
    pub predicted: usize,
    /// Predicted entities with exactly the gold span and type.
    pub correct: usize,
}

impl Counts {
    /// Precision in percent.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    /// Recall in percent.
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Micro-averaged and per-type counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    /// All types together.
    pub micro: Counts,
    /// In the order of [`EntityLabel::ALL`].
    pub per_type: [Counts; 4],
}

impl Scores {
    /// Adds one sentence. Sentences of different lengths count what overlaps.
    pub fn add_sentence(&mut self, gold: &[Bio], predicted: &[Bio]) {
        let gold_spans = bio_spans(gold);
        let predicted_spans = bio_spans(predicted);
        for &(s, e, t) in &gold_spans {
            self.micro.gold += 1;
            self.per_type[t.index()].gold += 1;
            if predicted_spans.contains(&(s, e, t)) {
                self.micro.correct += 1;
                self.per_type[t.index()].correct += 1;
            }
        }
        for &(_, _, t) in &predicted_spans {
            self.micro.predicted += 1;
            self.per_type[t.index()].predicted += 1;
        }
    }

    /// Counts for one type.
    pub fn of(&self, label: EntityLabel) -> Counts {
        self.per_type[label.index()]
    }
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{:<6} {:>7} {:>7} {:>7} {:>6}",
            "type", "P", "R", "F1", "gold"
        )?;
        for label in EntityLabel::ALL {
            let c = self.of(label);
            writeln!(
                f,
                "{:<6} {:>7.2} {:>7.2} {:>7.2} {:>6}",
                label.as_str(),
                c.precision(),
                c.recall(),
                c.f1(),
                c.gold
            )?;
        }
        let c = self.micro;
        write!(
            f,
            "{:<6} {:>7.2} {:>7.2} {:>7.2} {:>6}",
            "micro",
            c.precision(),
            c.recall(),
            c.f1(),
            c.gold
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityLabel::*;

    #[test]
    fn exact_span_and_type() {
        let mut s = Scores::default();
        let gold = [Bio::B(Per), Bio::I(Per), Bio::O, Bio::B(Loc)];
        let pred = [Bio::B(Per), Bio::O, Bio::O, Bio::B(Loc)];
        s.add_sentence(&gold, &pred);
        assert_eq!(
            s.micro,
            Counts {
                gold: 2,
                predicted: 2,
                correct: 1
            }
        );
        assert_eq!(s.of(Loc).f1(), 100.0);
        assert_eq!(s.of(Per).f1(), 0.0);
        assert!((s.micro.f1() - 50.0).abs() < 1e-9);
    }
}
