//! Extraction on small hand-written pages about fictional events, people, outlets and places.

use triangulate_doc::{EvidenceSource, MappedText, MappedTextBuilder, RemovalKind, Span};
use triangulate_html::{extract, extract_utf8, sniff_charset, Extraction, HtmlError, MetaKey};

const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Oss river floods Vell &amp; Marrow | The Brenna Herald</title>
<meta property="og:title" content="Oss river floods Vell and Marrow">
<meta property="og:site_name" content="The Brenna Herald">
<meta property="article:published_time" content="2025-10-04T18:30:00+02:00">
<meta name="author" content="Ilsa Varn">
<link rel="canonical" href="https://herald.example/vell-floods">
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
  {"@type":"WebSite","name":"The Brenna Herald"},
  {"@type":"NewsArticle","headline":"Oss river floods Vell and Marrow",
   "datePublished":"2025-10-04T18:30:00+02:00",
   "author":[{"@type":"Person","name":"Ilsa Varn"},{"@type":"Person","name":"Tomas Oder"}],
   "publisher":{"@type":"Organization","name":"Herald Media Group"}}]}
</script>
<style>.share-bar { display: flex; }</style>
</head>
<body>
<div class="cookie-banner"><p>We use cookies to improve your experience on this site. Accept all cookies?</p></div>
<header class="site-header">
  <div class="top-date">Monday, October 5, 2025</div>
  <div class="weather-widget">Brenna 14°C, light rain</div>
  <a href="/">The Brenna Herald</a>
</header>
<nav class="main-nav"><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main>
<article>
  <h1>Oss river floods Vell and Marrow</h1>
  <div class="byline">By <span class="author-name">Ilsa Varn</span>, <time datetime="2025-10-04T18:30">4 October 2025</time></div>
  <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
  <div class="article-body">
    <p>The river Oss rose   two metres overnight,
       officials in Vell said on Saturday, forcing 300 families from their homes.</p>
    <figure><img src="flood.jpg" alt=""><figcaption>Flooded streets in Vell. Photo: Dara Quill</figcaption></figure>
    <p>Mayor Ilsa Varn said schools &amp; clinics would stay shut until Tuesday&#8217;s inspection,&nbsp;and that the army had sent boats.</p>
    <div class="ad-slot"><p>Advertisement</p></div>
    <h2>Warnings ignored</h2>
    <p>Residents of Marrow said the flood warning, issued at 3am, came too late for the lower town.</p>
    <ul>
      <li>Vell: 300 families moved</li>
      <li>Marrow: 120 families moved</li>
    </ul>
    <p>Engineer Tomas Oder told the Herald the levee had been <em>due for repair since 2019</em>.</p>
  </div>
  <div class="related-articles"><h3>Related</h3><ul>
    <li><a href="/a">Drought hits Oss valley farmers</a></li>
    <li><a href="/b">Vell council approves levee budget</a></li></ul></div>
  <section class="comments"><h3>3 comments</h3><p>Halvard K.: Terrible news, stay safe everyone in Vell and Marrow.</p></section>
</article>
</main>
<aside class="sidebar"><h3>Most read</h3><p><a href="/c">Nordwire sale collapses</a></p></aside>
<form class="newsletter-signup"><label>Email</label><input type="email"><button>Subscribe</button></form>
<footer><p>&copy; 2025 The Brenna Herald. All rights reserved.</p></footer>
</body>
</html>
"##;

fn check_map(text: &MappedText, raw: &str) {
    text.map
        .check(&text.text, raw.as_bytes())
        .unwrap_or_else(|e| panic!("map check failed: {e}"));
}

/// Extraction of a page given as UTF-8 text, with the body's offset map checked against it.
fn extract_checked(page: &str) -> Extraction {
    let src = MappedText::identity(page);
    let ex = extract(&src);
    check_map(&ex.body, page);
    ex
}

/// Fails naming the first of `wanted` that `text` lacks.
fn assert_contains_all(text: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(text.contains(w), "{w}: {text}");
    }
}

/// The span of `needle` in `text`.
fn span_of(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    Span::new(start, start + needle.len())
}

#[test]
fn keeps_the_article_and_drops_the_chrome() {
    let ex = extract(&MappedText::identity(PAGE));
    let body = &ex.body.text;
    assert!(body.starts_with("The river Oss rose two metres overnight, officials in Vell"));
    for kept in [
        "Warnings ignored",
        "Residents of Marrow said the flood warning",
        "Vell: 300 families moved\nMarrow: 120 families moved",
        "due for repair since 2019",
    ] {
        assert!(body.contains(kept), "{kept:?} missing from {body:?}");
    }
    for dropped in [
        "cookies",
        "Monday, October 5",
        "14°C",
        "Sport",
        "Oss river floods Vell and Marrow",
        "By Ilsa Varn",
        "Share on",
        "Photo: Dara Quill",
        "Advertisement",
        "Drought hits",
        "Terrible news",
        "Most read",
        "Subscribe",
        "All rights reserved",
        "display: flex",
    ] {
        assert!(!body.contains(dropped), "{dropped:?} leaked into {body:?}");
    }
    // Blocks are separated by blank lines, list items by line breaks.
    assert!(body.contains(
        "inspection, and that the army had sent boats.\n\nWarnings ignored\n\nResidents"
    ));
    check_map(&ex.body, PAGE);
}

#[test]
fn removals_name_their_kind_and_original_bytes() {
    let ex = extract(&MappedText::identity(PAGE));
    let kinds: Vec<&RemovalKind> = ex.removed.iter().map(|r| &r.kind).collect();
    for expected in [
        RemovalKind::Markup,
        RemovalKind::Navigation,
        RemovalKind::Header,
        RemovalKind::Footer,
        RemovalKind::Advertisement,
        RemovalKind::ShareBar,
        RemovalKind::RelatedLinks,
        RemovalKind::Caption,
        RemovalKind::Comments,
        RemovalKind::Metadata,
    ] {
        assert!(
            kinds.contains(&&expected),
            "no {expected:?} removal in {kinds:?}"
        );
    }
    for r in &ex.removed {
        let raw = PAGE
            .get(r.orig.clone())
            .expect("removal range inside the page");
        assert!(!raw.is_empty(), "empty removal {r:?}");
        if r.kind != RemovalKind::Markup {
            // The preview is the removed text, so its longest word is in the original bytes.
            let longest = r
                .preview
                .split(|c: char| !c.is_alphanumeric())
                .max_by_key(|w| w.len())
                .unwrap_or("");
            assert!(
                raw.contains(longest),
                "{r:?} preview does not match {raw:?}"
            );
        }
    }
    let share = ex
        .removed
        .iter()
        .find(|r| r.kind == RemovalKind::ShareBar)
        .expect("share bar removal");
    assert!(PAGE[share.orig.clone()].starts_with("<div class=\"share-bar\">"));
    let caption = ex
        .removed
        .iter()
        .find(|r| r.kind == RemovalKind::Caption)
        .expect("caption removal");
    assert_eq!(
        &PAGE[caption.orig.clone()],
        "<figcaption>Flooded streets in Vell. Photo: Dara Quill</figcaption>"
    );
    // Removals come in input order.
    assert!(ex
        .removed
        .windows(2)
        .all(|w| w[0].orig.start <= w[1].orig.start));
}

#[test]
fn spans_map_to_the_right_raw_bytes() {
    let ex = extract(&MappedText::identity(PAGE));
    let body = &ex.body;
    // Exact text maps byte for byte.
    let s = span_of(&body.text, "Residents of Marrow");
    assert_eq!(&PAGE[body.to_original(s)], "Residents of Marrow");
    // A collapsed whitespace run maps to the whole run, newline and indentation included.
    let s = span_of(&body.text, "overnight, officials");
    assert_eq!(&PAGE[body.to_original(s)], "overnight,\n       officials");
    let s = span_of(&body.text, "rose two");
    assert_eq!(&PAGE[body.to_original(s)], "rose   two");
    // Decoded references map to the reference.
    let s = span_of(&body.text, "&");
    assert_eq!(&PAGE[body.to_original(s)], "&amp;");
    let s = span_of(&body.text, "Tuesday’s");
    assert_eq!(&PAGE[body.to_original(s)], "Tuesday&#8217;s");
    let s = span_of(&body.text, "inspection, and");
    assert_eq!(&PAGE[body.to_original(s)], "inspection,&nbsp;and");
    // Text split by inline markup maps across the tags.
    let s = span_of(&body.text, "been due for");
    assert_eq!(&PAGE[body.to_original(s)], "been <em>due for");
    // An inserted paragraph break maps to an empty range between the two paragraphs.
    let s = span_of(&body.text, "\n\nWarnings");
    let r = body.to_original(Span::new(s.start, s.start + 2));
    assert!(r.is_empty());
    assert!(PAGE[..r.start].ends_with("sent boats.</p>"));
}

#[test]
fn metadata_from_meta_tags_open_graph_and_json_ld() {
    let ex = extract(&MappedText::identity(PAGE));
    let m = &ex.meta;
    assert_eq!(m.lang.as_deref(), Some("en-GB"));
    assert_eq!(m.declared_charset.as_deref(), Some("utf-8"));
    let title = m.first(MetaKey::Title).expect("title");
    assert_eq!(
        title.value,
        "Oss river floods Vell & Marrow | The Brenna Herald"
    );
    assert_eq!(title.source, EvidenceSource::HtmlElement("title".into()));
    let orig = title.orig.clone().expect("title range");
    assert!(PAGE[orig].starts_with("Oss river floods Vell &amp; Marrow"));

    let og = m
        .all(MetaKey::Headline)
        .find(|f| f.source == EvidenceSource::OpenGraph("og:title".into()))
        .expect("og:title");
    assert_eq!(og.value, "Oss river floods Vell and Marrow");
    assert_eq!(
        &PAGE[og.orig.clone().expect("range")],
        "Oss river floods Vell and Marrow"
    );
    assert!(m
        .all(MetaKey::Headline)
        .any(|f| f.source == EvidenceSource::HtmlElement("h1".into())));

    let site = m.first(MetaKey::SiteName).expect("site name");
    assert_eq!(site.value, "The Brenna Herald");
    let canonical = m.first(MetaKey::Canonical).expect("canonical");
    assert_eq!(canonical.value, "https://herald.example/vell-floods");

    let published: Vec<_> = m.all(MetaKey::Published).collect();
    assert!(published
        .iter()
        .any(|f| f.value == "2025-10-04T18:30:00+02:00"
            && f.source == EvidenceSource::OpenGraph("article:published_time".into())));
    assert!(published
        .iter()
        .any(|f| f.value == "2025-10-04T18:30:00+02:00"
            && f.source == EvidenceSource::JsonLd("datePublished".into())));
    assert!(published
        .iter()
        .any(|f| f.value == "2025-10-04T18:30"
            && f.source == EvidenceSource::HtmlElement("time".into())));

    let authors: Vec<&str> = m
        .all(MetaKey::Author)
        .filter(|f| matches!(f.source, EvidenceSource::JsonLd(_)))
        .map(|f| f.value.as_str())
        .collect();
    assert_eq!(authors, ["Ilsa Varn", "Tomas Oder"]);
    assert!(m
        .all(MetaKey::Author)
        .any(|f| f.source == EvidenceSource::Byline && f.value == "Ilsa Varn"));
    assert!(m
        .all(MetaKey::Author)
        .any(|f| f.source == EvidenceSource::HtmlMeta("author".into())));
    let publisher = m.first(MetaKey::Publisher).expect("publisher");
    assert_eq!(publisher.value, "Herald Media Group");
    // JSON-LD values point into the script.
    let r = publisher.orig.clone().expect("range");
    assert_eq!(&PAGE[r], "Herald Media Group");
}

#[test]
fn page_chrome_dates_are_kept_apart_from_the_article_date() {
    let ex = extract(&MappedText::identity(PAGE));
    let chrome: Vec<&str> = ex
        .meta
        .page_dates
        .iter()
        .map(|f| f.value.as_str())
        .collect();
    assert_eq!(chrome, ["Monday, October 5, 2025"]);
    let f = &ex.meta.page_dates[0];
    assert_eq!(
        &PAGE[f.orig.clone().expect("range")],
        "Monday, October 5, 2025"
    );
    assert!(ex
        .meta
        .all(MetaKey::Published)
        .all(|f| !f.value.contains("October 5")));
}

#[test]
fn map_composes_through_a_decoded_input() {
    // The ingest crate hands over text decoded from a legacy charset: here "Café" was one byte
    // per character in the raw input (0xE9 for é), so the é is a replaced piece.
    let raw: &[u8] =
        b"<p>Caf\xe9 Oss opened in Vell on Friday, its owner Dara Quill told reporters there.</p>";
    let mut b = MappedTextBuilder::new();
    b.push_exact("<p>Caf", 0);
    b.push_replaced("é", 6..7);
    let rest = std::str::from_utf8(&raw[7..]).expect("ascii");
    b.push_exact(rest, 7);
    let src = b.finish();
    let ex = extract(&src);
    assert!(
        ex.body.text.starts_with("Café Oss opened in Vell"),
        "{:?}",
        ex.body.text
    );
    ex.body
        .map
        .check(&ex.body.text, raw)
        .expect("map into the raw bytes");
    let s = span_of(&ex.body.text, "Café");
    assert_eq!(ex.body.to_original(s), 3..7);
    let s = span_of(&ex.body.text, "Dara Quill");
    assert_eq!(&raw[ex.body.to_original(s)], b"Dara Quill");
}

#[test]
fn text_written_straight_into_divs_and_br_lines() {
    let page = "<html><body><div class=\"menu\"><a href=\"/\">Home</a></div>\
        <div class=\"story\">Storm Kell reached the coast of Lorvia at dawn, the weather office said.<br>\
        Two ferries were cancelled and the port of Sarn was closed for the day.<div></div>\
        The weather office expects the wind to ease by Thursday evening, its director said.</div></body></html>";
    let ex = extract(&MappedText::identity(page));
    assert!(ex.body.text.starts_with("Storm Kell reached"));
    assert!(ex
        .body
        .text
        .contains("the weather office said.\nTwo ferries were cancelled"));
    assert!(ex.body.text.ends_with("its director said."));
    assert!(!ex.body.text.contains("Home"));
    check_map(&ex.body, page);
}

#[test]
fn sniffs_declared_charsets() {
    assert_eq!(
        sniff_charset(b"<html><head><meta charset=\"windows-1252\"></head>").as_deref(),
        Some("windows-1252")
    );
    assert_eq!(
        sniff_charset(
            b"<!-- <meta charset=\"koi8-r\"> --><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\">"
        )
        .as_deref(),
        Some("iso-8859-2")
    );
    assert_eq!(
        sniff_charset(b"\xef\xbb\xbf<p>x</p>").as_deref(),
        Some("utf-8")
    );
    assert_eq!(sniff_charset(b"<p>no declaration</p>"), None);
    // A declaration after a long preamble still counts while in the head, not inside a script
    // and not in the body.
    let mut late = b"<html><head><script>var s = '<meta charset=\"koi8-r\">';</script>".to_vec();
    late.extend(vec![b' '; 1100]);
    late.extend_from_slice(b"<meta charset=\"windows-1250\">");
    assert_eq!(sniff_charset(&late).as_deref(), Some("windows-1250"));
    let mut in_body = b"<html><head></head><body>".to_vec();
    in_body.extend_from_slice(b"<meta charset=\"windows-1250\">");
    assert_eq!(sniff_charset(&in_body), None);
}

#[test]
fn byte_entry_point_rejects_non_utf8_with_the_declared_charset() {
    let raw = b"<meta charset=\"windows-1252\"><p>Caf\xe9</p>";
    match extract_utf8(raw) {
        Err(HtmlError::NotUtf8 { offset, declared }) => {
            assert_eq!(offset, 35);
            assert_eq!(declared, "windows-1252");
        }
        other => panic!("expected NotUtf8, got {other:?}"),
    }
    assert!(extract_utf8(b"<p>Plain text article about the Vell floods.</p>").is_ok());
}

/// Filler prose so the article container clearly wins the scoring.
const MORE_PROSE: &str =
    "<p>The council of Vell met again on Thursday, and members agreed that the \
    old bridge over the Oss would stay closed until engineers from Marrow had inspected it, which \
    could take several weeks according to the works department.</p>\
    <p>Residents of the lower town, many of whom spent the night at the school hall, said the \
    water came faster than in any flood they could remember, and several asked why the sirens \
    had sounded so late in the evening.</p>";

#[test]
fn the_standfirst_in_the_article_header_is_kept_without_the_headline() {
    let page = format!(
        r#"<html><body><nav><a href="/">Home</a></nav><main><div class="wrap">
        <header class="entry-header"><h1>Oss river floods Vell</h1>
        <p class="byline">By Ilsa Varn</p>
        <p>Two days of rain sent the Oss over its banks, and the town of Vell is counting the cost of the worst flood in decades.</p>
        </header>
        <div class="entry-content">{MORE_PROSE}</div></div></main>
        <footer><p>Copyright 2025 The Brenna Herald. All rights reserved by the publisher.</p></footer></body></html>"#
    );
    let ex = extract_checked(&page);
    assert!(
        ex.body.text.starts_with("Two days of rain sent the Oss"),
        "{}",
        ex.body.text
    );
    assert!(ex.body.text.contains("The council of Vell met again"));
    assert!(!ex.body.text.contains("Oss river floods Vell"));
    assert!(!ex.body.text.contains("By Ilsa Varn"));
    assert!(!ex.body.text.contains("Copyright"));
}

#[test]
fn recipe_ingredients_and_steps_join_the_description() {
    let page = format!(
        r#"<html><body><nav><a href="/">Recipes</a> <a href="/cakes">Cakes</a></nav>
        <div class="layout">
        <div class="recipe-intro">{MORE_PROSE}</div>
        <div class="sidebar-box"><a href="/a">Plum tart</a> <a href="/b">Pear loaf</a></div>
        <table class="ingredients table-header"><tr><td>250 g</td><td>Marrow flour</td></tr>
        <tr><td>3</td><td>eggs from the Oss valley</td></tr></table>
        <ul><li itemprop="recipeIngredient">100 g soft butter from the dairy</li><li itemprop="recipeIngredient">1 pinch of coarse sea salt</li></ul>
        <ol class="recipe-instructions"><li>Rub the butter into the flour.</li><li>Bake for 40 minutes.</li></ol>
        </div></body></html>"#
    );
    let ex = extract_checked(&page);
    assert_contains_all(
        &ex.body.text,
        &[
            "The council of Vell met again",
            "Marrow flour",
            "eggs from the Oss valley",
            "100 g soft butter from the dairy",
            "Bake for 40 minutes.",
        ],
    );
    assert!(!ex.body.text.contains("Plum tart"));
}

#[test]
fn hover_cards_inside_a_sentence_are_dropped() {
    let page = format!(
        r#"<html><body><article><p>Mayor <a href="/p/varn">Ilsa Varn</a><span class="rollover-people-block"><a href="/p/varn">Ilsa Maren Varn</a><a href="/n/1">Varn opens new bridge in Vell</a></span> said the school hall would stay open all week for the families.</p>{MORE_PROSE}
        <h3>Ähnliche Beiträge</h3></article></body></html>"#
    );
    let ex = extract_checked(&page);
    assert!(
        ex.body
            .text
            .contains("Mayor Ilsa Varn said the school hall would stay open"),
        "{}",
        ex.body.text
    );
    assert!(!ex.body.text.contains("opens new bridge"));
    assert!(!ex.body.text.contains("Ähnliche Beiträge"));
}

#[test]
fn a_link_free_teaser_is_the_lead_but_a_teaser_card_is_not() {
    let page = format!(
        r#"<html><body><div class="news-single"><h1>Repair café opens in Vell</h1>
        <div class="teaser-text description"><p>Broken toasters, bikes and radios: from Saturday volunteers in Vell fix them for free in the old school hall.</p></div>
        <div class="news-text-wrap">{MORE_PROSE}</div>
        <div class="card"><a href="/n/2"><h3>Marrow market returns</h3></a>
        <div class="teaser-text">The weekly market of Marrow is back on the square after two years of building work on the town hall.</div></div>
        </div></body></html>"#
    );
    let ex = extract_checked(&page);
    assert!(
        ex.body
            .text
            .starts_with("Broken toasters, bikes and radios"),
        "{}",
        ex.body.text
    );
    assert!(!ex.body.text.contains("weekly market of Marrow"));
}

#[test]
fn soft_hyphens_and_ruby_annotations_leave_plain_words() {
    let page = format!(
        r#"<html><body><article><p>The Mit&shy;tel&shy;alter market of Vell opened on Satur­day with <ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby>字 banners and forty stalls.</p>{MORE_PROSE}</article></body></html>"#
    );
    let ex = extract_checked(&page);
    assert!(
        ex.body
            .text
            .contains("The Mittelalter market of Vell opened on Saturday with 漢字 banners"),
        "{}",
        ex.body.text
    );
}

#[test]
fn reader_appeals_inside_the_article_are_dropped() {
    let page = format!(
        r#"<html><body><article>{MORE_PROSE}
        <p>Subscribe now to the Brenna Herald weekend edition for the full story.</p>
        <p>Folgen Sie uns auf allen Kanälen des Vell-Kuriers.</p>
        <p>Readers who subscribe to the river bulletin of Vell get flood warnings by text message, the council said, and 4,000 households had done so by Friday.</p>
        </article></body></html>"#
    );
    let ex = extract_checked(&page);
    assert!(!ex.body.text.contains("Subscribe now"), "{}", ex.body.text);
    assert!(!ex.body.text.contains("Folgen Sie uns"));
    assert!(ex
        .body
        .text
        .contains("Readers who subscribe to the river bulletin"));
    assert!(ex
        .removed
        .iter()
        .any(|r| r.kind == RemovalKind::Boilerplate && r.preview.starts_with("Subscribe now")));
}

#[test]
fn the_question_and_every_answer_of_a_qa_page_are_kept() {
    let page = r#"<html><body><nav><a href="/">Questions</a> <a href="/tags">Tags</a></nav>
        <div class="question"><div class="js-post-body prose"><p>Why does the Oss flood Vell every autumn but never Marrow, which lies lower and closer to the sea? I have looked at the maps of both towns and cannot see why.</p></div><div class="post-menu"><a href="/s">Share</a> <a href="/e">Improve this answer</a> <a href="/u/9">Follow</a> <a href="/u/9">Ilsa Varn, 12,400 reputation, 3 gold badges</a></div></div>
        <div class="answers">
        <div class="answer"><div class="js-post-body prose"><p>Marrow sits behind the old dike of 1820, which the council of Vell never copied on its own bank of the river, and so the water goes where it can.</p><p>The dike was raised again in 1990 after the great flood.</p></div><div class="post-menu"><a href="/s">Share</a> <a href="/e">Improve this answer</a> <a href="/u/9">Follow</a> <a href="/u/9">Ilsa Varn, 12,400 reputation, 3 gold badges</a></div></div>
        <div class="answer"><div class="js-post-body prose"><p>Also the Oss bends just above Vell, so in autumn storms the current pushes straight at the lower town and its quays.</p></div><div class="post-menu"><a href="/s">Share</a> <a href="/e">Improve this answer</a> <a href="/u/9">Follow</a> <a href="/u/9">Ilsa Varn, 12,400 reputation, 3 gold badges</a></div></div>
        </div>
        <div class="sidebar"><a href="/q/1">How deep is the Oss?</a> <a href="/q/2">Bridges of Vell</a></div></body></html>"#;
    let ex = extract_checked(page);
    assert_contains_all(
        &ex.body.text,
        &[
            "Why does the Oss flood Vell every autumn",
            "Marrow sits behind the old dike",
            "the Oss bends just above Vell",
        ],
    );
    assert!(!ex.body.text.contains("How deep is the Oss"));
}

#[test]
fn a_self_closed_title_inside_an_svg_icon_does_not_swallow_the_page() {
    let page = format!(
        r#"<html><body><a href="/"><svg viewBox="0 0 10 10"><title/><path d="M0,0L10,10"/></svg></a>
        <article>{MORE_PROSE}</article></body></html>"#
    );
    let ex = extract_checked(&page);
    assert!(
        ex.body.text.contains("The council of Vell met again"),
        "{}",
        ex.body.text
    );
}

#[test]
fn an_article_written_only_inside_noscript_is_read_as_with_scripting_off() {
    let page = r#"<html><head><noscript><link rel="stylesheet" href="/plain.css"></noscript></head><body>
<div class="blog-header"><a href="/">The Marrow Notebook</a></div>
<div class="post"><h2 class="title"><a href="/ferry">The Oss ferry returns</a></h2>
<div class="post-body">
<script type="text/template"><p>The ferry across the Oss at Vell sails again from Monday.</p></script>
<noscript>
<p>The ferry across the Oss at Vell sails again from Monday, after a winter in which the river froze twice and the old landing stage was carried away by the spring floods.</p>
<p>The harbour board of Marrow rebuilt the landing stage in oak and stone, and the ferryman, Aldo Renn, says the new ramp takes carts of up to two tonnes without trouble.</p>
<p>Crossings run every half hour from six in the morning until nine at night; the fare stays at two crowns for walkers and five for carts, the board said on Friday.</p>
<p>Traders in Vell welcomed the news, saying the long detour over the Brenna bridge had cost them a day a week through the whole of the cold season.</p>
<p>The board plans a second, larger boat for the summer months, when visitors to the Marrow fair fill the landing stage from dawn until the evening bell.</p>
<p>Renn, who has worked the crossing for thirty years, said he had never seen the river so high as in April, and that the new stage stands a full metre above the old one.</p>
</noscript>
</div></div>
<noscript><p>Please enable JavaScript.</p></noscript>
</body></html>"#;
    let ex = extract_checked(page);
    assert!(
        ex.body
            .text
            .contains("The harbour board of Marrow rebuilt the landing stage"),
        "{}",
        ex.body.text
    );
    assert!(!ex.body.text.contains("Please enable JavaScript"));
    assert!(!ex.body.text.contains("The Marrow Notebook"));
}

#[test]
fn a_short_noscript_notice_does_not_trigger_the_scripting_off_view() {
    let page = format!(
        r#"<html><body><noscript><p>Please enable JavaScript to enjoy this site to the full.</p></noscript>
        <article>{MORE_PROSE}</article></body></html>"#
    );
    let ex = extract_checked(&page);
    assert!(!ex.body.text.contains("Please enable JavaScript"));
}

#[test]
fn see_also_lines_update_stamps_and_further_information_labels_are_dropped() {
    let page = r#"<html><body><article>
<p>The council of Vell voted on Tuesday to rebuild the Oss footbridge in stone, after the spring floods carried the old timber span away for the second time in ten years.</p>
<p>Lea también: <a href="/marrow-ferry">El ferry de Marrow vuelve a navegar</a></p>
<p>Mayor Ilsa Varn said work would begin in June and that the crossing would reopen before the first frosts, with a temporary ferry running in the meantime.</p>
<p>Aktualisiert am 04.10.2025.</p>
<h3>Weitere Informationen</h3>
<p>The budget of forty thousand crowns comes from the regional flood fund, which the Brenna assembly topped up last month after a long debate over its rules.</p>
</article></body></html>"#;
    let ex = extract_checked(page);
    assert!(ex
        .body
        .text
        .contains("Mayor Ilsa Varn said work would begin"));
    assert!(ex.body.text.contains("The budget of forty thousand crowns"));
    for unwanted in [
        "El ferry de Marrow",
        "Aktualisiert am",
        "Weitere Informationen",
    ] {
        assert!(
            !ex.body.text.contains(unwanted),
            "{unwanted}: {}",
            ex.body.text
        );
    }
}

#[test]
fn further_reading_headings_and_lone_byline_labels_are_dropped() {
    let page = r#"<html><body><article>
<p>Von:</p><p class="name-only">Ilsa Varn</p>
<p>The council of Vell voted on Tuesday to rebuild the Oss footbridge in stone, after the spring floods carried the old timber span away for the second time in ten years.</p>
<p>Mayor Ilsa Varn said work would begin in June and that the crossing would reopen before the first frosts, with a temporary ferry running in the meantime.</p>
<h3>Weitere Beiträge aus der Brenna-Kolumne</h3>
<p>Weitere Brücken sollen folgen, sagte die Bürgermeisterin.</p>
</article></body></html>"#;
    let ex = extract_checked(page);
    assert!(ex
        .body
        .text
        .contains("Mayor Ilsa Varn said work would begin"));
    // A sentence that merely starts with "Weitere" is article text.
    assert!(ex.body.text.contains("Weitere Brücken sollen folgen"));
    assert!(!ex
        .body
        .text
        .contains("Weitere Beiträge aus der Brenna-Kolumne"));
    assert!(!ex.body.text.starts_with("Von"), "{}", ex.body.text);
}
