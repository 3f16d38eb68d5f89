"""Uploaded files (exercise pictures), served to signed-in people only.

Only images that the upload step re-encoded (education/images.py) go out: a PNG, JPEG or
WebP file under MEDIA_ROOT whose name and content agree, with that content type and
`nosniff`. Anything else under MEDIA_ROOT, or outside it, is a 404.
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
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


def media_file(path: str) -> Path:
    """The file at `path` under MEDIA_ROOT, links resolved; Http404 for anything outside."""
    root = Path(settings.MEDIA_ROOT).resolve()
    try:
        candidate = Path(safe_join(root, path)).resolve()
    except (SuspiciousFileOperation, ValueError):
        raise Http404 from None
    if not candidate.is_relative_to(root) or not candidate.is_file():
        raise Http404
    return candidate


def image_content_type(file: Path) -> str:
    """The content type of an image whose name and content agree; Http404 otherwise."""
    try:
        with Image.open(file) as image:
            detected = image.format
    except (UnidentifiedImageError, OSError):
        raise Http404 from None
    endings, content_type = IMAGE_TYPES.get(detected, (set(), ""))
    if file.suffix.lower() not in endings:
        raise Http404
    return content_type


@require_safe
def serve(request, path):
    file = media_file(path)
    content_type = image_content_type(file)
    response = FileResponse(file.open("rb"), content_type=content_type)
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    return response
