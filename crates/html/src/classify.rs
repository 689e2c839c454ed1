//! What an element looks like from its tag, `class`, `id`, `role` and `itemprop`: page chrome of
//! some kind (with the [`RemovalKind`] it will be reported as), a likely article container, or
//! neither.
//!
//! The keyword lists are general web conventions (WordPress, Drupal, schema.org, ARIA roles, the
//! class names of common ad, share and comment widgets), never the names of particular sites.

use crate::dom::Node;
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;
use triangulate_doc::RemovalKind;

// Substring groups of class/id names, matched in one pass (see `groups`).
const STRONG: u32 = 1 << 0;
const COMMENT: u32 = 1 << 1;
const NOT_COMMENT: u32 = 1 << 2;
const SHARE: u32 = 1 << 3;
const RELATED: u32 = 1 << 4;
const AD: u32 = 1 << 5;
const OVERLAY: u32 = 1 << 6;
const ACCOUNT: u32 = 1 << 7;
const WIDGET: u32 = 1 << 8;
const NAV: u32 = 1 << 9;
const FOOTER: u32 = 1 << 10;
const HEADER: u32 = 1 << 11;
const SIDEBAR: u32 = 1 << 12;
const CAPTION: u32 = 1 << 13;
const META: u32 = 1 << 14;

const GROUPS: &[(u32, &[&str])] = &[
    (
        STRONG,
        &[
            "articlebody",
            "article-body",
            "article_body",
            "article__body",
            "article-content",
            "article_content",
            "article__content",
            "articlecontent",
            "article-text",
            "articletext",
            "article_text",
            "story-body",
            "storybody",
            "story-content",
            "story_content",
            "story-text",
            "entry-content",
            "entry_content",
            "entrycontent",
            "post-content",
            "post_content",
            "postcontent",
            "post-body",
            "postbody",
            "post_body",
            "post-entry",
            "post-text",
            "main-content",
            "body-text",
            "bodytext",
            "content-body",
            "text-body",
            "rich-text",
            "richtext",
            "single-content",
            "blog-content",
            "news-text",
            "article-main",
            "story__body",
            "caas-body",
            "field-name-body",
            "field-body",
        ],
    ),
    (COMMENT, &["comment", "disqus", "respond", "replies"]),
    (
        NOT_COMMENT,
        &[
            "commentary",
            "comment-count",
            "comments-count",
            "commentcount",
        ],
    ),
    (
        SHARE,
        &[
            "share",
            "sharing",
            "social",
            "addthis",
            "sociable",
            "follow-us",
            "followus",
            "shariff",
        ],
    ),
    (
        RELATED,
        &[
            "related",
            "recommend",
            "more-stories",
            "morestories",
            "read-more",
            "readmore",
            "also-read",
            "outbrain",
            "taboola",
            "trending",
            "popular",
            "most-read",
            "mostread",
            "you-may-like",
            "next-article",
            "more-from",
            "further-reading",
            "teaser",
            "recirc",
        ],
    ),
    (
        AD,
        &[
            "advertisement",
            "google_ads",
            "adsbygoogle",
            "ad-slot",
            "ad-container",
            "ad-wrapper",
            "skyscraper",
        ],
    ),
    (
        OVERLAY,
        &[
            "cookie",
            "consent",
            "gdpr",
            "dsgvo",
            "privacy",
            "popup",
            "modal",
            "overlay",
            "lightbox",
            "dialog",
            "tooltip",
            "rollover",
            "popover",
            "hovercard",
            "hover-card",
        ],
    ),
    (
        ACCOUNT,
        &["subscription", "signup", "sign-up", "login", "register"],
    ),
    (
        WIDGET,
        &[
            "newsletter",
            "subscribe",
            "weather",
            "ticker",
            "widget",
            "poll",
        ],
    ),
    (
        NAV,
        &[
            "breadcrumb",
            "pagination",
            "pager",
            "skip-link",
            "skiplink",
            "menu",
        ],
    ),
    (FOOTER, &["footer", "copyright", "colophon", "contentinfo"]),
    (
        HEADER,
        &["masthead", "topbar", "top-bar", "site-header", "banner"],
    ),
    (
        SIDEBAR,
        &["sidebar", "side-bar", "rail", "complementary", "secondary"],
    ),
    (
        CAPTION,
        &[
            "caption",
            "credit",
            "photo-source",
            "image-source",
            "bildquelle",
        ],
    ),
    (
        META,
        &[
            "byline",
            "author",
            "dateline",
            "timestamp",
            "publish-date",
            "publishdate",
            "publish_date",
            "published-date",
            "date-publish",
            "publication-date",
            "posted-on",
            "entry-meta",
            "post-meta",
            "article-meta",
            "article-info",
        ],
    ),
];

/// Bit set of the groups whose substrings occur in `desc`.
fn groups(desc: &str) -> u32 {
    static MATCHER: OnceLock<Option<(AhoCorasick, Vec<u32>)>> = OnceLock::new();
    let matcher = MATCHER.get_or_init(|| {
        let mut patterns = Vec::new();
        let mut bits = Vec::new();
        for (bit, words) in GROUPS {
            for w in *words {
                patterns.push(*w);
                bits.push(*bit);
            }
        }
        AhoCorasick::new(&patterns).ok().map(|ac| (ac, bits))
    });
    match matcher {
        Some((ac, bits)) => ac.find_overlapping_iter(desc).fold(0, |acc, m| {
            acc | bits.get(m.pattern().as_usize()).copied().unwrap_or(0)
        }),
        // The patterns are fixed literals; building cannot fail, but fall back to scanning.
        None => GROUPS
            .iter()
            .filter(|(_, words)| has_sub(desc, words))
            .fold(0, |acc, (bit, _)| acc | bit),
    }
}

/// Tags whose content is never article text.
pub fn markup_tag(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "head"
            | "title"
            | "video"
            | "audio"
            | "map"
            | "noembed"
            | "noframes"
            | "frameset"
            | "dialog"
            // Ruby annotations (furigana) read the characters they sit on; written inline
            // they would repeat every annotated word.
            | "rt"
            | "rp"
    )
}

/// Tags that are chrome by themselves (their kind does not come from class names).
pub fn chrome_tag(tag: &str) -> bool {
    markup_tag(tag)
        || matches!(
            tag,
            "nav"
                | "footer"
                | "aside"
                | "figcaption"
                | "button"
                | "select"
                | "input"
                | "textarea"
                | "label"
                | "option"
                | "fieldset"
                | "h1"
        )
}

/// The class, id, role and itemprop of an element, lower-cased and joined with spaces.
pub fn descriptor(node: &Node) -> String {
    let mut s = String::new();
    for name in [
        "class",
        "id",
        "role",
        "itemprop",
        "aria-label",
        "data-component",
    ] {
        if let Some(v) = node.attr(name) {
            if !v.is_empty() {
                s.push_str(&v.to_ascii_lowercase());
                s.push(' ');
            }
        }
    }
    s
}

/// Tokens of a descriptor split at spaces, `-`, `_`, `:` and `.`.
fn tokens(desc: &str) -> impl Iterator<Item = &str> {
    desc.split([' ', '-', '_', ':', '.', '/'])
        .filter(|t| !t.is_empty())
}

fn has_token(desc: &str, words: &[&str]) -> bool {
    tokens(desc).any(|t| words.contains(&t))
}

fn has_sub(desc: &str, subs: &[&str]) -> bool {
    subs.iter().any(|s| desc.contains(s))
}

/// Which part of a recipe a class/id/itemprop names, if any: recipes spread their text over an
/// ingredient list, a method and a description that no single container holds.
pub fn recipe_part(desc: &str) -> Option<RecipePart> {
    if has_sub(desc, &["ingredient", "zutat", "ingrediente", "skladnik"]) {
        return Some(RecipePart::Ingredients);
    }
    if has_sub(
        desc,
        &["recipeinstruction", "zubereitung", "preparation-step"],
    ) || has_token(
        desc,
        &[
            "instructions",
            "preparation",
            "directions",
            "steps",
            "zubereitung",
        ],
    ) && has_sub(desc, &["recipe", "rezept", "preparation", "zubereitung"])
    {
        return Some(RecipePart::Method);
    }
    None
}

/// See [`recipe_part`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecipePart {
    Ingredients,
    Method,
}

/// Cards that pop up over a link on hover (a person's profile and headlines behind their name):
/// they sit inside the sentence but are not part of it.
pub fn hover_card(desc: &str) -> bool {
    has_sub(
        desc,
        &["tooltip", "rollover", "popover", "hovercard", "hover-card"],
    )
}

/// Phrases that mark a paragraph as the publisher talking to the reader rather than the article
/// (subscription and newsletter appeals, follow-us lines, copyright and reprint notices, contact
/// lines), in the languages of the benchmarks: English, German, Spanish, French, Polish, Italian.
const APPEAL_PHRASES: &[&str] = &[
    "subscribe now",
    "subscribe to our",
    "please subscribe",
    "already a subscriber",
    "subscribers also receive",
    "for the full story",
    "to view the full story",
    "sign up for our",
    "sign up for the",
    "follow us on",
    "on twitter and instagram",
    "apps for ios and android",
    "all rights reserved",
    "copyrighted property",
    "written permission must",
    "not responsible for the opinions",
    "contact us at",
    "submit your letter",
    "support our journalism",
    "if you enjoyed reading",
    "abonnieren sie",
    "jetzt abonnieren",
    "folgen sie uns",
    "folge uns auf",
    "alle rechte vorbehalten",
    "sie müssen sich einloggen",
    "sie sind aktuell nicht eingeloggt",
    "bitte registrieren sie sich",
    "kontaktieren sie uns",
    "suscríbete",
    "hazte miembro",
    "síguenos en",
    "todos los derechos reservados",
    "canal de telegram",
    "abonnez-vous",
    "suivez-nous",
    "tous droits réservés",
    "zapraszamy też do subskrypcji",
    "wszelkie prawa zastrzeżone",
    "materiał chroniony prawem",
    "korzystamy z cookies",
    "iscriviti alla",
    "tutti i diritti riservati",
    // Follow-us and feedback lines.
    "siguenos en",
    "nuestro canal de youtube",
    "cancela cuando quieras",
    "never miss the latest",
    "missing out on the latest",
    "do you want to be informed",
    "we want to hear what you think",
    "sie lesen gern",
    "gefällt dir unser",
    "bei fragen und anregungen",
    "verraten sie gerne in den kommentaren",
    "hier können sie den artikel bewerten",
    "teilen sie uns ihre erfahrungen",
    "wir respektieren deine privatsphäre",
    // Advertising, affiliate and liability disclaimers.
    "für links auf dieser seite erhält",
    "bei den verlinkungen handelt es sich um",
    "enthält werbung",
    "enthält affiliate",
    "contains references to products",
    "does not offer medical advice",
    "the advertising disclaimer",
    "we recommend the best products",
    "alle angaben ohne gewähr",
    "meinung des autors wieder",
    "engagent que leurs auteurs",
];

/// Longest paragraph [`reader_appeal`] judges: longer ones are article text that mentions a
/// subscription or a copyright in passing.
pub const APPEAL_MAX_CHARS: u32 = 300;

/// Whether a short paragraph is the publisher addressing the reader: subscription and newsletter
/// appeals, follow-us lines, copyright, reprint, affiliate and liability notices.
pub fn reader_appeal(text: &str) -> bool {
    static MATCHER: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    let lower = text.to_lowercase();
    match MATCHER.get_or_init(|| AhoCorasick::new(APPEAL_PHRASES).ok()) {
        Some(ac) => ac.is_match(&lower),
        None => APPEAL_PHRASES.iter().any(|p| lower.contains(p)),
    }
}

/// Whether a short block is a source or picture credit line (`Quelle: Landesregierung`,
/// `Foto: dpa`, `Źródło: PAP`): attribution of the page's material, not the article's words.
pub fn credit_line(text: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "quelle:",
        "quellen:",
        "bildquelle:",
        "source:",
        "sources:",
        "źródło:",
        "fuente:",
        "credit:",
        "credits:",
        "crédits photos",
        "foto:",
        "fotos:",
        "photo:",
        "bild:",
        "titelbild:",
        "abbildung:",
    ];
    let t = text.trim_start().to_lowercase();
    PREFIXES.iter().any(|p| t.starts_with(p))
}

/// Whether a short block is a blog engine's post-meta line ("This entry was posted in...",
/// "Der Beitrag wurde am ... veröffentlicht", "Kategorie: News", "4 min read").
pub fn post_meta_line(text: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "this entry was posted",
        "this post was posted",
        "posted in ",
        "filed under",
        "der beitrag wurde am",
        "dieser beitrag wurde am",
        "dieser eintrag wurde",
        "erstellt am",
        "kategorie:",
        "kategorien:",
        "category:",
        "categories:",
        "tags:",
        "schlagwörter:",
        "schlagworte:",
        "aufrufe:",
        "kommentare insgesamt",
        "(noch keine bewertungen",
        "aktualisiert am",
        "zuletzt aktualisiert",
        "veröffentlicht am",
        "veröffentlichung:",
        "stand:",
        "release date:",
        "news date",
        "last updated",
        "updated on",
    ];
    let t = text.trim().to_lowercase();
    PREFIXES.iter().any(|p| t.starts_with(p))
        || t.ends_with("min read")
        || t.ends_with("minutes read")
        || t.ends_with("min. lesezeit")
}

/// Whether a short block is a "see also" teaser line written into the article ("PUEDES VER:
/// ...", "Lesen Sie auch: ...", "Read more: ..."), a "Weitere ..." heading over a list of other
/// articles (no sentence: "Weitere Beiträge aus der Kolumne"), or a lone byline label ("Von:")
/// left over when the author's name sits in its own element.
pub fn see_also_line(text: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "puedes ver:",
        "mira:",
        "mire:",
        "lee también:",
        "lea también:",
        "te puede interesar:",
        "lesen sie auch:",
        "lies auch:",
        "read more:",
        "read also:",
        "see also:",
        "lire aussi:",
        "à lire aussi:",
        "czytaj także:",
        "czytaj też:",
        "leggi anche:",
    ];
    let t = text.trim().to_lowercase();
    PREFIXES.iter().any(|p| t.starts_with(p))
        || (t.starts_with("weitere ") && t.chars().count() <= 60 && !t.ends_with(['.', '!', '?']))
        || matches!(t.trim_end_matches(':'), "von" | "by")
}

/// Longest block [`credit_line`] judges.
pub const CREDIT_MAX_CHARS: u32 = 100;

/// Class names that mark the article body itself.
pub fn strong_article(desc: &str) -> bool {
    groups(desc) & STRONG != 0
}

/// Weaker hints of an article container (used to protect it from removal and to score it).
pub fn weak_article(desc: &str) -> bool {
    has_token(
        desc,
        &[
            "article", "content", "main", "story", "entry", "post", "body", "text", "blog",
            "hentry", "column", "page",
        ],
    )
}

/// Readability-style class weight: positive for content-like names, negative for chrome.
pub fn class_weight(node: &Node) -> f32 {
    let mut w = 0.0;
    for name in ["class", "id"] {
        let Some(v) = node.attr(name) else { continue };
        let v = v.to_ascii_lowercase();
        if v.is_empty() {
            continue;
        }
        if has_sub(
            &v,
            &[
                "comment",
                "foot",
                "masthead",
                "outbrain",
                "promo",
                "related",
                "share",
                "shoutbox",
                "sidebar",
                "skyscraper",
                "sponsor",
                "shopping",
                "widget",
                "banner",
                "combx",
                "contact",
                "meta",
                "tags",
                "tool",
                "scroll",
                "gdpr",
            ],
        ) || has_token(&v, &["ad", "ads", "hidden", "hid", "media", "com"])
        {
            w -= 25.0;
        }
        if has_sub(
            &v,
            &[
                "article", "body", "content", "entry", "hentry", "main", "page", "post", "text",
                "blog", "story",
            ],
        ) {
            w += 25.0;
        }
        if strong_article(&v) {
            w += 25.0;
        }
    }
    w
}

/// The kind of page chrome an element is from its tag (and `hidden`/`display:none`), if any;
/// `desc` is [`descriptor`] of the node. Class names are judged by [`DescInfo`].
pub fn chrome_kind(tag: &str, desc: &str, node: &Node) -> Option<RemovalKind> {
    if markup_tag(tag) {
        return Some(RemovalKind::Markup);
    }
    match tag {
        "nav" => return Some(RemovalKind::Navigation),
        "footer" => return Some(RemovalKind::Footer),
        "aside" => {
            return Some(if related_words(desc) {
                RemovalKind::RelatedLinks
            } else {
                RemovalKind::Boilerplate
            })
        }
        "figcaption" => return Some(RemovalKind::Caption),
        "button" | "select" | "input" | "textarea" | "label" | "option" | "fieldset" => {
            return Some(RemovalKind::Boilerplate)
        }
        "h1" => return Some(RemovalKind::Metadata),
        _ => {}
    }
    if hidden(node) {
        return Some(RemovalKind::Boilerplate);
    }
    if matches!(tag, "html" | "body" | "main" | "article") {
        return None;
    }
    None
}

/// What an element's descriptor says about it; computed once per distinct descriptor of a page.
#[derive(Debug, Clone, Default)]
pub struct DescInfo {
    /// Chrome kind the class/id/role names point to.
    pub kind: Option<RemovalKind>,
    /// [`strong_article`].
    pub strong: bool,
    /// [`weak_article`].
    pub weak: bool,
    /// [`overlay`].
    pub overlay: bool,
    /// Sidebars and footers: chrome that is often written as prose (disclaimers, about boxes).
    pub aside: bool,
    /// Named a teaser and nothing else related-looking: CMSs (TYPO3 news, many German public
    /// sites) call an article's own lead paragraph `teaser-text`.
    pub teaser: bool,
}

impl DescInfo {
    pub fn of(desc: &str) -> DescInfo {
        if desc.is_empty() {
            return DescInfo::default();
        }
        let g = groups(desc);
        // A cookie dialog's `gdpr-tab-main-content` is no article body.
        let strong = g & STRONG != 0 && g & OVERLAY == 0;
        DescInfo {
            kind: if strong { None } else { desc_kind(desc, g) },
            strong,
            weak: weak_article(desc),
            overlay: g & OVERLAY != 0,
            aside: g & (SIDEBAR | FOOTER) != 0,
            teaser: desc.contains("teaser") && groups(&desc.replace("teaser", " ")) & RELATED == 0,
        }
    }
}

/// The kind of chrome that class/id/role names describe (no strong article name among them).
fn desc_kind(desc: &str, g: u32) -> Option<RemovalKind> {
    if g & COMMENT != 0 && g & NOT_COMMENT == 0 {
        return Some(RemovalKind::Comments);
    }
    if g & SHARE != 0 {
        return Some(RemovalKind::ShareBar);
    }
    if g & RELATED != 0 {
        return Some(RemovalKind::RelatedLinks);
    }
    if g & AD != 0
        || has_token(
            desc,
            &[
                "ad",
                "ads",
                "adv",
                "advert",
                "advertisement",
                "advertising",
                "adsense",
                "adslot",
                "adunit",
                "ad300",
                "sponsored",
                "sponsor",
                "promo",
                "promotion",
                "dfp",
                "gpt",
                "banner",
                "anzeige",
                "werbung",
                "commercial",
            ],
        )
    {
        return Some(RemovalKind::Advertisement);
    }
    if g & (OVERLAY | ACCOUNT) != 0 {
        return Some(RemovalKind::Boilerplate);
    }
    if g & WIDGET != 0 {
        return Some(RemovalKind::Widget);
    }
    if g & NAV != 0
        || has_token(
            desc,
            &["nav", "navbar", "navigation", "toc", "topnav", "subnav"],
        )
    {
        return Some(RemovalKind::Navigation);
    }
    if g & FOOTER != 0 {
        return Some(RemovalKind::Footer);
    }
    if g & HEADER != 0 || has_token(desc, &["header"]) {
        return Some(RemovalKind::Header);
    }
    if g & SIDEBAR != 0 {
        return Some(RemovalKind::Boilerplate);
    }
    if g & CAPTION != 0 {
        return Some(RemovalKind::Caption);
    }
    if g & META != 0 || has_token(desc, &["date", "time", "meta", "published", "updated"]) {
        return Some(RemovalKind::Metadata);
    }
    if has_token(
        desc,
        &[
            "tags",
            "tag",
            "tagged",
            "categories",
            "keywords",
            "topics",
            "kicker",
            "eyebrow",
        ],
    ) {
        return Some(RemovalKind::SectionLabel);
    }
    None
}

fn related_words(desc: &str) -> bool {
    groups(desc) & RELATED != 0
}

/// `hidden`, `aria-hidden=true` on non-inline elements, or `display:none` styling.
pub fn hidden(node: &Node) -> bool {
    if node.attr("hidden").is_some() {
        return true;
    }
    if let Some(style) = node.attr("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// The kind of a short block whose whole text is an interface label ("Advertisement",
/// "Related articles", "Share this", "Tags:"), in the languages of the benchmark pages.
pub fn label_kind(text: &str) -> Option<RemovalKind> {
    let t = text
        .trim()
        .trim_start_matches(['-', '–', '|', '*', '»', '›'])
        .trim_end_matches([':', '.', '…', '!', '?', '»', '›', '>', '|', '-', '–'])
        .trim()
        .to_lowercase();
    let kind = match t.as_str() {
        "advertisement"
        | "advert"
        | "advertising"
        | "ad"
        | "ads"
        | "sponsored"
        | "sponsored content"
        | "anzeige"
        | "werbung"
        | "publicidad"
        | "publicité"
        | "annonce"
        | "reklama"
        | "pubblicità"
        | "story continues below advertisement"
        | "article continues below advertisement"
        | "continue reading below" => RemovalKind::Advertisement,
        "tags" | "tagged" | "tagged with" | "topics" | "filed under" | "schlagwörter"
        | "themen" | "etiquetas" | "categories" | "category" | "kategorien" | "tagi" => {
            RemovalKind::SectionLabel
        }
        "related"
        | "related content"
        | "related articles"
        | "related stories"
        | "related posts"
        | "read more"
        | "more"
        | "see also"
        | "also read"
        | "read also"
        | "more stories"
        | "recommended"
        | "you may also like"
        | "mehr zum thema"
        | "weitere artikel"
        | "das könnte sie auch interessieren"
        | "lesen sie auch"
        | "auch interessant"
        | "mehr lesen"
        | "weiterlesen"
        | "leer más"
        | "lee también"
        | "relacionadas"
        | "noticias relacionadas"
        | "czytaj także"
        | "czytaj też"
        | "zobacz też"
        | "lire aussi"
        | "à lire aussi"
        | "latest articles"
        | "latest news"
        | "latest stories"
        | "neueste artikel"
        | "most read"
        | "most popular"
        | "meistgelesen"
        | "meist gelesen"
        | "schon gelesen"
        | "next article"
        | "previous article"
        | "nächster artikel"
        | "vorheriger artikel"
        | "vorschau auf den nächsten artikel"
        | "más leídas"
        | "lo más leído"
        | "najczęściej czytane"
        | "ähnliche beiträge"
        | "ähnliche artikel"
        | "empfohlene beiträge"
        | "empfohlene artikel"
        | "verwandte beiträge"
        | "verwandte artikel"
        | "das könnte dich auch interessieren"
        | "das thema könnte dich auch interessieren"
        | "dies könnte sie auch interessieren"
        | "weiterführende links"
        | "zum weiterlesen"
        | "lesen sie auch die folgenden beiträge"
        | "aktuellste beiträge"
        | "mehr themen"
        | "meist-diskutiert"
        | "meistdiskutiert"
        | "lust auf mehr"
        | "zurück zur listenansicht"
        | "zurück zur übersicht"
        | "similar posts"
        | "related reading"
        | "articles similaires"
        | "artículos relacionados"
        | "podobne artykuły"
        | "polecane"
        | "weitere informationen"
        | "weitere infos"
        | "zusatzinformationen"
        | "weiterführender link"
        | "more information"
        | "further information"
        | "más información"
        | "plus d'informations" => RemovalKind::RelatedLinks,
        "about the author"
        | "über den autor"
        | "über die autorin"
        | "sobre el autor"
        | "à propos de l'auteur"
        | "o autorze"
        | "was this article helpful"
        | "hat dir der artikel gefallen"
        | "hat ihnen der artikel gefallen"
        | "beitragsbild"
        | "kontakt"
        | "keine kommentare"
        | "no comments"
        | "externer inhalt"
        | "empfohlener redaktioneller inhalt"
        | "quellen ausblenden"
        | "quellenangaben"
        | "permalien"
        | "permalink"
        | "seite teilen"
        | "titelbild"
        | "bild anzeigen"
        | "aufrufe"
        | "war dieser artikel hilfreich"
        | "war der artikel nützlich" => RemovalKind::Boilerplate,
        "comments"
        | "comment"
        | "leave a comment"
        | "leave a reply"
        | "kommentare"
        | "kommentar"
        | "comentarios"
        | "commentaires"
        | "komentarze"
        | "tell us what you think"
        | "add comment"
        | "post a comment"
        | "write a comment"
        | "kommentar schreiben"
        | "kommentare schreiben"
        | "kommentieren"
        | "dejar un comentario"
        | "laisser un commentaire"
        | "napisz komentarz"
        | "skomentuj" => RemovalKind::Comments,
        "share"
        | "share this"
        | "share this article"
        | "share this story"
        | "share on"
        | "teilen"
        | "artikel teilen"
        | "compartir"
        | "partager"
        | "udostępnij"
        | "follow us"
        | "print"
        | "email"
        | "e-mail"
        | "drucken"
        | "rezept drucken"
        | "artikel drucken"
        | "drukuj"
        | "imprimir"
        | "imprimer"
        | "beitrag teilen"
        | "möchten sie den artikel teilen"
        | "diesen artikel teilen"
        | "share this post"
        | "share this page" => RemovalKind::ShareBar,
        "this slideshow requires javascript"
        | "loading"
        | "close"
        | "menu"
        | "skip to content"
        | "back to top"
        | "nach oben"
        | "zurück"
        | "previous"
        | "next"
        | "weiter" => RemovalKind::Boilerplate,
        _ => return None,
    };
    Some(kind)
}

/// Cookie and privacy notices, modal dialogs and pop-ups: prose, but never the article.
pub fn overlay(desc: &str) -> bool {
    groups(desc) & OVERLAY != 0
}
