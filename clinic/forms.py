from crispy_forms.helper import FormHelper
from django import forms
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from clinic.models import normalize_email


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    def clean_username(self):
        return normalize_email(self.cleaned_data["username"])


class AcceptInvitationForm(SetPasswordForm):
    """Choose a first password; the date of birth is asked when the clinic has it on file."""

    date_of_birth = forms.DateField(
        label=_("Your date of birth"),
        help_text=_("So we know this link reached the right person."),
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}),
    )

    field_order = ["date_of_birth", "new_password1", "new_password2"]

    def __init__(self, user, *args, expected_birth_date=None, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.expected_birth_date = expected_birth_date
        if expected_birth_date is None:
            del self.fields["date_of_birth"]
        self.helper = FormHelper()
        self.helper.form_tag = False

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
