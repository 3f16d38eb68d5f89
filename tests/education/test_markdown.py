"""Article bodies: nothing a clinician pastes can run in a patient's browser."""

from html.parser import HTMLParser

import pytest

from education.markdown import ALLOWED_TAGS, render_markdown


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parsed(html):
    collector = Collector()
    collector.feed(html)
    return collector.tags


def test_a_script_never_survives():
    html = render_markdown("Hello\n\n<script>alert('x')</script>\n\nBye <script>alert(1)</script>")
    assert [tag for tag, _ in parsed(html)] == ["p", "p", "p"]
    assert "<script" not in html


@pytest.mark.parametrize(
    "source",
    [
        '<img src="x.png" onerror="alert(1)">',
        '<a href="https://example.com" onclick="alert(1)">link</a>',
        '<p onmouseover="alert(1)">text</p>',
        '[link](https://example.com "title" onclick="alert(1)")',
    ],
)
def test_event_handler_attributes_never_survive(source):
    for _tag, attrs in parsed(render_markdown(source)):
        assert not [name for name in attrs if name.startswith("on")]


@pytest.mark.parametrize(
    "source",
    [
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](  javascript:alert(1))",
        "<javascript:alert(1)>",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![pic](data:image/png;base64,iVBORw0KGgo=)",
        "[click][ref]\n\n[ref]: javascript:alert(1)",
        "[click](vbscript:msgbox(1))",
    ],
)
def test_javascript_and_data_links_never_survive(source):
    tags = parsed(render_markdown(source))
    assert [attrs for tag, attrs in tags if tag == "a"] == []
    assert [tag for tag, _ in tags if tag == "img"] == []


@pytest.mark.parametrize(
    "source",
    [
        '<iframe src="https://example.com"></iframe>',
        '<img src="https://example.com/x.png">',
        "<b>bold</b>",
        '<div style="color:red">styled</div>',
        "<style>body{display:none}</style>",
        '<form action="https://example.com"><input name="x"></form>',
        '<svg onload="alert(1)"></svg>',
    ],
)
def test_raw_html_never_survives(source):
    html = render_markdown(f"Before\n\n{source}\n\nAfter {source}")
    assert {tag for tag, _ in parsed(html)} == {"p"}


def test_markdown_images_are_dropped():
    html = render_markdown("![A knee](https://example.com/knee.png)")
    assert "<img" not in html


def test_every_tag_and_attribute_left_is_on_the_allow_list():
    source = "\n\n".join(
        [
            "## Heading",
            "[a link](https://example.com/page 'Title')",
            "| a | b |\n|:--|--:|\n| 1 | 2 |",
            "> quoted",
            "```\ncode\n```",
        ]
    )
    allowed_attributes = {"a": {"href", "title", "rel"}, "th": {"scope"}, "ol": {"start"}}
    for tag, attrs in parsed(render_markdown(source)):
        assert tag in ALLOWED_TAGS
        assert set(attrs) <= allowed_attributes.get(tag, set()), tag


def test_safe_links_keep_their_address_and_open_nothing_extra():
    html = render_markdown("[our clinic](https://clinic.example/contact)")
    assert parsed(html) == [
        ("p", {}),
        ("a", {"href": "https://clinic.example/contact", "rel": "noopener noreferrer nofollow"}),
    ]


def test_headings_lists_and_tables_render():
    html = render_markdown(
        "## Where it hurts\n\n### Details\n\n"
        "- one\n- two\n\n1. first\n2. second\n\n"
        "| Where | What |\n|---|---|\n| Kneecap | Stairs |\n"
    )
    assert "<h2>Where it hurts</h2>" in html
    assert "<h3>Details</h3>" in html
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in html
    assert "<ol>\n<li>first</li>\n<li>second</li>\n</ol>" in html
    assert "<th>Where</th>" in html
    assert "<td>Kneecap</td>" in html


def test_body_headings_stay_below_the_page_title():
    html = render_markdown("# Typed as a title\n\n###### Very small")
    assert "<h2>Typed as a title</h2>" in html
    assert "<h4>Very small</h4>" in html
    assert "<h1" not in html
