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

/// A lower-case conjunction or preposition that ends a noun phrase after a head word ("the
/// 2014 awards *in* Vask", "paid daily *since* May"). "of" is left out: it continues a phrase
/// ("a daily of the party").
pub fn is_phrase_break(lower: &str) -> bool {
    matches!(
        lower,
        "and"
            | "or"
            | "but"
            | "in"
            | "on"
            | "at"
            | "for"
            | "to"
            | "from"
            | "by"
            | "with"
            | "since"
            | "until"
            | "than"
            | "as"
            | "over"
            | "through"
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
        assert!(is_phrase_break("since") && !is_phrase_break("of") && !is_phrase_break("Since"));
    }
}

/// Value of a lower-case cardinal number word from "zero" to "ninety" ("seven" → 7,
/// "forty" → 40). Compounds ("twenty-five") and scale words ("hundred") are left to callers,
/// whose grammars differ (quantities vs time expressions).
pub fn cardinal_number_word(lower: &str) -> Option<u32> {
    Some(match lower {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Value of a lower-case ordinal word: "first" … "twentieth", the tens up to "ninetieth", and
/// "hundredth", "thousandth", "millionth".
pub fn ordinal_number_word(lower: &str) -> Option<u32> {
    Some(match lower {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        "fiftieth" => 50,
        "sixtieth" => 60,
        "seventieth" => 70,
        "eightieth" => 80,
        "ninetieth" => 90,
        "hundredth" => 100,
        "thousandth" => 1000,
        "millionth" => 1_000_000,
        _ => return None,
    })
}

#[cfg(test)]
mod number_word_tests {
    use super::*;

    #[test]
    fn number_words() {
        assert_eq!(cardinal_number_word("zero"), Some(0));
        assert_eq!(cardinal_number_word("ninety"), Some(90));
        assert_eq!(cardinal_number_word("hundred"), None);
        assert_eq!(ordinal_number_word("nineteenth"), Some(19));
        assert_eq!(ordinal_number_word("millionth"), Some(1_000_000));
        assert_eq!(
            ordinal_number_word("Nineteenth"),
            None,
            "callers lower-case"
        );
    }
}
