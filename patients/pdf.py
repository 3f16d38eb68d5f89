"""PDFs from the portal's own HTML, with WeasyPrint.

The renderer reads the portal's own static files (from disk) and uploaded pictures (from
the media storage, disk or object store, with the media view's checks), and nothing else:
any other URL in a page (an image address pasted into content, a stylesheet, a font) is
refused without a connection ever being opened. A handout never depends on, or reveals
itself to, another server.
"""

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from clinic import media

logger = logging.getLogger(__name__)


class RefusedURL(ValueError):
    """A URL the PDF renderer will not load."""


class PortalURLFetcher(URLFetcher):
    """WeasyPrint's fetcher, restricted to the static files under STATIC_URL and the stored
    media under MEDIA_URL.

    `base_url` is the address the page's relative links resolve against; a URL counts as
    the portal's own only on that scheme and host.
    """

    def __init__(self, base_url: str):
        super().__init__(allowed_protocols=())
        origin = urlsplit(base_url)
        self.origin = (origin.scheme, origin.netloc)

    def fetch(self, url, headers=None):
        found = self.own_file(url)
        if found is None:
            logger.info("PDF: refused to load %s", url[:200])
            raise RefusedURL(f"Not one of the portal's own files: {url[:200]}")
        name, content = found
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, content, {"Content-Type": content_type})

    def own_file(self, url: str) -> tuple[str, bytes] | None:
        """The name and bytes of the static or media file that `url` names, if it is one of
        the portal's own; else None. Media pass the media view's checks (clinic.media)."""
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc) != self.origin:
            return None
        path = unquote(parts.path)
        if path.startswith(settings.STATIC_URL):
            found = static_file(path.removeprefix(settings.STATIC_URL))
            return (found.name, found.read_bytes()) if found else None
        if path.startswith(settings.MEDIA_URL):
            name = path.removeprefix(settings.MEDIA_URL)
            try:
                content = media.read_media(name)
                media.image_content_type(name, content)
            except Http404:
                return None
            return name, content
        return None


def file_under(root: Path, name: str) -> Path | None:
    """`root / name` if it is an existing file inside `root` (no `..` or symlink escapes)."""
    if not name:
        return None
    root = root.resolve()
    candidate = (root / name).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate


def static_file(name: str) -> Path | None:
    """A static file: collected (hashed names, in production) or found in the sources."""
    if not name:
        return None
    collected = file_under(Path(settings.STATIC_ROOT), name)
    if collected is not None:
        return collected
    try:
        found = finders.find(name)
    except SuspiciousFileOperation:
        return None
    return Path(found) if isinstance(found, str) and Path(found).is_file() else None


def render_pdf(html: str, base_url: str) -> bytes:
    """The PDF of `html`, whose relative links resolve against `base_url`."""
    fetcher = PortalURLFetcher(base_url)
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf(
        pdf_variant="pdf/ua-1"
    )
