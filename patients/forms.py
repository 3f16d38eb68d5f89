import datetime as dt
import uuid

from crispy_forms.bootstrap import InlineRadios
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Field, Fieldset, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
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


class SessionForm(forms.Form):
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

    def __init__(self, *args, plan, **kwargs):
        # Today shows one form per plan: ids must differ, names stay the same.
        kwargs.setdefault("auto_id", f"id_session_{plan.pk.hex}_%s")
        super().__init__(*args, **kwargs)
        # The plan's items, already loaded: an id from any other plan is not a choice.
        self.plan_items = {str(item.pk): item for item in plan.items.all()}
        self.fields["items"].choices = [
            (pk, item.exercise.name) for pk, item in self.plan_items.items()
        ]
        self.fields["items"].initial = list(self.plan_items)

        self.helper = FormHelper()
        self.helper.form_action = reverse("patients:session_done", args=[plan.pk])
        self.helper.form_class = "session-form"
        self.helper.layout = Layout(
            Submit("done", _("Mark today's session done"), css_class="btn-lg w-100"),
            HTML(
                format_html(
                    '<details class="session-details mt-2"><summary>{}</summary>',
                    _("Add details (optional)"),
                )
            ),
            "items",
            "effort",
            "note",
            Submit("done_with_details", _("Save with these details")),
            HTML("</details>"),
        )

    def clean_items(self):
        """The plan items ticked; none ticked means the whole session."""
        chosen = self.cleaned_data["items"]
        return [self.plan_items[pk] for pk in chosen] or None


class PainEntryForm(forms.ModelForm):
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
        self.fields["recorded_at"].widget.attrs.update(
            min=(now - dt.timedelta(days=PAIN_DAYS_BACK)).strftime(DATETIME_LOCAL),
            max=now.strftime(DATETIME_LOCAL),
        )

        self.token_was_missing = False
        if self.is_bound and not _is_uuid(self.data.get(self.add_prefix("submission_id"))):
            # Without its token a post cannot be told from a resend: ask once more, with a
            # fresh token, rather than guess.
            self.data = self.data.copy()
            self.data[self.add_prefix("submission_id")] = str(uuid.uuid4())
            self.token_was_missing = True

        self.helper = FormHelper()
        self.helper.form_action = reverse("patients:pain_diary")
        self.helper.form_class = "pain-form"
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            InlineRadios("score", wrapper_class="pain-scale"),
            "recorded_at",
            Field("context", wrapper_class="choice-tiles"),
            Field("location", wrapper_class="choice-tiles"),
            Field("knee", wrapper_class="choice-tiles"),
            "note",
            Fieldset(
                _("Warning signs: tick any that are true now"),
                HTML(
                    format_html(
                        '<p class="form-text">{}</p>',
                        _(
                            "If you tick any of these, we will ask you to contact the clinic "
                            "today and let your clinician know."
                        ),
                    )
                ),
                *WARNING_SIGN_FIELDS,
                css_class="warning-signs",
            ),
            "submission_id",
            Submit("save", _("Save entry"), css_class="btn-lg w-100"),
        )

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
