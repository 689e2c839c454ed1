//! Headlines: records that are only a headline are kept with the headline as their text, and a
//! headline line written straight above the story is told apart from the story's first line.
//! Fixtures are ours: fictional people, places and outlets.

use triangulate_doc::{Document, Span};
use triangulate_ingest::{ingest_bytes, IngestError, IngestOptions, IngestReport};

const HEADLINE_ONLY: &str = "only a headline: the title is the text";

fn ingest(name: &str, text: &str) -> IngestReport {
    let report = ingest_bytes(name, text.as_bytes(), &IngestOptions::default());
    for d in &report.documents {
        d.check_map().unwrap_or_else(|e| panic!("{}: {e}", d.id));
    }
    report
}

fn only(name: &str, text: &str) -> Document {
    let report = ingest(name, text);
    assert!(report.skipped.is_empty(), "{name}: {:?}", report.skipped);
    assert_eq!(report.documents.len(), 1, "{name}");
    report.documents.into_iter().next().unwrap()
}

fn title(d: &Document) -> Option<&str> {
    d.metadata.title.as_ref().map(|t| t.value.as_str())
}

fn whole(d: &Document) -> String {
    d.original_text(Span::new(0, d.text().len()))
}

fn no_text_reason(name: &str, text: &str) -> String {
    let report = ingest(name, text);
    assert!(
        report.documents.is_empty(),
        "{name}: kept {:?}",
        report
            .documents
            .iter()
            .map(|d| d.text())
            .collect::<Vec<_>>()
    );
    match &report.skipped[..] {
        [s] => match &s.error {
            IngestError::NoText { reason } => reason.clone(),
            other => panic!("{name}: {other}"),
        },
        other => panic!("{name}: {other:?}"),
    }
}

#[test]
fn headline_feed_items_are_kept_with_the_title_as_text() {
    let feed = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Vell Courier - Coast</title>\n\
        <item><title>Marrow &amp; Kell harbours\n   closed by storm</title><link>https://courier.example/h</link>\
        <pubDate>Tue, 04 Mar 2025 08:00:00 +0000</pubDate></item>\n\
        <item><title>Ferry sails again</title><description>The ferry to Marrow ran again on Monday after the storm.</description></item>\n\
        </channel></rss>";
    let report = ingest("coast.rss", feed);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let [headline, story] = report.documents.as_slice() else {
        panic!("two items: {:?}", report.documents)
    };
    assert_eq!(headline.text(), "Marrow & Kell harbours closed by storm");
    assert_eq!(
        title(headline),
        Some("Marrow & Kell harbours closed by storm")
    );
    assert_eq!(headline.source.record.as_deref(), Some("item 1"));
    assert!(headline.warnings.iter().any(|w| w == HEADLINE_ONLY));
    let published = headline.metadata.published.as_ref().expect("pubDate read");
    assert_eq!(published.value.to_iso(), "2025-03-04");
    assert_eq!(
        headline.metadata.outlet.as_ref().map(|o| o.value.as_str()),
        Some("Vell Courier")
    );
    // The item's original bytes are its title, and the body maps onto them: the collapsed line
    // break covers the break and indent it stands for.
    assert_eq!(
        headline.original,
        b"Marrow & Kell harbours\n   closed by storm"
    );
    let at = headline.text().find("closed").unwrap();
    assert_eq!(
        headline.original_text(Span::new(at - 1, at + "closed".len())),
        "\n   closed"
    );
    assert_eq!(
        headline.metadata.title.as_ref().unwrap().evidence.orig,
        Some(0..headline.original.len())
    );
    // A story with a description is read from it, not from its title.
    assert_eq!(
        story.text(),
        "The ferry to Marrow ran again on Monday after the storm."
    );
    assert!(!story.warnings.iter().any(|w| w == HEADLINE_ONLY));
}

#[test]
fn headline_atom_entries_and_titles_with_markup() {
    let atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Marrow Post</title>\
        <entry><title type=\"html\">&lt;b&gt;Kell&lt;/b&gt; dam holds through the night</title>\
        <updated>2025-03-05T06:00:00Z</updated></entry></feed>";
    let d = only("post.atom", atom);
    assert_eq!(d.text(), "Kell dam holds through the night");
    assert_eq!(title(&d), Some("Kell dam holds through the night"));
    assert!(d.warnings.iter().any(|w| w == HEADLINE_ONLY));
    assert_eq!(d.original, b"<b>Kell</b> dam holds through the night");
    // The tag between two words stands where the space is.
    assert_eq!(whole(&d), "Kell</b> dam holds through the night");
}

#[test]
fn date_and_headline_records_are_kept() {
    let jsonl = "{\"id\":\"a\",\"text\":\"June 06 , 2013\\nPoet Ilsa Marrow dies at 91\"}\n";
    let d = only("obituaries.jsonl", jsonl);
    assert_eq!(d.text(), "Poet Ilsa Marrow dies at 91");
    assert_eq!(title(&d), Some("Poet Ilsa Marrow dies at 91"));
    assert!(
        d.warnings.iter().any(|w| w == HEADLINE_ONLY),
        "{:?}",
        d.warnings
    );
    // The original is the JSON string value; the body is its second line.
    assert_eq!(whole(&d), "Poet Ilsa Marrow dies at 91");
    assert_eq!(d.original_range(Span::new(0, 4)), 15..19);
    // The kept headline is not also listed as removed; the date line is.
    assert!(d.removed.iter().all(|r| !r.preview.contains("Poet")));
    assert!(d.removed.iter().any(|r| r.preview == "June 06 , 2013"));

    // The same as a text file, with a byline and a blank line.
    let d = only(
        "marrow.txt",
        "Poet Ilsa Marrow dies at 91\n\nBy Tomas Vell\nPublished March 4, 2025\n",
    );
    assert_eq!(d.text(), "Poet Ilsa Marrow dies at 91");
    assert_eq!(d.metadata.authors[0].value, "Tomas Vell");
    assert_eq!(
        d.metadata.published.as_ref().map(|p| p.value.to_iso()),
        Some("2025-03-04".to_string())
    );
    assert!(d.warnings.iter().any(|w| w == HEADLINE_ONLY));

    // A Markdown file that is one heading.
    let d = only("note.md", "# Kell dam holds through the night\n");
    assert_eq!(d.text(), "Kell dam holds through the night");
    assert!(d.warnings.iter().any(|w| w == HEADLINE_ONLY));
}

#[test]
fn records_with_nothing_but_furniture_are_still_skipped() {
    let reason = no_text_reason("date.txt", "Monday, March 3, 2025\n");
    assert!(reason.contains("furniture"), "{reason}");
    let reason = no_text_reason("share.txt", "Share this article\n");
    assert!(reason.contains("furniture"), "{reason}");
    // A headline among real page furniture is the shell of a page, not a headline record.
    let reason = no_text_reason(
        "shell.txt",
        "17.2 C\nMarrow harbour closed by storm\nShare this article\n- Advertisement -\n",
    );
    assert!(reason.contains("furniture"), "{reason}");
    let reason = no_text_reason(
        "dates.jsonl",
        "{\"text\":\"June 06 , 2013\\nShare this article\"}\n",
    );
    assert!(reason.contains("furniture"), "{reason}");
    // A feed item with neither a title nor text.
    let reason = no_text_reason(
        "bare.rss",
        "<rss><channel><item><link>https://courier.example/x</link></item></channel></rss>",
    );
    assert!(
        reason.contains("has no title, content, description or summary"),
        "{reason}"
    );
    // An empty title is no headline.
    let reason = no_text_reason(
        "blank.rss",
        "<rss><channel><item><title>  </title></item></channel></rss>",
    );
    assert!(reason.contains("has no title"), "{reason}");
}

#[test]
fn stories_do_not_get_the_headline_warning() {
    let d = only(
        "story.txt",
        "Kell dam holds\n\nThe Kell dam held through the night, the water board said on Tuesday.\n",
    );
    assert_eq!(title(&d), Some("Kell dam holds"));
    assert_eq!(
        d.text(),
        "The Kell dam held through the night, the water board said on Tuesday."
    );
    assert!(!d.warnings.iter().any(|w| w == HEADLINE_ONLY));
}

#[test]
fn a_headline_line_above_one_sentence_per_line_text_is_the_title() {
    let text = "Hollywood's mermaid Ilsa Marrow dies\n\
        Champion swimmer turned film star Ilsa Marrow has died in Vell at the age of 91, her family said on Friday.\n\
        She won three national titles before the war cut her sporting career short.\n\
        Her films were shown across the Brenna coast for three decades.\n";
    let d = only("marrow.txt", text);
    assert_eq!(title(&d), Some("Hollywood's mermaid Ilsa Marrow dies"));
    assert!(
        d.text().starts_with("Champion swimmer turned film star"),
        "{}",
        d.text()
    );
    assert!(!d.warnings.iter().any(|w| w == HEADLINE_ONLY));

    // The same in a JSON lines record, with a subhead further down that stays a paragraph of
    // its own instead of running into the sentence after it.
    let jsonl = "{\"text\":\"Kell dam holds after night of rain\\nThe Kell dam held through the night, the water board of Vestria said on Tuesday.\\nEngineers had watched the spillway since Monday.\\nWhat comes next\\nThe board will lower the reservoir by two metres this week.\"}\n";
    let d = only("dam.jsonl", jsonl);
    assert_eq!(title(&d), Some("Kell dam holds after night of rain"));
    assert_eq!(
        d.text(),
        "The Kell dam held through the night, the water board of Vestria said on Tuesday. \
         Engineers had watched the spillway since Monday.\n\nWhat comes next\n\n\
         The board will lower the reservoir by two metres this week."
    );
}

#[test]
fn a_headline_above_one_long_line_is_the_title() {
    let d = only(
        "brief.txt",
        "Ferry strike ends in Marrow\nCrews of the Marrow ferry went back to work on Friday after the port authority agreed to a 4% rise.\n",
    );
    assert_eq!(title(&d), Some("Ferry strike ends in Marrow"));
    assert!(d.text().starts_with("Crews of the Marrow ferry"));
}

#[test]
fn hard_wrapped_text_is_still_joined() {
    // Wrapped at 64 columns, a headline straight above it: the headline stands alone (the
    // word after it would have fitted on its line), the wrapped lines are joined.
    let text = "Vestria and Brenna sign fishing accord\n\
        The fisheries ministers of Vestria and Brenna signed an accord on\n\
        Monday that ends a dispute over the waters off Kell. The accord\n\
        sets catch limits for the next five years and opens a joint\n\
        office in Marrow, officials said.\n";
    let d = only("accord.txt", text);
    assert_eq!(title(&d), Some("Vestria and Brenna sign fishing accord"));
    assert_eq!(
        d.text(),
        "The fisheries ministers of Vestria and Brenna signed an accord on Monday that ends a \
         dispute over the waters off Kell. The accord sets catch limits for the next five years \
         and opens a joint office in Marrow, officials said."
    );

    // A wrapped paragraph whose first line happens to be short: it ends in a word that leads
    // on, or it is short only by the raggedness of the wrap (over 70% of the wrap width), or
    // the next line starts in lower case. Each is joined.
    for text in [
        "Fisheries ministers from Brenna and\n\
         Vestria signed an accord on Monday that ends a dispute over the\n\
         waters off Kell, officials of both countries said in Marrow on\n\
         Tuesday. The accord sets catch limits for the next five years.\n",
        "The accord was signed in Marrow by minister Ilsa\n\
         Marrow and her Brennan counterpart Tomas Vell on Monday, officials\n\
         of both countries said on Tuesday. The accord sets catch limits\n\
         for the next five years and opens a joint office in the town.\n",
        "The accord signed in Marrow\n\
         on Monday ends a dispute over the waters off Kell, officials of\n\
         both countries said on Tuesday. It sets catch limits for the next\n\
         five years and opens a joint fisheries office in the town.\n",
    ] {
        let d = only("wrapped.txt", text);
        assert!(!d.text().contains('\n'), "split: {:?}", d.text());
        assert_eq!(
            d.text().split_whitespace().count(),
            text.split_whitespace().count(),
            "{:?}",
            d.text()
        );
        assert_eq!(title(&d), None, "{:?}", d.text());
    }
}

#[test]
fn one_line_records() {
    // A sentence on its own is text, not a title.
    let d = only(
        "one.jsonl",
        "{\"text\":\"The Kell dam held through the night, the water board said.\"}\n",
    );
    assert_eq!(
        d.text(),
        "The Kell dam held through the night, the water board said."
    );
    assert_eq!(title(&d), None);
    assert!(!d.warnings.iter().any(|w| w == HEADLINE_ONLY));
    // A headline on its own is both.
    let d = only(
        "two.jsonl",
        "{\"text\":\"Kell dam holds after night of rain\"}\n",
    );
    assert_eq!(d.text(), "Kell dam holds after night of rain");
    assert_eq!(title(&d), Some("Kell dam holds after night of rain"));
    assert!(d.warnings.iter().any(|w| w == HEADLINE_ONLY));
}

#[test]
fn a_time_stamp_line_is_not_taken_for_a_headline() {
    // A stamp in a form the date reader does not know stands where a headline would, but it
    // is numbers and signs, not words.
    let d = only(
        "stamp.txt",
        "09 : 53 , TUE 04 / 03\nKell dam holds after night of rain\n\
         The Kell dam held through the night, the water board of Vestria said on Tuesday.\n\
         Engineers had watched the spillway since Monday.\n",
    );
    assert_eq!(title(&d), None);
    assert!(
        d.text()
            .ends_with("\n\nThe Kell dam held through the night, the water board of Vestria said on Tuesday. Engineers had watched the spillway since Monday."),
        "{:?}",
        d.text()
    );
}

#[test]
fn a_lone_headline_without_words_or_that_is_a_link_is_no_text() {
    let feed = |title: &str| {
        format!(
            "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Vell Courier</title>\n\
            <item><title>{title}</title><pubDate>Tue, 04 Mar 2025 08:00:00 +0000</pubDate></item>\n\
            </channel></rss>"
        )
    };
    for (title, why) in [
        ("\u{2014} !? \u{2026}", "has no words"),
        ("&lt;b&gt;***&lt;/b&gt;", "has no words"),
        ("https://courier.example/2025/03/04/cranes", "is a link"),
        ("  www.courier.example/coast ", "is a link"),
    ] {
        let reason = no_text_reason("punct.rss", &feed(title));
        assert!(reason.contains(why), "{title}: {reason}");
    }
    // A headline with HTML in it is its words, tags dropped.
    let d = only(
        "tagged.rss",
        &feed("&lt;b&gt;Cranes&lt;/b&gt; topple in &lt;a href=\"https://courier.example\"&gt;Tessaly&lt;/a&gt; gale"),
    );
    assert_eq!(d.text(), "Cranes topple in Tessaly gale");
    assert!(d.warnings.iter().any(|w| w == HEADLINE_ONLY));
}

#[test]
fn a_stack_of_short_lines_above_the_story_has_no_headline() {
    // A contact block: each line stands alone, none is a headline over the story.
    let d = only(
        "contact.txt",
        "Ivo Rask\nPort Director\nTessaly Harbour Authority\nHarbour cranes toppled in a gale at the Tessaly container port on Monday, port director Ivo Rask said, and two ships were damaged.\n",
    );
    assert_eq!(title(&d), None, "{:?}", d.text());
    assert!(d.text().starts_with("Ivo Rask"), "{:?}", d.text());
    // A headline over its lead still is one.
    let d = only(
        "headed.txt",
        "Cranes topple in Tessaly gale\nHarbour cranes toppled in a gale at the Tessaly container port on Monday, port director Ivo Rask said, and two ships were damaged.\nThe port will stay closed until Thursday, Rask told reporters at the harbour office.\n",
    );
    assert_eq!(title(&d), Some("Cranes topple in Tessaly gale"));
}

#[test]
fn a_record_whose_text_is_only_a_link_is_no_text_and_a_link_is_no_title() {
    let reason = no_text_reason(
        "links.jsonl",
        "{\"id\":\"a\",\"title\":\"Cranes topple in Tessaly gale\",\"text\":\"https://courier.example/2025/03/04/cranes\"}\n",
    );
    assert!(reason.contains("only a link"), "{reason}");
    let feed = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Vell Courier</title>\n\
        <item><title>https://courier.example/2025/03/04/cranes</title>\
        <description>Two harbour cranes toppled in the Tessaly gale on Tuesday, the port authority said.</description>\
        </item>\n</channel></rss>";
    let d = only("linktitle.rss", feed);
    assert_eq!(title(&d), None);
    assert!(d.text().starts_with("Two harbour cranes toppled"));
}

#[test]
fn a_date_line_in_another_language_is_the_publication_date() {
    let text = "Grenzbrücke bei Oskar Bay wieder offen\nDienstag, 4. März 2025\n\n\
                Die Brücke bei Oskar Bay ist nach Reparaturen seit Montag wieder geöffnet, teilte die Stadt Varn mit. \
                Der Verkehr rollt wieder normal, die Fähre nach Tessaly fährt ab Mittwoch nach Plan.\n";
    let d = only("brucke.txt", text);
    assert_eq!(title(&d), Some("Grenzbrücke bei Oskar Bay wieder offen"));
    let published = d.metadata.published.as_ref().map(|p| p.value.to_iso());
    assert_eq!(published.as_deref(), Some("2025-03-04"));
    assert!(d.text().starts_with("Die Brücke"));
}

#[test]
fn a_headline_over_its_share_bar_is_the_title() {
    let text = "March 3, 2025\nBridge at Oskar Bay reopens after repairs\nShare | Tweet | Email\n\n\
                The bridge at Oskar Bay reopened on Monday after three weeks of repairs, the Varn roads agency said. \
                Traffic was flowing normally by noon.\n\nThe agency said the work cost 2.4 million crowns.\n";
    let d = only("share.txt", text);
    assert_eq!(title(&d), Some("Bridge at Oskar Bay reopens after repairs"));
    // The date line stays the page's date (furniture within two lines of it; see
    // metadata.rs), but the headline is no longer thrown out as a related link.
    assert!(d.metadata.published.is_none());
    assert!(d.text().starts_with("The bridge at Oskar Bay"));
    // A masthead over a menu and a list of headlines is not a title.
    let text = "Varn Herald\nHome | World | Sport | Weather\n\nBridge at Oskar Bay reopens\n\nFerry timetable changes\n";
    let report = ingest("masthead.txt", text);
    for d in &report.documents {
        assert_ne!(title(d), Some("Varn Herald"));
    }
}
