"""Article bodies: Markdown in, safe HTML out.

Raw HTML is switched off in the parser, and the result is cleaned again by an
allow-list sanitiser, so nothing a clinician pastes can run in a patient's browser.
"""

import nh3
from markdown_it import MarkdownIt

_parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")

# The page's title is the only <h1>; body headings are kept between <h2> and <h4>, so a
# "# Heading" typed by mistake is still a heading (the sanitiser would strip an <h1>).
MIN_HEADING, MAX_HEADING = 2, 4


def _clamp_headings(state):
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            level = min(max(int(token.tag[1:]), MIN_HEADING), MAX_HEADING)
            token.tag = f"h{level}"


_parser.core.ruler.push("clamp_headings", _clamp_headings)

ALLOWED_TAGS = {
    "h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "blockquote", "hr", "br",
    "a", "code", "pre", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "td": set(), "ol": {"start"}}


def render_markdown(text: str) -> str:
    html = _parser.render(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "http", "mailto", "tel"},
        link_rel="noopener noreferrer nofollow",
    )


def word_count(text: str) -> int:
    return len((text or "").split())
