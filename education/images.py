"""Exercise pictures: checked by content, not by name, and re-encoded without metadata."""

import contextlib
import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def clean_uploaded_image(upload) -> ContentFile:
    """Return a fresh copy of an uploaded picture, or refuse it with a clear message."""
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The picture is %(size)s. The largest allowed is %(max)s.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(MAX_BYTES)}
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            probe.verify()
        upload.seek(0)
        image = Image.open(upload)
        if image.format not in FORMATS:
            raise ValidationError(_("Upload a JPEG, PNG or WebP picture."))
        if image.width * image.height > MAX_PIXELS:
            raise ValidationError(_("The picture has too many pixels. Make it smaller."))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(
            _("This file is not a picture the portal can read. Upload a JPEG, PNG or WebP.")
        ) from None

    fmt = image.format
    out = io.BytesIO()
    pixels_only(image, fmt).save(out, format=fmt)
    stem = (upload.name or "picture").rsplit("/", 1)[-1].rsplit(".", 1)[0][:80] or "picture"
    return ContentFile(out.getvalue(), name=f"{stem}.{FORMATS[fmt]}")


def pixels_only(image: Image.Image, fmt: str) -> Image.Image:
    """A new image holding the picture's pixels and nothing else.

    Re-encoding alone is not enough: Pillow writes a JPEG's comment (where `<?php …` hides),
    and a WebP's or JPEG's XMP and colour profile, back out from the original. A new image
    has none of them, nor EXIF (camera, GPS location, time), nor PNG text chunks. The
    camera's orientation is applied to the pixels first, so the picture stays upright.
    """
    # A broken orientation tag leaves the pixels as they are stored.
    with contextlib.suppress(Exception):
        image = ImageOps.exif_transpose(image)
    alpha = "A" in image.getbands() or "transparency" in image.info
    if alpha and fmt != "JPEG":  # JPEG has no transparency
        mode = "RGBA"
    elif image.mode == "L":
        mode = "L"
    else:
        mode = "RGB"
    image = image.convert(mode)
    clean = Image.new(mode, image.size)
    clean.paste(image)
    return clean
