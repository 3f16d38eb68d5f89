"""The form of a questionnaire, built from its items in the reader's language."""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.html import conditional_escape, format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from outcomes import definition

MAX_TEXT = 200


def text_of(texts: dict, language: str) -> str:
    """An item's text in `language`, or, marked with its own `lang`, in the other one where
    it is not written (a clinic's questionnaire may be in one language only)."""
    # Escaped here: crispy prints a label as it is given (a clinic's file may hold markup).
    if texts.get(language):
        return conditional_escape(texts[language])
    for code in definition.LANGUAGES:
        if texts.get(code):
            return format_html('<span lang="{}">{}</span>', code, texts[code])
    return ""


class ResponseForm(forms.Form):
    """One field per item. An activity already named (carried forward from the first
    response) is shown, not asked again: the patient re-rates the same activities."""

    def __init__(self, *args, questionnaire, language, carried=None, **kwargs):
        """`carried`: the first response's answers to the carried-forward items, or None
        when this is the first response."""
        super().__init__(*args, **kwargs)
        self.questionnaire = questionnaire
        self.language = language
        self.items = [item for item in questionnaire.items if _asked(item, questionnaire, carried)]
        for item in self.items:
            self.fields[item["link_id"]] = self._field(item, carried)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def _field(self, item, carried):
        label = text_of(item["text"], self.language)
        required = bool(item.get("required"))
        kind = item["type"]
        if kind == "text":
            field = forms.CharField(label=label, required=required, max_length=MAX_TEXT)
            if item.get("carry_forward") and carried is not None:
                # Shown as first answered, never retyped (a forged value is ignored).
                field.disabled, field.required = True, False
                field.initial = carried.get(item["link_id"], "")
            return field
        if kind == "scale":
            low, high = int(item["min"]), int(item["max"])
            return forms.TypedChoiceField(
                label=label,
                required=required,
                coerce=int,
                empty_value=None,
                choices=[(n, str(n)) for n in range(low, high + 1)],
                widget=forms.RadioSelect(attrs={"class": "scale-choice"}),
            )
        if kind == "choice":
            return forms.ChoiceField(
                label=label,
                required=required,
                choices=[(o["code"], text_of(o["text"], self.language)) for o in item["options"]],
                widget=forms.RadioSelect,
            )
        return forms.DecimalField(
            label=label,
            required=required,
            min_value=item["min"],
            max_value=item["max"],
            max_digits=9,
            decimal_places=2,
        )

    def clean(self):
        cleaned = super().clean()
        for item in self.items:
            other = item.get("required_with")
            if other and _given(cleaned.get(other)) and not _given(cleaned.get(item["link_id"])):
                self.add_error(item["link_id"], _("Answer this for the activity you named."))
            if other and _given(cleaned.get(item["link_id"])) and not _given(cleaned.get(other)):
                self.add_error(other, _("Name the activity you rated."))
        return cleaned

    def answers(self) -> dict:
        """{link_id: answer} of what was answered: a choice's code, a number, a text."""
        found = {}
        for link_id, value in self.cleaned_data.items():
            if not _given(value):
                continue
            found[link_id] = str(value) if not isinstance(value, int | str) else value
        return found


def _asked(item, questionnaire, carried) -> bool:
    """Whether the form asks this item: once the activities are named, a rating of an
    activity not named then is not asked (the same activities are re-rated)."""
    other = questionnaire.item(item.get("required_with") or "")
    if carried is None or other is None or not other.get("carry_forward"):
        return True
    return _given(carried.get(other["link_id"]))


def _given(value) -> bool:
    return value not in (None, "")


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("FHIR Questionnaire (JSON)"),
        help_text=gettext_lazy(
            "A FHIR R4 Questionnaire resource, with the portal's scoring extension."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
