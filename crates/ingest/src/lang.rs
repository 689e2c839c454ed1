//! Language identification (`whatlang`), reported as ISO 639-1.

use whatlang::Lang;

/// ISO 639-1 code of a `whatlang` language; `None` for the few without one.
pub fn iso639_1(lang: Lang) -> Option<&'static str> {
    use Lang::*;
    Some(match lang {
        Epo => "eo",
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        #[allow(unreachable_patterns)]
        _ => return None,
    })
}

/// Identify the language of `text` (ISO 639-1) with whatlang's confidence, when it is reliable.
pub fn identify(text: &str) -> Option<(&'static str, f32)> {
    // The first few thousand characters are plenty and keep this cheap on long inputs.
    let sample_end = text
        .char_indices()
        .nth(4000)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let info = whatlang::detect(&text[..sample_end])?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    let code = iso639_1(info.lang())?;
    Some((code, (info.confidence() as f32).clamp(0.0, 1.0) * 0.8))
}
