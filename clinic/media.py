"""Uploaded files (exercise pictures), served to signed-in people only.

Only images that the upload step re-encoded (education/images.py) go out: a PNG, JPEG or
WebP file in the media storage whose name and content agree, with that content type and
`nosniff`. Anything else, or any name reaching outside the storage, is a 404.

The storage is Django's default one: files under MEDIA_ROOT, or a private bucket in an
S3-compatible object store (clinic.storage). The same checks apply to both, here and in
the PDF renderer (patients.pdf), which reads pictures through `read_media`.
"""

import io
import posixpath
from pathlib import Path

from botocore.exceptions import ClientError
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404
from django.utils._os import safe_join
from django.views.decorators.http import require_safe
from PIL import Image, UnidentifiedImageError

# Pillow's name for a format → (file name endings, content type).
IMAGE_TYPES = {
    "PNG": ({".png"}, "image/png"),
    "JPEG": ({".jpg", ".jpeg"}, "image/jpeg"),
    "WEBP": ({".webp"}, "image/webp"),
}
# Nothing larger is ever uploaded (education.images.MAX_BYTES is 5 MiB).
MAX_BYTES = 8 * 1024 * 1024


def media_name(path: str) -> str:
    """`path` as a name in the media storage; Http404 for one that leaves it or names a
    folder (`..`, an absolute path, an empty part, a backslash)."""
    parts = path.split("/")
    if not path or "\\" in path or "\x00" in path or any(p in ("", ".", "..") for p in parts):
        raise Http404
    return posixpath.join(*parts)


def media_file(path: str) -> Path:
    """The file at `path` under MEDIA_ROOT, links resolved; Http404 for anything outside."""
    root = Path(default_storage.location).resolve()
    try:
        candidate = Path(safe_join(root, path)).resolve()
    except (SuspiciousFileOperation, ValueError):
        raise Http404 from None
    if not candidate.is_relative_to(root) or not candidate.is_file():
        raise Http404
    return candidate


def read_media(path: str) -> bytes:
    """The bytes of the stored file `path`, from disk or the object store; Http404 when
    there is no such file, or the name reaches outside the storage."""
    name = media_name(path)
    if isinstance(default_storage, FileSystemStorage):
        with media_file(name).open("rb") as file:
            return file.read(MAX_BYTES + 1)[:MAX_BYTES]
    try:
        with default_storage.open(name, "rb") as file:
            return file.read(MAX_BYTES)
    except (FileNotFoundError, SuspiciousFileOperation, ClientError):
        # ClientError: the object store's answer for a key it does not hold.
        raise Http404 from None


def image_content_type(name: str, content: bytes) -> str:
    """The content type of an image whose name and content agree; Http404 otherwise."""
    try:
        with Image.open(io.BytesIO(content)) as image:
            detected = image.format
    except (UnidentifiedImageError, OSError):
        raise Http404 from None
    endings, content_type = IMAGE_TYPES.get(detected, (set(), ""))
    if posixpath.splitext(name)[1].lower() not in endings:
        raise Http404
    return content_type


@require_safe
def serve(request, path):
    content = read_media(path)
    content_type = image_content_type(path, content)
    response = FileResponse(io.BytesIO(content), content_type=content_type)
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    return response
