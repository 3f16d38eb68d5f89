import datetime as dt
import uuid

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Fieldset, Layout, Submit
from crispy_forms.utils import render_crispy_form
from django import forms
from django.conf import settings
from django.contrib.auth.forms import SetPasswordForm
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import format_lazy
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from clinic.resume import OWNER_FIELD, ResumableFormMixin
from patients.models import WARNING_SIGN_FIELDS, WEEKDAYS, PainEntry, SessionLog

PAIN_DAYS_BACK = 14
# A phone's clock may run a little ahead of the server's: that is not "the future".
CLOCK_GRACE = dt.timedelta(minutes=2)
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"

SCORE_CHOICES = [
    (0, _("0 – no pain")),
    *((n, str(n)) for n in range(1, 10)),
    (10, _("10 – worst pain imaginable")),
]


class Details(Div):
    """A `<details>` disclosure in a crispy layout: optional fields, folded away."""

    template = "includes/crispy_details.html"

    def __init__(self, summary, *fields, **kwargs):
        self.summary = summary
        super().__init__(*fields, **kwargs)


# How long an unbound pain form's markup is kept: its time field changes every minute.
MARKUP_TIMEOUT = 120


class SessionForm(ResumableFormMixin, forms.Form):
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
        self.add_owner_field(plan.patient.user)
        self.plan = plan

        self.helper = FormHelper()
        self.helper.form_action = reverse("patients:session_done", args=[plan.pk])
        self.helper.form_class = "session-form"
        self.helper.layout = Layout(
            Submit(
                "done",
                _("Mark today's session done"),
                css_class="btn-lg w-100",
                css_id=f"submit-id-done-{plan.pk.hex}",
            ),
            Details(
                _("Add details (optional)"),
                "items",
                "effort",
                "note",
                Submit(
                    "done_with_details",
                    _("Save with these details"),
                    css_id=f"submit-id-done_with_details-{plan.pk.hex}",
                ),
                css_class="session-details mt-2",
            ),
            OWNER_FIELD,
        )

    def clean_items(self):
        """The plan items ticked; none ticked means the whole session."""
        chosen = self.cleaned_data["items"]
        return [self.plan_items[pk] for pk in chosen] or None


def _pain_form_helper() -> FormHelper:
    helper = FormHelper()
    # The form element, its CSRF token, one-time token and owner are the page's
    # (templates/patients/pain_diary.html): the rest is the same for every patient of a
    # language, affected side, time zone and minute, and is cached (PainEntryForm.markup).
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(
        Field("score", wrapper_class="pain-scale"),
        "recorded_at",
        *(Field(name, wrapper_class="choice-tiles") for name in ("context", "location", "knee")),
        "note",
        Fieldset(
            _("Warning signs: tick any that are true now"),
            # Lazy, and outside the template's text: makemessages finds it here.
            HTML(
                format_lazy(
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
        Submit("save", _("Save entry"), css_class="btn-lg w-100"),
    )
    return helper


class PainEntryForm(ResumableFormMixin, forms.ModelForm):
    """A pain entry: a score or a warning sign, and nothing else, is required."""

    # One layout for every instance: it holds nothing of a patient's (the cached parts read
    # their variant from the form being rendered).
    helper = _pain_form_helper()

    score = forms.TypedChoiceField(
        label=_("How much does your knee hurt?"),
        help_text=_("0 means no pain, 10 the worst pain you can imagine."),
        choices=SCORE_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose a number from 0 to 10.")},
    )
    recorded_at = forms.DateTimeField(
        label=_("When"),
        help_text=_("Now, or any time in the last 14 days. Leave it as it is for now."),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
        error_messages={"invalid": _("Enter a date and time, for example 2026-03-14 18:30.")},
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

    def __init__(self, *args, patient, **kwargs):
        super().__init__(*args, **kwargs)
        # The choices without Django's "---------": an unanswered group is simply not said.
        self.fields["context"].choices = PainEntry.Context.choices
        self.fields["location"].choices = PainEntry.Location.choices
        self.fields["knee"].choices = PainEntry.Knee.choices

        self.threshold = patient.clinic.alert_threshold
        now = patient.clinic.now()
        self.now = now
        if not self.is_bound:
            self.initial["recorded_at"] = now.replace(second=0, microsecond=0)
            if patient.affected_side in PainEntry.Knee.values:
                self.initial["knee"] = patient.affected_side
        # The earliest and latest time the browser's picker offers.
        self.time_max = now.strftime(DATETIME_LOCAL)
        self.fields["recorded_at"].widget.attrs.update(
            min=(now - dt.timedelta(days=PAIN_DAYS_BACK)).strftime(DATETIME_LOCAL),
            max=self.time_max,
        )
        self.add_owner_field(patient.user)

        self.token_was_missing = False
        if self.is_bound and not _is_uuid(self.data.get(self.add_prefix("submission_id"))):
            # Without its token a post cannot be told from a resend: ask once more, with a
            # fresh token, rather than guess.
            self.data = self.data.copy()
            self.data[self.add_prefix("submission_id")] = str(uuid.uuid4())
            self.token_was_missing = True

        # What the unbound form's markup depends on (`markup`), the language aside.
        self.markup_variant = ":".join(
            (self.initial.get("knee", ""), patient.clinic.time_zone, self.time_max)
        )

    @property
    def markup(self) -> SafeString:
        """The form's fields, rendered by crispy: from Django's cache while unbound (the
        same for every patient of a language and variant), never for a bound form, whose
        errors and typed values are its own. The cache's key prefix is the release
        (DJANGO_RELEASE): a new release never serves an old release's markup."""
        if self.is_bound:
            return render_crispy_form(self)
        key = f"pain-form:{get_language()}:{self.markup_variant}"
        html = cache.get(key)
        if html is None:
            html = render_crispy_form(self)
            cache.set(key, html, MARKUP_TIMEOUT)
        return mark_safe(html)  # noqa: S308 - crispy's rendering of this form, escaped there

    def clean_recorded_at(self):
        when = self.cleaned_data["recorded_at"]
        now = timezone.now()
        if when is None:
            return now  # left empty: now
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
        if (
            "score" not in self.errors
            and cleaned.get("score") is None
            and not self.has_warning_sign()
        ):
            self.add_error(
                "score",
                ValidationError(
                    _("Choose a number from 0 to 10, or tick a warning sign below."),
                    code="required",
                ),
            )
        if self.token_was_missing and not self.errors:
            raise ValidationError(
                _("Please check your answers and press “Save entry” again."), code="no_token"
            )
        return cleaned

    def has_warning_sign(self) -> bool:
        return any(self.cleaned_data.get(name) for name in WARNING_SIGN_FIELDS)

    def entry_values(self) -> dict | None:
        """What to save: all of a valid form, or, of an invalid one, what is valid in an
        entry that must not wait (a warning sign, or a score at the clinic's threshold).

        None: nothing may be saved; the form goes back to the patient with its errors.
        """
        valid = self.is_valid()
        data = self.cleaned_data
        score = data.get("score")
        if not valid and not (
            self.has_warning_sign() or (score is not None and score >= self.threshold)
        ):
            return None
        values = {name: data[name] for name in self._meta.fields if name in data}
        values.setdefault("recorded_at", timezone.now())
        values["submission_id"] = data.get("submission_id") or uuid.uuid4()
        return values

    def unsaved_errors(self) -> list[str]:
        """The errors of the parts left out by `entry_values`, as sentences."""
        return [
            f"{self.fields[name].label}: {error}" if name in self.fields else str(error)
            for name, errors in self.errors.items()
            for error in errors
            if name != "__all__"
        ]


def _is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def language_choices():
    """Each language by its own name, marked with it ("Français" read as French)."""
    return [
        (
            code,
            format_html(
                '<span lang="{}">{}</span>',
                code,
                get_language_info(code)["name_local"].capitalize(),
            ),
        )
        for code, _name in settings.LANGUAGES
    ]


class AcceptInvitationForm(SetPasswordForm):
    """Choose a first password and the portal's language; the date of birth is asked when
    the clinic has it on file."""

    language = forms.ChoiceField(
        label=_("Your language"),
        help_text=_("Your pages, handouts and emails will be in this language."),
        widget=forms.RadioSelect,
        required=False,  # one is always ticked; none sent keeps the account's
    )
    date_of_birth = forms.DateField(
        label=_("Your date of birth"),
        help_text=_("So we know this link reached the right person."),
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}),
    )

    field_order = ["language", "date_of_birth", "new_password1", "new_password2"]

    def __init__(self, user, *args, expected_birth_date=None, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.fields["language"].choices = language_choices()
        # The page's language: the account's, or the one the person just switched to.
        self.fields["language"].initial = get_language()
        self.expected_birth_date = expected_birth_date
        if expected_birth_date is None:
            del self.fields["date_of_birth"]
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_language(self):
        return self.cleaned_data["language"] or self.user.language

    def clean_date_of_birth(self):
        value = self.cleaned_data["date_of_birth"]
        if value != self.expected_birth_date:
            raise forms.ValidationError(
                _("This date of birth does not match the clinic's records."),
                code="birth_date_mismatch",
            )
        return value

    @property
    def birth_date_mismatch(self):
        return self.has_error("date_of_birth", code="birth_date_mismatch")


class ReminderForm(forms.Form):
    """A patient's exercise reminders (days and time on the clinic's clock) and nudges."""

    enabled = forms.BooleanField(label=_("Email me a reminder to do my exercises"), required=False)
    days = forms.MultipleChoiceField(
        label=_("On these days"),
        choices=WEEKDAYS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    time = forms.TimeField(
        label=_("At this time"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": _("Enter a time such as 18:00.")},
    )
    nudges = forms.BooleanField(
        label=_("Email me if I have not logged a session for a while (one email, not one a day)"),
        required=False,
    )

    def __init__(self, *args, zone_name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if zone_name:
            self.fields["time"].help_text = _("On the clinic's clock (%(zone)s).") % {
                "zone": zone_name
            }
        self.helper = FormHelper()
        self.helper.form_tag = False

    @classmethod
    def initial_for(cls, preference) -> dict:
        return {
            "enabled": preference.enabled,
            "days": preference.days,
            "time": preference.time,
            "nudges": preference.nudges,
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("enabled") and not cleaned.get("days"):
            self.add_error("days", _("Choose at least one day, or turn reminders off."))
        return cleaned
