"""Our own drawings of the shipped exercises: frames, captions and descriptions, as SVG.

`frames(key, side=...)` draws an exercise's frames for the reader's language and the
patient's side; `key` is `Exercise.figure` (the shipped exercise's slug, kept by a clinic's
copy). Deterministic and free of queries: each drawing is made once per process and side
and language (a few kilobytes each), then served from memory.
"""

import functools
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from education.content.figures import FIGURES
from education.figures.render import HEIGHT, WIDTH, figure_svg

LEFT, RIGHT = "left", "right"


@dataclass(frozen=True)
class Frame:
    number: int
    caption: str
    description: str
    svg: SafeString


def choices() -> list[tuple[str, str]]:
    return [(key, key) for key in FIGURES]


def drawn_side(dose_side: str, patient_side: str) -> str:
    """Which leg the figure shows: the dose's own side, the patient's for "affected" (and
    for an exercise done on both sides, so a patient sees their own knee), else the left."""
    if dose_side in (LEFT, RIGHT):
        return dose_side
    return patient_side if patient_side in (LEFT, RIGHT) else LEFT


def frames(key: str, *, side: str = LEFT, language: str | None = None) -> list[Frame]:
    """The frames of drawing `key` for `side` ("left" or "right"), or [] for no drawing."""
    if key not in FIGURES:
        return []
    return _frames(key, side if side in (LEFT, RIGHT) else LEFT, language or get_language())


def thumbnail(key: str, *, side: str = LEFT, language: str | None = None) -> Frame | None:
    found = frames(key, side=side, language=language)
    return found[FIGURES[key].get("thumbnail", 0)] if found else None


@functools.lru_cache(maxsize=512)
def _frames(key: str, side: str, language: str) -> list[Frame]:
    figure = FIGURES[key]
    lang = "fr" if language.startswith("fr") else "en"
    one_leg = figure["one_leg"]
    with override(lang):
        side_note = (
            (_("The right leg, drawn thicker with its knee circled, is the one that works."))
            if side == RIGHT
            else _("The left leg, drawn thicker with its knee circled, is the one that works.")
        )
        total = len(figure["frames"])
        drawn = []
        for index, frame in enumerate(figure["frames"]):
            caption = frame["caption"][lang]
            description = frame["description"][lang]
            label = _("Step %(number)s of %(total)s, %(caption)s: %(description)s") % {
                "number": index + 1,
                "total": total,
                "caption": caption,
                "description": description,
            }
            if one_leg:
                description = f"{description} {side_note}"
                label = f"{label} {side_note}"
            svg = figure_svg(
                frame,
                figure["frames"][index - 1] if index else None,
                one_leg=one_leg,
                mirrored=side == RIGHT,
                label=label,
                view=figure.get("view", (0, 0, WIDTH, HEIGHT)),
            )
            # Our own drawing, every text in it escaped by figure_svg.
            drawn.append(Frame(index + 1, caption, description, mark_safe(svg)))  # noqa: S308
    return drawn
