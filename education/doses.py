"""A dose (sets, repetitions, hold, rest, times a day, days a week, side) as pages read it:
`Dose`, and `PatientDose` on a patient's own pages, where the side is their knee."""

import functools
from dataclasses import dataclass

from django.db import models
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _


class Side(models.TextChoices):
    BOTH = "both", _("Both sides")
    LEFT = "left", _("Left")
    RIGHT = "right", _("Right")
    AFFECTED = "affected", _("Affected side")


# What a patient reads for the side of their own dose: their knee, not "affected side".
KNEE_LABELS = {"left": _("Left knee"), "right": _("Right knee")}


# The seven columns of a dose, everywhere a dose is stored, copied, compared or shown.
DOSE_FIELDS = (
    "sets",
    "reps",
    "hold_seconds",
    "rest_seconds",
    "times_per_day",
    "days_per_week",
    "side",
)


@dataclass(frozen=True)
class Dose:
    sets: int
    reps: int
    hold_seconds: int
    rest_seconds: int
    times_per_day: int
    days_per_week: int
    side: str

    def get_side_display(self):
        return Side(self.side).label

    def for_patient(self, patient_side: str) -> "PatientDose":
        """This dose as the patient reads it: "Right knee" for their affected right knee."""
        return PatientDose(**self.values(), patient_side=patient_side or "")

    @property
    def summary(self) -> SafeString:
        """The dose on one line, as the Today and plan pages show it, in the active language:
        "3 sets × 10 repetitions · hold 5 seconds · 2 times a day · 7 days a week · Left".
        """
        return _dose_summary(self, get_language())

    def values(self) -> dict:
        return {name: getattr(self, name) for name in DOSE_FIELDS}


@dataclass(frozen=True)
class PatientDose(Dose):
    """A dose on a patient's own pages: its side reads as their knee ("Right knee"), from
    their record (`patient_side`) when the dose says "affected side"."""

    patient_side: str = ""

    def get_side_display(self):
        return KNEE_LABELS.get(self.knee_side, Side(self.side).label)

    @property
    def knee_side(self) -> str:
        """The knee this dose is for, "left" or "right", or "" when not one knee."""
        if self.side in KNEE_LABELS:
            return self.side
        if self.side == Side.AFFECTED and self.patient_side in KNEE_LABELS:
            return self.patient_side
        return ""

    def values(self) -> dict:
        return {name: getattr(self, name) for name in DOSE_FIELDS}


@functools.lru_cache(maxsize=1024)
def _dose_summary(dose: Dose, language: str) -> SafeString:
    # Built once per distinct dose and language (the same few doses recur on every page):
    # five plural translations cost more than the rest of a plan's line. The numbers and
    # the side are all it depends on, so nothing of one patient's can show on another's.
    parts = [
        ngettext("%(sets)s set", "%(sets)s sets", dose.sets) % {"sets": dose.sets}
        + " × "
        + ngettext("%(reps)s repetition", "%(reps)s repetitions", dose.reps) % {"reps": dose.reps}
    ]
    if dose.hold_seconds:
        parts.append(
            ngettext("hold %(seconds)s second", "hold %(seconds)s seconds", dose.hold_seconds)
            % {"seconds": dose.hold_seconds}
        )
    parts.append(
        ngettext("%(times)s time a day", "%(times)s times a day", dose.times_per_day)
        % {"times": dose.times_per_day}
    )
    parts.append(
        ngettext("%(days)s day a week", "%(days)s days a week", dose.days_per_week)
        % {"days": dose.days_per_week}
    )
    parts.append(conditional_escape(dose.get_side_display()))
    # Trusted translations and numbers, as {% blocktranslate %} outputs them.
    return mark_safe(" · ".join(parts))  # noqa: S308
