//! Abbreviations that keep their period, and what they mean for sentence ends.
//!
//! The list is small on purpose: it holds the forms news copy uses (titles, months, company
//! suffixes, Latin shorthands). Dotted forms ("U.S.", "a.m.", "Ph.D.") and single-letter
//! initials are recognised by shape, so they need no list.

/// How an abbreviation behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevKind {
    /// Comes before a name or number and never ends a sentence: "Mr.", "Gen.", "No. 5".
    Prefix,
    /// A single-letter initial: "J. R. Smith", "S. Africa". Never ends a sentence.
    Initial,
    /// A month: ends a sentence only when a typical sentence opener follows (never before a day).
    Month,
    /// A dotted form such as "U.S." or "a.m.": may end a sentence.
    Dotted,
    /// Anything else on the list ("Inc.", "etc.", "Jr."): may end a sentence.
    Other,
}

/// Classifies `core` (the token without its final period) as an abbreviation, or `None`.
///
/// `next` is the first non-space character after the period; "No." counts as an abbreviation
/// only before a digit, because "No." is otherwise a one-word answer.
pub(crate) fn classify(core: &str, next: Option<char>) -> Option<AbbrevKind> {
    let mut chars = core.chars();
    let first = chars.next()?;
    if chars.next().is_none() {
        return first.is_alphabetic().then_some(AbbrevKind::Initial);
    }
    if core.contains('.') {
        let dotted = core
            .split('.')
            .all(|seg| (1..=2).contains(&seg.len()) && seg.chars().all(char::is_alphabetic));
        return dotted.then_some(AbbrevKind::Dotted);
    }
    if core.len() > 6 || !core.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 6];
    let lower = &mut buf[..core.len()];
    lower.copy_from_slice(core.as_bytes());
    lower.make_ascii_lowercase();
    let capitalised = first.is_ascii_uppercase();
    let kind = match &*lower {
        b"mr" | b"mrs" | b"ms" | b"dr" | b"prof" | b"gen" | b"lt" | b"col" | b"maj" | b"capt"
        | b"sgt" | b"cpl" | b"adm" | b"gov" | b"sen" | b"rep" | b"rev" | b"hon" | b"pres"
        | b"supt" | b"insp" | b"det" | b"cmdr" | b"brig" | b"st" | b"mt" | b"ft" | b"messrs"
            if capitalised =>
        {
            AbbrevKind::Prefix
        }
        b"no" | b"nos" | b"vol" | b"fig" | b"art" | b"p" | b"pp"
            if next.is_some_and(|c| c.is_ascii_digit()) =>
        {
            AbbrevKind::Prefix
        }
        b"jan" | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"sept"
        | b"oct" | b"nov" | b"dec"
            if capitalised =>
        {
            AbbrevKind::Month
        }
        b"inc" | b"corp" | b"ltd" | b"co" | b"bros" | b"jr" | b"sr" | b"ave" | b"blvd" | b"rd"
        | b"dept" | b"univ" | b"assn" | b"gov't" | b"ala" | b"ariz" | b"ark" | b"calif"
        | b"colo" | b"conn" | b"fla" | b"ga" | b"ill" | b"kan" | b"ky" | b"md" | b"mass"
        | b"mich" | b"minn" | b"neb" | b"nev" | b"okla" | b"ore" | b"pa" | b"tenn" | b"tex"
        | b"va" | b"vt" | b"wis" | b"wyo"
            if capitalised =>
        {
            AbbrevKind::Other
        }
        b"etc" | b"vs" | b"approx" | b"al" | b"cf" | b"ca" | b"est" | b"viz" => AbbrevKind::Other,
        _ => return None,
    };
    Some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_list() {
        assert_eq!(classify("U.S", Some('T')), Some(AbbrevKind::Dotted));
        assert_eq!(classify("Ph.D", None), Some(AbbrevKind::Dotted));
        assert_eq!(classify("J", Some('R')), Some(AbbrevKind::Initial));
        assert_eq!(classify("Gen", Some('T')), Some(AbbrevKind::Prefix));
        assert_eq!(classify("No", Some('5')), Some(AbbrevKind::Prefix));
        assert_eq!(classify("No", Some('T')), None);
        assert_eq!(classify("Jan", Some('3')), Some(AbbrevKind::Month));
        assert_eq!(classify("mar", Some('t')), None);
        assert_eq!(classify("Nordwire", Some('T')), None);
        assert_eq!(classify("Nordwire.com", None), None);
        assert_eq!(classify("1996", None), None);
    }
}
