"""Forms the clinic staff use in the admin."""

from django import forms
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from clinic.forms import clean_account_email
from clinic.languages import columns
from clinic.models import User
from clinic.validators import validate_account_email, validate_single_line
from education.models import DOSE_FIELDS, Article, ProgrammeTemplate
from patients.models import Alert, Patient, Plan, PlanItem


class PatientAdminForm(forms.ModelForm):
    """The patient's record and the name and address on their account, in one form."""

    # What a new patient's record is opened with (patients.services.create_patient).
    RECORD_FIELDS = (
        "clinician",
        "date_of_birth",
        "phone",
        "phone_other",
        "contact_time",
        "affected_side",
        "staff_notes",
        "is_active",
    )

    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("The patient signs in with it."),
        validators=[validate_account_email],
    )
    first_name = forms.CharField(
        label=_("First name"), max_length=150, validators=[validate_single_line]
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=150, validators=[validate_single_line]
    )
    language = forms.ChoiceField(label=_("Preferred language"), choices=User.Language.choices)

    class Meta:
        model = Patient
        fields = [
            "clinician",
            "date_of_birth",
            "phone",
            "phone_other",
            "contact_time",
            "conditions",
            "affected_side",
            "staff_notes",
            "is_active",
        ]
        widgets = {"date_of_birth": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance._state.adding:
            user = self.instance.user
            self.initial.update(
                email=user.email,
                first_name=user.first_name,
                last_name=user.last_name,
                language=user.language,
            )

    def clean_email(self):
        user = None if self.instance._state.adding else self.instance.user
        return clean_account_email(self.cleaned_data["email"], user=user)

    def account_values(self):
        return {f: self.cleaned_data[f] for f in ("email", "first_name", "last_name", "language")}


class PlanAdminForm(forms.ModelForm):
    """A plan and its exercises, saved only over the version the editor opened.

    Two clinicians who open the same plan and save one after the other would otherwise
    overwrite each other without a word. The version opened travels in a hidden field; if
    the plan has changed since (a save, a pause, a new version of an exercise), the second
    save is refused with what happened, and everything the second person typed is kept in
    the form. The hidden field then holds the plan's current version: saving again, after
    checking, keeps their changes.
    """

    # Text, not a number: a forged value is a conflict like any other, shown at the top.
    opened_version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Plan
        fields = [
            "patient",
            *columns("title"),
            "status",
            "start_date",
            "review_date",
            *columns("message"),
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance._state.adding:
            self.fields["opened_version"].initial = self.instance.version

    def clean(self):
        data = super().clean()
        if self.instance._state.adding or "opened_version" not in self.fields:
            return data
        # Locked until this save ends: a save that passed this check cannot be overtaken.
        current = Plan.objects.select_for_update().filter(pk=self.instance.pk).first()
        opened = self.data.get(self.add_prefix("opened_version"), "")
        if current is not None and opened != str(current.version):
            self.data = self.data.copy()
            self.data[self.add_prefix("opened_version")] = str(current.version)
            raise ValidationError(conflict_message(current), code="conflict")
        return data


def conflict_message(plan: Plan) -> str:
    revision = plan.revisions.select_related("created_by").order_by("-number").first()
    who = revision.created_by if revision is not None and revision.created_by else None
    when = timezone.localtime(plan.updated_at)
    values = {
        "who": who or _("someone"),
        "when": formats.date_format(when, "SHORT_DATETIME_FORMAT"),
        "version": plan.version,
    }
    return (
        _(
            "This plan changed since you opened it: %(who)s saved it on %(when)s (it is now "
            "version %(version)s). Nothing you typed was saved, and it is all still below. "
            "Open the plan in another tab to see it as it is now, then save again to keep "
            "your changes."
        )
        % values
    )


class AssignProgrammeForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Programme template"), queryset=ProgrammeTemplate.objects.order_by("name")
    )
    start_date = forms.DateField(
        label=_("Start date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    review_date = forms.DateField(
        label=_("Review date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    message = forms.CharField(
        label=_("Message to the patient"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    assign_articles = forms.BooleanField(
        label=_("Also assign the template's articles"), required=False, initial=True
    )

    # The message is kept in the patient's language (patients.services.create_plan).
    WRITE_IN = {
        "en": _("The patient reads the portal in English: write your message in English."),
        "fr": _("The patient reads the portal in French: write your message in French."),
    }

    def __init__(self, *args, clinic, reader_language, **kwargs):
        super().__init__(*args, **kwargs)
        # The patient's clinic's templates: the shipped ones and its own.
        self.fields["template"].queryset = ProgrammeTemplate.objects.for_clinic(clinic).order_by(
            "name"
        )
        self.fields["message"].help_text = self.WRITE_IN[reader_language]

    def clean(self):
        data = super().clean()
        start, review = data.get("start_date"), data.get("review_date")
        if start and review and review < start:
            self.add_error("review_date", _("The review date cannot be before the start date."))
        return data


class ItemDoseForm(forms.ModelForm):
    """One exercise of the template, with the dose tailored for this patient: the plan
    item's own dose columns, with their rules (education.models.DoseColumns)."""

    position = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = PlanItem
        fields = ["position", *DOSE_FIELDS]
        # Short headings: the table's columns are narrow.
        labels = {
            "sets": _("Sets"),
            "reps": _("Reps"),
            "hold_seconds": _("Hold (s)"),
            "rest_seconds": _("Rest (s)"),
            "times_per_day": _("Times a day"),
            "days_per_week": _("Days a week"),
            "side": _("Side"),
        }

    def dose_values(self):
        return {name: self.cleaned_data[name] for name in DOSE_FIELDS}


ItemDoseFormSet = formset_factory(ItemDoseForm, extra=0)


class AssignArticlesForm(forms.Form):
    articles = forms.ModelMultipleChoiceField(
        label=_("Articles"),
        queryset=Article.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, clinic, **kwargs):
        super().__init__(*args, **kwargs)
        # What the patient may read: published, shipped or their own clinic's.
        self.fields["articles"].queryset = (
            Article.objects.for_clinic(clinic).published().order_by("title")
        )


class AcknowledgeAlertForm(forms.Form):
    """What the clinician did about an alert: one of the outcomes, and a note."""

    outcome = forms.ChoiceField(
        label=_("What did you do?"),
        choices=Alert.Outcome.choices,
        widget=forms.RadioSelect(attrs={"form": "acknowledge-alert"}),
        error_messages={"required": _("Choose what you did (the outcome).")},
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        # The note sits inside the admin's page but belongs to the acknowledge form.
        widget=forms.Textarea(attrs={"rows": 3, "form": "acknowledge-alert"}),
        help_text=_("For example: 'Booked for tomorrow at 9, told to rest the knee'."),
        error_messages={"max_length": _("The note is too long (at most 2,000 characters).")},
    )


class AcknowledgeActionForm(ActionForm):
    """The alert list's action bar: acknowledge the ticked alerts with one outcome."""

    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[("", "---------"), *Alert.Outcome.choices], required=False
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)


class DismissProposalForm(forms.Form):
    """Why not now: a proposal is dismissed with a reason."""

    reason = forms.CharField(
        label=_("Why not now?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "form": "dismiss-proposal"}),
        help_text=_("For example: 'Wait for the review next week'."),
        error_messages={
            "required": _("Say why you dismiss the proposal."),
            "max_length": _("The reason is too long (at most 2,000 characters)."),
        },
    )
