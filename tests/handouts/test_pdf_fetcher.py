"""The PDF renderer loads the portal's own static and media files, and nothing else."""

import socket

import pytest
from PIL import Image

from education.models import Article
from patients import pdf
from patients.pdf import PortalURLFetcher, RefusedURL, render_pdf
from patients.services import assign_articles
from tests.handouts.conftest import pdf_of, pdf_text, read_pdf

BASE = "https://portal.example/"
REMOTE = [
    "https://example.com/x.png",
    "http://127.0.0.1:9/x.png",
    "https://portal.example.evil.example/static/css/print.css",
    "http://portal.example/static/css/print.css",  # the portal's host, another scheme
    "file:///etc/passwd",
    "data:image/png;base64,iVBORw0KGgo=",
    "ftp://example.com/x.png",
]


@pytest.fixture
def fetches(monkeypatch):
    """Every URL the renderer asks for, with what the fetcher answered."""
    seen = []
    fetch = PortalURLFetcher.fetch

    def spy(self, url, headers=None):
        try:
            response = fetch(self, url, headers)
        except RefusedURL:
            seen.append((url, "refused"))
            raise
        seen.append((url, "served"))
        return response

    monkeypatch.setattr(PortalURLFetcher, "fetch", spy)
    return seen


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""
    attempts = []

    def refuse(self, address, *args):
        attempts.append(address)
        raise AssertionError(f"a socket was opened to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: refuse(None, address))
    return attempts


@pytest.mark.parametrize("url", REMOTE)
def test_any_other_url_is_refused(url):
    with pytest.raises(RefusedURL):
        PortalURLFetcher(BASE).fetch(url)


@pytest.mark.parametrize(
    "path",
    [
        "static/../clinic/settings.py",
        "static/%2E%2E/%2E%2E/clinic/settings.py",
        "static/",
        "static/css/no-such-file.css",
        "media/../db.sqlite3",
        "media/",
        "admin/",
    ],
)
def test_paths_outside_the_static_and_media_files_are_refused(path, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    with pytest.raises(RefusedURL):
        PortalURLFetcher(BASE).fetch(BASE + path)


def test_the_portals_stylesheet_is_read_from_disk(fetches, no_network):
    html = '<link rel="stylesheet" href="/static/css/print.css"><body class="paper-a4">Hi</body>'
    reader = read_pdf(render_pdf(html, BASE))
    assert fetches == [(BASE + "static/css/print.css", "served")]
    # The stylesheet applied: A4, not the renderer's default size.
    assert round(float(reader.pages[0].mediabox.width)) == 595
    assert no_network == []


def test_an_uploaded_picture_is_read_from_the_media_folder(settings, tmp_path, fetches):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "exercises").mkdir()
    Image.new("RGB", (40, 30), "steelblue").save(tmp_path / "exercises" / "bridge.png")
    html = '<img src="/media/exercises/bridge.png" alt="A bridge">'
    document = render_pdf(html, BASE)
    assert fetches == [(BASE + "media/exercises/bridge.png", "served")]
    assert len(read_pdf(document).pages[0].images) == 1


def test_an_exercise_picture_prints_on_the_handout(
    client, clinician_a, plan_a, settings, tmp_path, fetches, no_network
):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "exercises").mkdir()
    Image.new("RGB", (40, 30), "steelblue").save(tmp_path / "exercises" / "quad.png")
    exercise = plan_a.items.order_by("position").first().exercise
    exercise.image = "exercises/quad.png"
    exercise.image_alt = "A person lying with a towel under the knee"
    exercise.save()
    client.force_login(clinician_a)
    page = client.get(f"/admin/patients/plan/{plan_a.pk}/handout/").text
    assert (
        'src="/media/exercises/quad.png" alt="A person lying with a towel under the knee"' in page
    )
    response = client.get(f"/admin/patients/plan/{plan_a.pk}/handout.pdf")
    assert len(pdf_of(response).pages[0].images) == 1
    assert any(url.endswith("/media/exercises/quad.png") and ok == "served" for url, ok in fetches)
    assert no_network == []


def test_a_remote_image_or_stylesheet_in_a_page_is_refused_without_a_connection(
    fetches, no_network
):
    html = (
        '<link rel="stylesheet" href="https://example.com/evil.css">'
        '<p>Before</p><img src="https://example.com/x.png" alt="x">'
        '<div style="background: url(http://127.0.0.1:9/track.png)">After</div>'
        '<svg><image href="https://example.com/y.png" width="10" height="10"/></svg>'
    )
    document = render_pdf(html, BASE)
    assert document.startswith(b"%PDF-")
    asked = {url for url, _outcome in fetches}
    assert {
        "https://example.com/evil.css",
        "https://example.com/x.png",
        "http://127.0.0.1:9/track.png",
    } <= asked
    assert all(outcome == "refused" for _url, outcome in fetches)
    assert no_network == []


def test_the_renderer_always_uses_the_portal_fetcher(monkeypatch):
    used = []
    real = pdf.HTML

    def html(*args, **kwargs):
        used.append(kwargs.get("url_fetcher"))
        return real(*args, **kwargs)

    monkeypatch.setattr(pdf, "HTML", html)
    render_pdf("<p>Hello</p>", BASE)
    assert len(used) == 1
    assert isinstance(used[0], PortalURLFetcher)


def test_an_image_in_an_article_body_is_not_fetched(
    client, patient_a, library, fetches, no_network
):
    article = Article.objects.create(
        title="Pictures",
        slug="pictures",
        summary="With pictures.",
        body=(
            "![x](https://example.com/x.png)\n\n"
            '<img src="https://example.com/raw.png">\n\n'
            "[a link](https://example.com/page)"
        ),
        status=Article.Status.PUBLISHED,
    )
    (assignment,) = assign_articles(patient=patient_a, articles=[article], assigned_by=None)
    client.force_login(patient_a.user)
    response = client.get(f"/articles/{assignment.pk}/handout.pdf")
    text = pdf_text(response)
    assert "Pictures" in text
    assert "(https://example.com/page)" in text  # a link prints its address
    assert [outcome for _url, outcome in fetches] == ["served"]  # the stylesheet only
    assert not any("example.com" in url for url, _outcome in fetches)
    assert no_network == []


def test_an_image_tag_typed_into_a_plan_is_printed_as_text_not_fetched(
    client, clinician_a, plan_a, fetches, no_network
):
    plan_a.message = '<img src="https://example.com/track.png">'
    plan_a.save()
    client.force_login(clinician_a)
    response = client.get(f"/admin/patients/plan/{plan_a.pk}/handout.pdf")
    assert '<img src="https://example.com/track.png">' in pdf_text(response)
    assert not any("example.com" in url for url, _outcome in fetches)
    assert no_network == []
