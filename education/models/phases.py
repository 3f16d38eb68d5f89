"""A programme template's criteria for moving on to its next phase.

Each criterion is data: a kind (what the portal measures), a target and, for the kinds
measured over time, a window of days. `patients.rules` evaluates them as pure functions and
`patients.phases` gathers what they read; docs/architecture.md says how to add a kind.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from education.models import ProgrammeTemplate

MAX_WINDOW_DAYS = 28


class PhaseCriterion(models.Model):
    class Kind(models.TextChoices):
        MAX_PAIN = "max_pain", _("Highest pain at most (0-10), on every entry of the window")
        ADHERENCE = "adherence", _("Adherence at least (%), over the window")
        MIN_DAYS = "min_days", _("At least this many days in the phase")
        NO_OPEN_ALERT = "no_open_alert", _("No open alert")
        # Measured by the outcomes app (outcomes.criteria): without it, never met.
        MEASURE_MCID = "measure_mcid", _("A measure improved by at least its important change")

    # What each kind needs: (target's (min, max) or None, whether it has a window of days).
    NEEDS = {
        Kind.MAX_PAIN: ((0, 10), True),
        Kind.ADHERENCE: ((0, 100), True),
        Kind.MIN_DAYS: ((1, 365), False),
        Kind.NO_OPEN_ALERT: (None, False),
        Kind.MEASURE_MCID: (None, False),
    }
    # The kinds that name a measure (`measure`, its questionnaire's code).
    NAMES_MEASURE = {Kind.MEASURE_MCID}

    template = models.ForeignKey(
        ProgrammeTemplate,
        on_delete=models.CASCADE,
        related_name="criteria",
        verbose_name=_("programme template"),
    )
    kind = models.CharField(_("criterion"), max_length=20, choices=Kind.choices)
    target = models.PositiveSmallIntegerField(
        _("target"), null=True, blank=True, validators=[MaxValueValidator(365)]
    )
    days = models.PositiveSmallIntegerField(
        _("over the last (days)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_WINDOW_DAYS)],
    )
    # A questionnaire's code ("psfs"): the education app does not know the outcomes app,
    # so the measure is named, not linked; a code no questionnaire has is never met.
    measure = models.SlugField(
        _("measure"),
        max_length=64,
        blank=True,
        help_text=_("The questionnaire's code, e.g. “psfs”, for a criterion on a measure."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    # The template's: shipped, or one clinic's.
    clinic_lookup = "template__clinic"
    shared_without_clinic = True

    class Meta:
        verbose_name = _("criterion to move on")
        verbose_name_plural = _("criteria to move on to the next phase")
        ordering = ["template", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["template", "kind"], name="education_phasecriterion_one_per_kind"
            )
        ]

    def __str__(self):
        return f"{self.template}: {self.describe()}"

    def describe(self) -> str:
        """ "Highest pain at most (0-10)...: 3, over 7 days"."""
        parts = [str(self.get_kind_display())]
        if self.measure:
            parts.append(self.measure)
        if self.target is not None:
            parts.append(str(self.target))
        text = ": ".join(parts)
        if self.days:
            text += " " + str(_("(over %(days)s days)") % {"days": self.days})
        return text

    def clean(self):
        super().clean()
        target_range, has_window = self.NEEDS.get(self.kind, (None, False))
        errors = {}
        if target_range is not None:
            low, high = target_range
            if self.target is None or not low <= self.target <= high:
                errors["target"] = _("Give a target from %(low)s to %(high)s.") % {
                    "low": low,
                    "high": high,
                }
        if has_window and not self.days:
            errors["days"] = _("Give the number of days it is measured over (1 to %(max)s).") % {
                "max": MAX_WINDOW_DAYS
            }
        if self.kind in self.NAMES_MEASURE and not self.measure:
            errors["measure"] = _("Name the measure by its questionnaire's code, e.g. “psfs”.")
        if errors:
            raise ValidationError(errors)
