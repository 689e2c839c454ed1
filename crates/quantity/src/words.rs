//! Number words, scale words, units and currencies.

/// Value of a cardinal number word ("seven", "twenty"), hyphenated forms included
/// ("twenty-five"). "one" is left to the caller because it is so often a pronoun.
pub(crate) fn cardinal_word(word: &str) -> Option<f64> {
    let lower = word.to_ascii_lowercase();
    if let Some((tens, ones)) = lower.split_once('-') {
        let t = simple_cardinal(tens)?;
        let o = simple_cardinal(ones)?;
        return (t >= 20.0 && t % 10.0 == 0.0 && (1.0..10.0).contains(&o)).then_some(t + o);
    }
    simple_cardinal(&lower)
}

fn simple_cardinal(lower: &str) -> Option<f64> {
    triangulate_text::lexicon::cardinal_number_word(lower).map(f64::from)
}

/// Value of an ordinal word: "first", "nineteenth", "twenty-first".
pub(crate) fn ordinal_word(word: &str) -> Option<f64> {
    let lower = word.to_ascii_lowercase();
    if let Some((tens, ones)) = lower.split_once('-') {
        let t = simple_cardinal(tens)?;
        let o = simple_ordinal(ones)?;
        return (t >= 20.0 && t % 10.0 == 0.0 && o < 10.0).then_some(t + o);
    }
    simple_ordinal(&lower)
}

fn simple_ordinal(lower: &str) -> Option<f64> {
    triangulate_text::lexicon::ordinal_number_word(lower).map(f64::from)
}

/// Scale words after a number: "1.2 million", "3 bn", "two hundred".
pub(crate) fn scale_word(word: &str) -> Option<f64> {
    Some(match word.to_ascii_lowercase().as_str() {
        "hundred" => 1e2,
        "thousand" | "k" => 1e3,
        "million" | "millions" | "mn" | "mln" => 1e6,
        "billion" | "billions" | "bn" | "bln" => 1e9,
        "trillion" | "trillions" | "tn" => 1e12,
        _ => return None,
    })
}

/// A multiplier word: "ninefold", "two-fold", "doubled", "halved".
pub(crate) fn multiplier_word(word: &str) -> Option<f64> {
    let lower = word.to_ascii_lowercase();
    match lower.as_str() {
        "doubled" | "doubling" | "doubles" => return Some(2.0),
        "tripled" | "tripling" | "triples" | "trebled" => return Some(3.0),
        "quadrupled" | "quadrupling" => return Some(4.0),
        "halved" | "halving" => return Some(0.5),
        _ => {}
    }
    let stem = lower.strip_suffix("fold")?;
    let stem = stem.strip_suffix('-').unwrap_or(stem);
    cardinal_word(stem)
        .or_else(|| stem.parse::<f64>().ok())
        .filter(|v| *v > 1.0)
}

/// ISO 4217 code of a currency sign or code written before the amount.
pub(crate) fn currency_prefix(word: &str) -> Option<&'static str> {
    Some(match word {
        "$" | "US$" | "USD" => "USD",
        "€" | "EUR" => "EUR",
        "£" | "GBP" => "GBP",
        "¥" | "JPY" => "JPY",
        "₹" | "INR" | "Rs" | "Rs." => "INR",
        "C$" | "CAD" => "CAD",
        "A$" | "AUD" => "AUD",
        "CHF" => "CHF",
        "CNY" | "RMB" => "CNY",
        "SEK" => "SEK",
        "NOK" => "NOK",
        "DKK" => "DKK",
        "RUB" => "RUB",
        _ => return None,
    })
}

/// ISO 4217 code of a currency word written after the amount: "5 million euros".
pub(crate) fn currency_suffix(word: &str) -> Option<&'static str> {
    Some(match word.to_ascii_lowercase().as_str() {
        "dollar" | "dollars" | "usd" => "USD",
        "euro" | "euros" | "eur" => "EUR",
        "pound" | "pounds" | "sterling" | "gbp" => "GBP",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "rupee" | "rupees" => "INR",
        "franc" | "francs" => "CHF",
        "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        "krona" | "kronor" => "SEK",
        "krone" | "kroner" => "NOK",
        _ => return None,
    })
}

/// What a unit word measures, its normalised name, and its factor to the canonical unit of
/// that dimension (days, metres, kilograms, square metres, litres).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct UnitInfo {
    pub name: &'static str,
    pub dimension: Dimension,
    pub factor: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dimension {
    Duration,
    Length,
    Mass,
    Area,
    Volume,
}

impl Dimension {
    pub(crate) fn canonical_unit(self) -> &'static str {
        match self {
            Dimension::Duration => "day",
            Dimension::Length => "m",
            Dimension::Mass => "kg",
            Dimension::Area => "m2",
            Dimension::Volume => "l",
        }
    }
}

pub(crate) fn unit_word(word: &str) -> Option<UnitInfo> {
    use Dimension::*;
    let (name, dimension, factor) = match word {
        "second" | "seconds" | "secs" => ("second", Duration, 1.0 / 86_400.0),
        "minute" | "minutes" | "mins" => ("minute", Duration, 1.0 / 1_440.0),
        "hour" | "hours" | "hrs" => ("hour", Duration, 1.0 / 24.0),
        "day" | "days" => ("day", Duration, 1.0),
        "week" | "weeks" => ("week", Duration, 7.0),
        "month" | "months" => ("month", Duration, 365.25 / 12.0),
        "year" | "years" => ("year", Duration, 365.25),
        "decade" | "decades" => ("decade", Duration, 3_652.5),
        "century" | "centuries" => ("century", Duration, 36_525.0),
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => ("km", Length, 1_000.0),
        "m" | "metre" | "metres" | "meter" | "meters" => ("m", Length, 1.0),
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => ("cm", Length, 0.01),
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => ("mm", Length, 0.001),
        "mile" | "miles" => ("mile", Length, 1_609.344),
        "ft" | "foot" | "feet" => ("ft", Length, 0.3048),
        "kg" | "kilogram" | "kilograms" | "kilo" | "kilos" => ("kg", Mass, 1.0),
        "g" | "gram" | "grams" => ("g", Mass, 0.001),
        "tonne" | "tonnes" | "ton" | "tons" | "t" => ("tonne", Mass, 1_000.0),
        "lb" | "lbs" | "pound-weight" => ("lb", Mass, 0.453_592_37),
        "hectare" | "hectares" | "ha" => ("hectare", Area, 10_000.0),
        "km2" | "sq km" => ("km2", Area, 1e6),
        "acre" | "acres" => ("acre", Area, 4_046.856),
        "litre" | "litres" | "liter" | "liters" => ("l", Volume, 1.0),
        "barrel" | "barrels" => ("barrel", Volume, 158.987),
        _ => return None,
    };
    Some(UnitInfo {
        name,
        dimension,
        factor,
    })
}

/// Plural nouns that count things ("10,000 people"); any other lower-case plural is accepted
/// too, these are the ones that do not end in "s".
pub(crate) fn irregular_count_noun(word: &str) -> bool {
    matches!(
        word,
        "people"
            | "police"
            | "children"
            | "men"
            | "women"
            | "staff"
            | "personnel"
            | "dead"
            | "injured"
            | "wounded"
            | "cattle"
            | "sheep"
            | "fish"
            | "aircraft"
            | "livestock"
            | "crew"
            | "infantry"
    )
}

/// Lower-case words ending in "s" that are not plural nouns.
pub(crate) fn is_non_noun_s_word(word: &str) -> bool {
    matches!(
        word,
        "was"
            | "has"
            | "is"
            | "says"
            | "as"
            | "its"
            | "this"
            | "his"
            | "hers"
            | "ours"
            | "less"
            | "unless"
            | "thus"
            | "plus"
            | "minus"
            | "versus"
            | "across"
            | "includes"
            | "remains"
            | "seems"
            | "goes"
            | "does"
            | "gets"
            | "makes"
            | "takes"
            | "comes"
            | "means"
            | "shows"
            | "puts"
            | "needs"
            | "wants"
            | "always"
            | "perhaps"
            | "nevertheless"
            | "besides"
            | "whereas"
            | "afterwards"
            | "towards"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(cardinal_word("twenty-five"), Some(25.0));
        assert_eq!(cardinal_word("Seven"), Some(7.0));
        assert_eq!(cardinal_word("twenty-ten"), None);
        assert_eq!(ordinal_word("twenty-first"), Some(21.0));
        assert_eq!(multiplier_word("ninefold"), Some(9.0));
        assert_eq!(multiplier_word("two-fold"), Some(2.0));
        assert_eq!(multiplier_word("10-fold"), Some(10.0));
        assert_eq!(multiplier_word("manifold"), None);
        assert_eq!(scale_word("bn"), Some(1e9));
    }
}
