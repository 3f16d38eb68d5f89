"""PDFs from the portal's own HTML, with WeasyPrint.

The renderer reads the portal's own static files and uploaded media from disk, and nothing
else: any other URL in a page (an image address pasted into content, a stylesheet, a
font) is refused without a connection ever being opened. A handout never depends on, or
reveals itself to, another server.
"""

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)


class RefusedURL(ValueError):
    """A URL the PDF renderer will not load."""


class PortalURLFetcher(URLFetcher):
    """WeasyPrint's fetcher, restricted to files under STATIC_URL and MEDIA_URL on disk.

    `base_url` is the address the page's relative links resolve against; a URL counts as
    the portal's own only on that scheme and host.
    """

    def __init__(self, base_url: str):
        super().__init__(allowed_protocols=())
        origin = urlsplit(base_url)
        self.origin = (origin.scheme, origin.netloc)

    def fetch(self, url, headers=None):
        path = self.local_path(url)
        if path is None:
            logger.info("PDF: refused to load %s", url[:200])
            raise RefusedURL(f"Not one of the portal's own files: {url[:200]}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})

    def local_path(self, url: str) -> Path | None:
        """The file on disk that `url` names, if it is one of the portal's own; else None."""
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc) != self.origin:
            return None
        path = unquote(parts.path)
        if path.startswith(settings.STATIC_URL):
            return static_file(path.removeprefix(settings.STATIC_URL))
        if path.startswith(settings.MEDIA_URL):
            return file_under(Path(settings.MEDIA_ROOT), path.removeprefix(settings.MEDIA_URL))
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
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf()
