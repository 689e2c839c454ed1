//! Small closed word lists about news English that several stages need: sentence openers,
//! month and weekday names. Kept here, in the first layer, so that the quote, quantity and
//! time stages agree on them.

/// Words that typically open a sentence; an abbreviation such as "U.S." or "Inc." ends a
/// sentence only when one of these follows, since a capitalised name after it ("U.S. Army")
/// is far more common in news than a sentence end.
pub fn is_sentence_opener(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "In"
            | "On"
            | "At"
            | "By"
            | "For"
            | "From"
            | "With"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "There"
            | "Here"
            | "However"
            | "Meanwhile"
            | "After"
            | "Before"
            | "When"
            | "While"
            | "If"
            | "As"
            | "According"
            | "Officials"
            | "Police"
            | "Some"
            | "Many"
            | "Most"
            | "Both"
            | "Last"
            | "Earlier"
            | "Later"
            | "Since"
            | "Still"
            | "Now"
            | "Then"
            | "What"
            | "Who"
            | "Why"
            | "How"
    )
}

/// A month name, in full or abbreviated, with or without the period ("March", "Jan.", "Sept").
pub fn is_month_name(word: &str) -> bool {
    matches!(
        word.strip_suffix('.').unwrap_or(word),
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
    )
}

/// A weekday name in full ("Tuesday").
pub fn is_weekday_name(word: &str) -> bool {
    matches!(
        word,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(is_month_name("Sept.") && is_month_name("Jan") && is_month_name("March"));
        assert!(!is_month_name("march") && !is_month_name("Mayor"));
        assert!(is_weekday_name("Tuesday") && !is_weekday_name("Tues"));
        assert!(is_sentence_opener("The") && !is_sentence_opener("Army"));
    }
}
