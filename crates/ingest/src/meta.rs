//! Metadata candidates from every reader, resolved by confidence into one [`Metadata`].
//!
//! Each reader adds what it saw (a feed's `pubDate`, an HTML `<meta>`, a "By Jane Doe" line, a
//! dateline) with its evidence. Resolution keeps the most trusted value per field; for the
//! publication date a partial value is completed only from another candidate that agrees on every
//! field both know (a dateline "March 3" takes its year from metadata saying 2025-03-03, never
//! from the clock).

use triangulate_doc::{EvidenceSource, MetaValue, Metadata, PartialDate};

/// Confidence levels used across readers, highest first.
pub mod confidence {
    /// A field of structured input (JSON record field, feed element, HTML meta / JSON-LD).
    pub const STRUCTURED: f32 = 0.9;
    /// A "Published: March 3, 2025" line: the page's own statement, above a dateline (which
    /// gives the day the story was filed).
    pub const PUBLISHED_LINE: f32 = 0.8;
    /// A dateline or a byline line.
    pub const DATELINE: f32 = 0.75;
    /// A labelled line in the text ("Published: March 3, 2025", "Source: Nordwire").
    pub const LABELLED_TEXT: f32 = 0.7;
    /// The first line of a plain-text article taken as its title.
    pub const FIRST_LINE: f32 = 0.6;
    /// A copyright line.
    pub const COPYRIGHT: f32 = 0.5;
    /// A bare date line near the top of the article.
    pub const BARE_DATE: f32 = 0.5;
    /// The host of the document's URL.
    pub const URL_HOST: f32 = 0.3;
}

/// Metadata seen so far, possibly several values per field.
#[derive(Debug, Default, Clone)]
pub struct Candidates {
    /// Headlines and titles.
    pub title: Vec<MetaValue<String>>,
    /// Outlet names (site name, copyright holder, URL host...).
    pub outlet: Vec<MetaValue<String>>,
    /// Author names, one per value.
    pub authors: Vec<MetaValue<String>>,
    /// Publication dates, each with the time of day when given.
    pub published: Vec<(MetaValue<PartialDate>, Option<String>)>,
    /// Dates printed in page chrome; never publication dates.
    pub page_dates: Vec<MetaValue<PartialDate>>,
    /// Dateline places.
    pub dateline_place: Vec<MetaValue<String>>,
    /// Agencies credited for the text.
    pub credited_agencies: Vec<MetaValue<String>>,
    /// Canonical or source URLs.
    pub url: Vec<MetaValue<String>>,
    /// ISO 639-1 codes.
    pub language: Vec<MetaValue<String>>,
}

fn best<T: Clone>(values: &[MetaValue<T>]) -> Option<MetaValue<T>> {
    // Stable: among equal confidence the first seen (structured readers add theirs first) wins.
    let mut best: Option<&MetaValue<T>> = None;
    for v in values {
        if best.is_none_or(|b| v.evidence.confidence > b.evidence.confidence) {
            best = Some(v);
        }
    }
    best.cloned()
}

fn compatible(a: &PartialDate, b: &PartialDate) -> bool {
    let agree = |x: Option<i64>, y: Option<i64>| x.is_none() || y.is_none() || x == y;
    agree(a.year.map(i64::from), b.year.map(i64::from))
        && agree(a.month.map(i64::from), b.month.map(i64::from))
        && agree(a.day.map(i64::from), b.day.map(i64::from))
}

/// Add a cleaned string value to a candidate list; empty values are ignored.
/// The host of a web address, without scheme, "www.", port, path or query.
fn host_of(link: &str) -> Option<&str> {
    let link = link.trim();
    let rest = link.split_once("://").map_or(link, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(host);
    (host.contains('.') && !host.is_empty()).then_some(host)
}

fn push_clean(
    list: &mut Vec<MetaValue<String>>,
    value: &str,
    source: EvidenceSource,
    orig: Option<std::ops::Range<usize>>,
    conf: f32,
) {
    if let Some(v) = clean_value(value) {
        list.push(MetaValue::new(v, source, orig, conf));
    }
}

impl Candidates {
    /// A title or headline. Empty values are ignored, and so is a bare web address (feeds
    /// and scrapers sometimes put the item's link where its title belongs).
    pub fn add_title(
        &mut self,
        value: &str,
        source: EvidenceSource,
        orig: Option<std::ops::Range<usize>>,
        conf: f32,
    ) {
        if crate::clean::is_bare_link(value) {
            return;
        }
        push_clean(&mut self.title, value, source, orig, conf);
    }

    /// An outlet name. Empty values are ignored; a web address given as the name
    /// ("https://www.herald.example", as some sites fill `og:site_name`) becomes its host
    /// ("herald.example").
    pub fn add_outlet(
        &mut self,
        value: &str,
        source: EvidenceSource,
        orig: Option<std::ops::Range<usize>>,
        conf: f32,
    ) {
        if crate::clean::is_bare_link(value) {
            if let Some(host) = host_of(value) {
                push_clean(&mut self.outlet, host, source, orig, conf);
            }
            return;
        }
        push_clean(&mut self.outlet, value, source, orig, conf);
    }

    /// One author's name. Empty values are ignored.
    pub fn add_author(
        &mut self,
        value: &str,
        source: EvidenceSource,
        orig: Option<std::ops::Range<usize>>,
        conf: f32,
    ) {
        push_clean(&mut self.authors, value, source, orig, conf);
    }

    /// An agency credited for the text. Empty values are ignored.
    pub fn add_agency(
        &mut self,
        value: &str,
        source: EvidenceSource,
        orig: Option<std::ops::Range<usize>>,
        conf: f32,
    ) {
        push_clean(&mut self.credited_agencies, value, source, orig, conf);
    }

    /// A publication date and time of day. Empty values are ignored.
    pub fn add_published(
        &mut self,
        date: PartialDate,
        time: Option<String>,
        source: EvidenceSource,
        orig: Option<std::ops::Range<usize>>,
        conf: f32,
    ) {
        self.published
            .push((MetaValue::new(date, source, orig, conf), time));
    }

    /// A URL; its host also becomes a low-confidence outlet candidate. Empty values are ignored.
    pub fn add_url(
        &mut self,
        value: &str,
        source: EvidenceSource,
        orig: Option<std::ops::Range<usize>>,
        conf: f32,
    ) {
        if let Some(v) = clean_value(value) {
            if let Some(host) = url_host(&v) {
                self.outlet.push(MetaValue::new(
                    host,
                    EvidenceSource::UrlHost,
                    orig.clone(),
                    confidence::URL_HOST,
                ));
            }
            self.url.push(MetaValue::new(v, source, orig, conf));
        }
    }

    /// A language in any common form (`en-GB`, `eng`, `English`), stored as ISO 639-1. Empty values are ignored.
    pub fn add_language(
        &mut self,
        value: &str,
        source: EvidenceSource,
        orig: Option<std::ops::Range<usize>>,
        conf: f32,
    ) {
        if let Some(code) = normalise_language(value) {
            self.language.push(MetaValue::new(code, source, orig, conf));
        }
    }

    /// Resolve to one value per field.
    pub fn resolve(self) -> Metadata {
        let mut published = None;
        let mut published_time = None;
        let mut best_idx = None;
        for (i, (v, _)) in self.published.iter().enumerate() {
            let better = match best_idx {
                None => true,
                Some(b) => {
                    let (bv, _): &(MetaValue<PartialDate>, Option<String>) = &self.published[b];
                    v.evidence.confidence > bv.evidence.confidence
                }
            };
            if better {
                best_idx = Some(i);
            }
        }
        if let Some(i) = best_idx {
            let (mut v, time) = self.published[i].clone();
            // Complete missing fields only from a compatible candidate that knows them.
            if !v.value.is_complete() {
                for (other, _) in &self.published {
                    if compatible(&v.value, &other.value) {
                        v.value.year = v.value.year.or(other.value.year);
                        v.value.month = v.value.month.or(other.value.month);
                        v.value.day = v.value.day.or(other.value.day);
                    }
                }
            }
            published_time = time.or_else(|| {
                self.published
                    .iter()
                    .filter(|(o, _)| o.value == v.value)
                    .find_map(|(_, t)| t.clone())
            });
            published = Some(v);
        }
        let mut authors: Vec<MetaValue<String>> = Vec::new();
        // Authors from the most trusted source only, so a byline does not duplicate a field.
        if let Some(top) = best(&self.authors) {
            for a in &self.authors {
                if a.evidence.source == top.evidence.source
                    && !authors
                        .iter()
                        .any(|x| x.value.eq_ignore_ascii_case(&a.value))
                {
                    authors.push(a.clone());
                }
            }
        }
        let mut agencies: Vec<MetaValue<String>> = Vec::new();
        for a in self.credited_agencies {
            if !agencies
                .iter()
                .any(|x| x.value.eq_ignore_ascii_case(&a.value))
            {
                agencies.push(a);
            }
        }
        Metadata {
            title: best(&self.title),
            outlet: best(&self.outlet),
            authors,
            published,
            published_time,
            page_dates: self.page_dates,
            dateline_place: best(&self.dateline_place),
            credited_agencies: agencies,
            url: best(&self.url),
            language: best(&self.language),
        }
    }
}

/// Collapse whitespace and trim; `None` when nothing is left.
pub fn clean_value(value: &str) -> Option<String> {
    let v = value.split_whitespace().collect::<Vec<_>>().join(" ");
    (!v.is_empty()).then_some(v)
}

/// Host of an absolute http(s) URL without a leading `www.`.
pub fn url_host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    let host = host.split(':').next()?;
    let host = host
        .strip_prefix("www.")
        .unwrap_or(host)
        .to_ascii_lowercase();
    (host.contains('.') && !host.is_empty()).then_some(host)
}

/// `en`, `en-GB`, `en_US`, `eng`, `English` → ISO 639-1 `en`.
pub fn normalise_language(value: &str) -> Option<String> {
    let v = value.trim().to_ascii_lowercase();
    let primary = v.split(['-', '_']).next()?;
    if primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_lowercase()) {
        return Some(primary.to_string());
    }
    if let Some(lang) = whatlang::Lang::from_code(primary) {
        return crate::lang::iso639_1(lang).map(str::to_string);
    }
    whatlang::Lang::all()
        .iter()
        .find(|l| l.eng_name().eq_ignore_ascii_case(&v))
        .and_then(|l| crate::lang::iso639_1(*l))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_given_as_outlet_becomes_its_host_and_a_link_is_no_title() {
        let mut c = Candidates::default();
        c.add_outlet(
            "https://www.courier.example/news/",
            EvidenceSource::Inferred,
            None,
            0.5,
        );
        c.add_outlet("Vell Courier", EvidenceSource::Inferred, None, 0.4);
        c.add_title("www.courier.example", EvidenceSource::Inferred, None, 0.9);
        let outlets: Vec<&str> = c.outlet.iter().map(|o| o.value.as_str()).collect();
        assert_eq!(outlets, vec!["courier.example", "Vell Courier"]);
        assert!(c.title.is_empty());
        assert_eq!(
            host_of("http://herald.example:8080/a?b"),
            Some("herald.example")
        );
        assert_eq!(host_of("https://localhost/"), None);
    }

    #[test]
    fn partial_date_completed_only_from_agreeing_metadata() {
        let mut c = Candidates::default();
        c.add_published(
            PartialDate {
                year: None,
                month: Some(3),
                day: Some(3),
            },
            None,
            EvidenceSource::Dateline,
            None,
            0.95,
        );
        c.add_published(
            PartialDate::ymd(2025, 3, 3),
            None,
            EvidenceSource::JsonField("date".into()),
            None,
            0.5,
        );
        assert_eq!(
            c.resolve().published.unwrap().value,
            PartialDate::ymd(2025, 3, 3)
        );

        let mut c = Candidates::default();
        c.add_published(
            PartialDate {
                year: None,
                month: Some(3),
                day: Some(3),
            },
            None,
            EvidenceSource::Dateline,
            None,
            0.95,
        );
        c.add_published(
            PartialDate::ymd(2025, 3, 4),
            None,
            EvidenceSource::Text,
            None,
            0.5,
        );
        assert_eq!(
            c.resolve().published.unwrap().value,
            PartialDate {
                year: None,
                month: Some(3),
                day: Some(3)
            }
        );
    }

    #[test]
    fn hosts_and_languages() {
        assert_eq!(
            url_host("https://www.brenna-herald.example/a/b?x=1").as_deref(),
            Some("brenna-herald.example")
        );
        assert_eq!(url_host("not a url"), None);
        assert_eq!(normalise_language("en-GB").as_deref(), Some("en"));
        assert_eq!(normalise_language("deu").as_deref(), Some("de"));
        assert_eq!(normalise_language("French").as_deref(), Some("fr"));
    }
}
