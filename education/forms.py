import unicodedata

from crispy_forms.bootstrap import StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row
from django import forms
from django.contrib.admin.widgets import AdminURLFieldWidget
from django.core.files.uploadedfile import UploadedFile
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from education.images import clean_uploaded_image
from education.models import Condition, Exercise, ExercisePicture


class LibrarySearchForm(forms.Form):
    """The staff library's filters. Every field is optional: an empty form lists everything."""

    q = forms.CharField(
        label=_("Name or title"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    condition = forms.ModelChoiceField(
        label=_("Condition"),
        queryset=Condition.objects.order_by("name"),
        required=False,
        empty_label=_("Any condition"),
    )
    region = forms.ChoiceField(
        label=_("Body region"),
        choices=[("", _("Any region")), *Exercise.Region.choices],
        required=False,
        help_text=_("Applies to exercises, and to templates through their exercises."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["condition"].queryset = Condition.objects.for_staff(user).order_by("name")
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_class = "library-search"
        self.helper.attrs = {"role": "search", "aria-label": _("Search the library")}
        self.helper.layout = Layout(
            Row(
                Column("q", css_class="col-md-4"),
                Column("condition", css_class="col-md-4"),
                Column("region", css_class="col-md-4"),
            ),
            # A nameless button: it adds nothing to the address of the results.
            StrictButton(_("Search"), type="submit", css_class="btn-primary"),
        )

    def filters(self) -> dict:
        """The cleaned filters, as keyword arguments for the querysets' search()."""
        data = self.cleaned_data
        return {
            # One Unicode form: "Rémy" typed with a combining accent matches as typed.
            "q": unicodedata.normalize("NFC", data["q"].strip()),
            "condition": data["condition"],
            "region": data["region"],
        }


class CheckedPictureForm(forms.ModelForm):
    """A form with a picture upload (`image`): checked by content, re-encoded without its
    metadata (education.images); any refusal in the same words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "image" in self.fields:
            self.fields["image"].widget.attrs["accept"] = "image/jpeg,image/png,image/webp"

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile):
            # The checked, re-encoded copy replaces the upload; the original is never stored.
            return clean_uploaded_image(image)
        return image


class ExerciseAdminForm(CheckedPictureForm):
    # Declared to say that an address typed without a scheme means https (the model's
    # validators still refuse anything but https).
    video_url = forms.URLField(
        label=_("Video link"),
        required=False,
        max_length=200,
        assume_scheme="https",
        widget=AdminURLFieldWidget,
        help_text=_("Optional; must start with https://."),
    )

    class Meta:
        model = Exercise
        # Which fields, and where: the admin's fieldsets (education.admin.ExerciseAdmin). A
        # list here would also become the admin's `fields` (modeltranslation reads it), which
        # Django refuses beside fieldsets.
        exclude = ()  # noqa: DJ006 - the admin always names the fields (its fieldsets)
        # A plain file field: the picture is checked by `clean_image` alone, so every
        # refusal (not a picture, too large, too many pixels) speaks with one voice.
        field_classes = {"image": forms.FileField}


class ExercisePictureForm(CheckedPictureForm):
    class Meta:
        model = ExercisePicture
        exclude = ()  # noqa: DJ006 - the inline names the fields, each language's column
        field_classes = {"image": forms.FileField}


class ProgrammeTemplateItemFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or not form.cleaned_data:
                continue
            if form.cleaned_data.get("DELETE"):
                continue
            position = form.cleaned_data.get("position")
            if position in seen:
                raise forms.ValidationError(
                    _("Two exercises have the order number %(position)s. Give each its own."),
                    params={"position": position},
                )
            seen.add(position)
