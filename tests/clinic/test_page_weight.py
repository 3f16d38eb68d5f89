"""Light pages: the portal's own trimmed Bootstrap, a favicon, a description for search
results and link previews."""

import re
from pathlib import Path

from django.conf import settings

BUILT_CSS = Path(settings.BASE_DIR) / "static" / "build" / "portal-bootstrap.css"


def test_the_favicon_is_served_at_the_sites_root(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    assert b"".join(response.streaming_content).startswith(b"\x00\x00\x01\x00")  # an icon


def test_a_page_links_its_icon_description_and_the_trimmed_stylesheet(client, db):
    page = client.get("/accounts/login/").text
    assert re.search(r'<meta name="description" content="[^"]{40,}">', page)
    assert 'rel="icon" href="/static/img/favicon.svg"' in page
    assert 'href="/static/build/portal-bootstrap.css"' in page
    assert "vendor/bootstrap" not in page  # the whole of Bootstrap is no longer sent


def test_the_description_is_in_the_readers_language(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = client.get("/accounts/login/").text
    description = re.search(r'<meta name="description" content="([^"]+)">', page).group(1)
    assert "programme d&#x27;exercices" in description or "programme d'exercices" in description


def test_the_built_stylesheet_is_a_fraction_of_bootstraps(db):
    # make install builds it (make css): Bootstrap's 227 KiB, trimmed to what is used.
    css = BUILT_CSS.read_text()
    assert len(css.encode()) < 60 * 1024
    for used in (".btn-primary", ".navbar", ".form-control", ".visually-hidden-focusable"):
        assert used in css
    for unused in (".carousel", ".accordion", ".offcanvas", ".toast", ".modal-dialog"):
        assert unused not in css


def class_names(css: str) -> set[str]:
    return set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", css))


def test_every_bootstrap_class_a_template_uses_survives_the_trimming(db):
    # .build/ holds Bootstrap as compiled before purgecss trimmed it (make css).
    compiled = class_names(
        (Path(settings.BASE_DIR) / ".build" / "portal-bootstrap.css").read_text()
    )
    kept = class_names(BUILT_CSS.read_text())
    used = set()
    for template in (Path(settings.BASE_DIR) / "templates").rglob("*.html"):
        for value in re.findall(r'class="([^"]*)"', template.read_text()):
            used |= set(re.sub(r"\{[{%].*?[%}]\}", " ", value).split())
    from_bootstrap = used & compiled
    assert len(from_bootstrap) > 40
    assert from_bootstrap <= kept
