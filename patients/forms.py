import datetime as dt
import uuid
from dataclasses import dataclass
from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from patients.models import WARNING_SIGN_FIELDS, PainEntry, SessionLog

PAIN_DAYS_BACK = 14
# A phone's clock may run a little ahead of the server's: that is not "the future".
CLOCK_GRACE = dt.timedelta(minutes=2)
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"

SCORE_CHOICES = [
    (0, _("0 – no pain")),
    *((n, str(n)) for n in range(1, 10)),
    (10, _("10 – worst pain imaginable")),
]


@dataclass(frozen=True)
class Option:
    """One radio button or checkbox of a choice field."""

    value: str
    label: str
    id: str
    checked: bool


@dataclass(frozen=True)
class FieldMarkup:
    """What a hand-written form template needs of one field, worked out once in Python.

    The patient forms (templates/patients/includes/pain_form.html and session_form.html)
    are written out by hand rather than rendered widget by widget through crispy and
    Django's widget templates: for radio groups that cost milliseconds a page. Names, ids,
    labels, help texts, errors and their aria attributes are those Django would give.
    """

    name: str
    id: str
    label: str
    help_text: str
    errors: list[str]
    value: str  # as the widget would show it ("" for none); choice fields: `options`
    options: list[Option]
    checked: bool  # a single checkbox

    @property
    def describedby(self) -> str:
        ids = [f"{self.id}_helptext"] if self.help_text else []
        if self.errors:
            ids.append(f"{self.id}_error")
        return " ".join(ids)


def field_markup(bound_field) -> FieldMarkup:
    field, widget = bound_field.field, bound_field.field.widget
    value = bound_field.value()
    options, checked, shown = [], False, ""
    if isinstance(widget, forms.RadioSelect):  # CheckboxSelectMultiple included
        chosen = set(widget.format_value(value))
        options = [
            Option(str(key), str(label), f"{bound_field.auto_id}_{index}", str(key) in chosen)
            for index, (key, label) in enumerate(field.choices)
        ]
    elif isinstance(widget, forms.CheckboxInput):
        checked = widget.check_test(value)
    else:
        shown = widget.format_value(value)
    return FieldMarkup(
        name=bound_field.html_name,
        id=bound_field.auto_id,
        label=str(bound_field.label),
        help_text=str(bound_field.help_text or ""),
        errors=[str(error) for error in bound_field.errors],
        value="" if shown is None else str(shown),
        options=options,
        checked=checked,
    )


class MarkupMixin:
    @cached_property
    def markup(self) -> dict[str, FieldMarkup]:
        """Every field's `FieldMarkup`, by field name, for the form's template."""
        return {name: field_markup(self[name]) for name in self.fields}


class SessionForm(MarkupMixin, forms.Form):
    """Mark a plan's session done today; which exercises, effort and note are optional."""

    items = forms.MultipleChoiceField(
        label=_("Exercises you did"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    effort = forms.ChoiceField(
        label=_("How hard did it feel?"),
        choices=SessionLog.Effort.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note for your clinician"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, plan, items=None, **kwargs):
        # Today shows one form per plan: ids must differ, names stay the same.
        kwargs.setdefault("auto_id", f"id_session_{plan.pk.hex}_%s")
        super().__init__(*args, **kwargs)
        # The plan's items, already loaded (`items`, else the plan's prefetched ones): an id
        # from any other plan is not a choice.
        items = plan.items.all() if items is None else items
        self.plan_items = {str(item.pk): item for item in items}
        self.fields["items"].choices = [
            (pk, item.exercise.name) for pk, item in self.plan_items.items()
        ]
        self.fields["items"].initial = list(self.plan_items)

        self.plan = plan

    def clean_items(self):
        """The plan items ticked; none ticked means the whole session."""
        chosen = self.cleaned_data["items"]
        return [self.plan_items[pk] for pk in chosen] or None


class PainEntryForm(MarkupMixin, forms.ModelForm):
    score = forms.TypedChoiceField(
        label=_("How much does your knee hurt?"),
        help_text=_("0 means no pain, 10 the worst pain you can imagine."),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a number from 0 to 10."),
            "invalid_choice": _("Choose a number from 0 to 10."),
        },
    )
    recorded_at = forms.DateTimeField(
        label=_("When"),
        help_text=_("Now, or any time in the last 14 days."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
        error_messages={
            "required": _("Enter when you felt the pain."),
            "invalid": _("Enter a date and time, for example 2026-03-14 18:30."),
        },
    )
    # One token per rendered form: a double tap or a resent form finds the first entry.
    submission_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    class Meta:
        model = PainEntry
        fields = [
            "score",
            "recorded_at",
            "context",
            "location",
            "knee",
            "note",
            *WARNING_SIGN_FIELDS,
        ]
        widgets = {
            "context": forms.RadioSelect,
            "location": forms.RadioSelect,
            "knee": forms.RadioSelect,
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"note": _("Optional, at most 1,000 characters.")}
        error_messages = {
            "context": {"required": _("Choose when it hurt.")},
            "location": {"required": _("Choose where it hurts.")},
            "knee": {"required": _("Choose which knee.")},
        }

    def __init__(self, *args, patient, **kwargs):
        super().__init__(*args, **kwargs)
        # The choices without Django's "---------": each radio group starts unanswered.
        self.fields["context"].choices = PainEntry.Context.choices
        self.fields["location"].choices = PainEntry.Location.choices
        self.fields["knee"].choices = PainEntry.Knee.choices

        now = patient.clinic.now()
        self.now = now
        if not self.is_bound:
            self.initial["recorded_at"] = now.replace(second=0, microsecond=0)
            if patient.affected_side in PainEntry.Knee.values:
                self.initial["knee"] = patient.affected_side
        # The earliest and latest time the browser's picker offers.
        self.time_min = (now - dt.timedelta(days=PAIN_DAYS_BACK)).strftime(DATETIME_LOCAL)
        self.time_max = now.strftime(DATETIME_LOCAL)
        self.fields["recorded_at"].widget.attrs.update(min=self.time_min, max=self.time_max)

        self.token_was_missing = False
        if self.is_bound and not _is_uuid(self.data.get(self.add_prefix("submission_id"))):
            # Without its token a post cannot be told from a resend: ask once more, with a
            # fresh token, rather than guess.
            self.data = self.data.copy()
            self.data[self.add_prefix("submission_id")] = str(uuid.uuid4())
            self.token_was_missing = True

    # Drawn by templates/patients/includes/pain_form.html: the score as a row of tiles, when,
    # these three choice groups as tiles, the note, then the warning signs' checkboxes.
    @property
    def choice_tiles(self) -> list[FieldMarkup]:
        return [self.markup[name] for name in ("context", "location", "knee")]

    @property
    def warning_signs(self) -> list[FieldMarkup]:
        return [self.markup[name] for name in WARNING_SIGN_FIELDS]

    def clean_recorded_at(self):
        when = self.cleaned_data["recorded_at"]
        now = timezone.now()
        if when > now + CLOCK_GRACE:
            raise ValidationError(
                _("This time is in the future. Enter when you felt the pain."), code="future"
            )
        if when < now - dt.timedelta(days=PAIN_DAYS_BACK):
            raise ValidationError(
                _(
                    "You can record pain from the last 14 days only. Tell your clinician "
                    "about anything older at your next visit."
                ),
                code="too_old",
            )
        return when

    def clean(self):
        cleaned = super().clean()
        if self.token_was_missing and not self.errors:
            raise ValidationError(
                _("Please check your answers and press “Save entry” again."), code="no_token"
            )
        return cleaned


def _is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True
