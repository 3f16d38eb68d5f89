"""Forms the clinic staff use in the admin."""

from django import forms
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from clinic.models import User, normalize_email
from education.models import DOSE_FIELDS, Article, ProgrammeTemplate
from patients.models import Alert, Patient, PlanItem


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

    email = forms.EmailField(label=_("Email address"), help_text=_("The patient signs in with it."))
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
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
        email = normalize_email(self.cleaned_data["email"])
        others = User.objects.filter(email=email)
        if not self.instance._state.adding:
            others = others.exclude(pk=self.instance.user_id)
        if others.exists():
            raise ValidationError(_("Another account already uses this email address."))
        return email

    def account_values(self):
        return {f: self.cleaned_data[f] for f in ("email", "first_name", "last_name", "language")}


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
        queryset=Article.objects.published().order_by("title"),
        widget=forms.CheckboxSelectMultiple,
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
