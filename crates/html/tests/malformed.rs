//! Broken, truncated and hostile input never panics and always yields a consistent map.

use proptest::prelude::*;
use triangulate_doc::MappedText;
use triangulate_html::extract;

const PAGE: &str = "<!doctype html><html><head><title>Vell &amp; Marrow</title>\
<script>if (a < b && c > d) { document.write('</p>'); }</script>\
<meta property=og:title content='Floods in Vell'></head><body>\
<nav><a href=/>Home</a></nav><article><h1>Floods</h1>\
<p class=\"lead\">The river Oss rose two metres overnight, officials in Vell said on Saturday.</p>\
<p>Mayor Ilsa Varn said schools &amp; clinics would stay shut &#x2014; until Tuesday&#8217;s inspection.</p>\
<!-- a comment with <p>markup</p> --><table><tr><td>Vell<td>300<tr><td>Marrow<td>120</table>\
</article><footer>&copy; 2025 Brenna Herald</footer></body></html>";

fn assert_consistent(html: &str) {
    let src = MappedText::identity(html);
    let ex = extract(&src);
    if let Err(e) = ex.body.map.check(&ex.body.text, html.as_bytes()) {
        panic!("inconsistent map for {html:?}: {e}");
    }
    for r in &ex.removed {
        assert!(
            r.orig.start <= r.orig.end && r.orig.end <= html.len(),
            "{r:?}"
        );
    }
    for f in ex.meta.fields.iter().chain(&ex.meta.page_dates) {
        if let Some(o) = &f.orig {
            assert!(o.end <= html.len(), "{f:?}");
        }
    }
}

#[test]
fn every_truncation_of_a_page() {
    let mut cut = 0;
    while cut <= PAGE.len() {
        if PAGE.is_char_boundary(cut) {
            assert_consistent(&PAGE[..cut]);
        }
        cut += 1;
    }
}

#[test]
fn unterminated_constructs_run_to_the_end() {
    for html in [
        "<p>Text before <!-- a comment that never ends",
        "<p>Text before <script>var x = '<p>not text</p>'",
        "<p>Text before <style>p { color: red }",
        "<p>Text before <a href=\"unterminated",
        "<p>Text before <a href='x' title=",
        "<p>Text before </",
        "<p>Text before </>and after",
        "<p>Text before <!DOCTYPE",
        "<p>Text before <?xml version",
        "<title>Only a title",
        "<textarea>kept raw <b>not bold</b>",
        "<plaintext><p>all the rest is text",
        "&#xFFFFFFFFFF; &#0; &#55296; &bogus; & &; &#; &#x;",
        "",
        "<",
        "<<<<>>>>",
        "<p/><br/><img/></p></br></div></span></html></body>",
        "<table><td>cell<tr>row<th>head</table></table>",
        "<ul><li>one<li>two</ul></li></li>",
        "<svg><path d='M0 0'/><text>drawing text</text></svg><p>Real text of the Vell article follows here.</p>",
    ] {
        assert_consistent(html);
    }
}

#[test]
fn deep_nesting_is_flattened_without_overflowing_the_stack() {
    let mut html = String::new();
    for _ in 0..100_000 {
        html.push_str("<div>");
    }
    html.push_str("<p>The river Oss rose two metres overnight, officials in Vell said.</p>");
    for _ in 0..50_000 {
        html.push_str("<span><b>");
    }
    assert_consistent(&html);
    let ex = extract(&MappedText::identity(&html));
    assert!(ex.body.text.contains("The river Oss rose"));
}

#[test]
fn many_attributes_and_odd_attribute_syntax() {
    let html = "<div class=a class=b id = \"x\" data-x='1' =odd/ ===>\
<p title=\"a > b\" hidden>hidden text</p><p>Visible text about the Vell floods that is long enough.</p></div>";
    assert_consistent(html);
    let ex = extract(&MappedText::identity(html));
    assert!(!ex.body.text.contains("hidden text"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Random soup of markup fragments, entities and text.
    #[test]
    fn random_markup_soup(parts in proptest::collection::vec(prop_oneof![
        Just("<p>".to_string()), Just("</p>".to_string()), Just("<div class=\"article-body\">".to_string()),
        Just("</div>".to_string()), Just("<a href=x>".to_string()), Just("</a>".to_string()),
        Just("<br>".to_string()), Just("<script>".to_string()), Just("</script>".to_string()),
        Just("<!--".to_string()), Just("-->".to_string()), Just("&amp;".to_string()), Just("&#x41;".to_string()),
        Just("<nav>".to_string()), Just("<li>".to_string()), Just("<table><td>".to_string()), Just("<".to_string()),
        Just(">".to_string()), Just("\"".to_string()), Just("é".to_string()), Just("  \n ".to_string()),
        "[a-zA-Z ,.]{0,40}",
    ], 0..60)) {
        let html: String = parts.concat();
        assert_consistent(&html);
    }

    /// Arbitrary Unicode text.
    #[test]
    fn arbitrary_text(html in "\\PC{0,300}") {
        assert_consistent(&html);
    }
}
