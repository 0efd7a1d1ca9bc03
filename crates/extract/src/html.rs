//! HTML pages to documents: the main text (through `dom_smoothie`, a
//! readability port) and the publication date from the usual meta tags.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Document, PartialDate};

static META_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?is)<meta\s[^>]*?(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|datePublished|pubdate|publishdate|date|dc\.date|dc\.date\.issued|sailthru\.date|parsely-pub-date)["'][^>]*>"#,
    )
    .expect("meta regex")
});
static CONTENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?is)content\s*=\s*["']([^"']+)["']"#).expect("content regex"));
static TIME_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?is)<time[^>]*datetime\s*=\s*["']([^"']+)["']"#).expect("time regex"));
static TAGS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<script.*?</script>|<style.*?</style>|<!--.*?(?:-->|$)|<[^>]*>").expect("tag regex")
});

/// Turn an HTML page into a document. Diagnostics say what went wrong
/// (no main text found, so the whole page text was used).
pub fn html_to_document(id: &str, html: &str) -> (Document, Vec<String>) {
    let mut diagnostics = Vec::new();
    let published = published_from_meta(html);
    let cfg = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
    let parsed = dom_smoothie::Readability::new(html, None, Some(cfg)).and_then(|mut r| r.parse());
    let (title, text, published) = match parsed {
        Ok(a) if a.text_content.trim().len() > 40 => {
            let p = published.or_else(|| a.published_time.as_deref().and_then(|t| t.parse::<PartialDate>().ok()));
            let title = (!a.title.trim().is_empty()).then(|| a.title.trim().to_string());
            (title, a.text_content.to_string(), p)
        }
        _ => {
            diagnostics.push("no main article text found: using all visible text".into());
            (None, strip_tags(html), published)
        }
    };
    // the title is part of what the page states: keep it as the first line
    let text = match &title {
        Some(t) if !text.trim_start().starts_with(t.as_str()) => format!("{t}\n\n{text}"),
        _ => text,
    };
    (Document { id: id.to_string(), text, published, title, ..Default::default() }, diagnostics)
}

fn published_from_meta(html: &str) -> Option<PartialDate> {
    META_DATE
        .find_iter(html)
        .filter_map(|m| CONTENT.captures(m.as_str()).map(|c| c[1].to_string()))
        .chain(TIME_TAG.captures_iter(html).map(|c| c[1].to_string()))
        .find_map(|v| v.parse::<PartialDate>().ok().filter(|d| d.day.is_some()))
}

/// Visible text of a page without any structure: the fallback.
fn strip_tags(html: &str) -> String {
    let text = TAGS.replace_all(html, "\n");
    let text = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_meta_date_and_main_text() {
        let html = r#"<html><head><title>Ministers meet</title>
            <meta property="article:published_time" content="2025-03-06T08:00:00Z"></head>
            <body><nav>Home | World</nav><article><h1>Ministers meet</h1>
            <p>The foreign ministers of Chile and Peru met in Lima on Wednesday to discuss trade and border issues.</p>
            <p>They agreed to meet again in Santiago later this year, officials from both countries said.</p>
            </article><footer>Copyright</footer></body></html>"#;
        let (doc, _) = html_to_document("p", html);
        assert_eq!(doc.published, Some(PartialDate::ymd(2025, 3, 6)));
        assert!(doc.text.contains("met in Lima on Wednesday"));
        assert!(!doc.text.contains("Copyright"));
    }
}
