"""Content in both languages: what every translated model, admin, loader and template shares.

A translated field (registered in an app's `translation.py`, django-modeltranslation) has
one column per language, `name_en` and `name_fr`, and `exercise.name` reads the reader's
(the active language), or the other one where the reader's is still empty. Whatever shows
such a fallback marks it with its language (`shown_language`, and the `{% translated %}`
tag of clinic.templatetags.portal_i18n), so a screen reader speaks it right and the reader
is told.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Case, F, Q, TextField, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

CODES = tuple(code for code, _name in settings.LANGUAGES)

# What an editor is told where a published item lacks a language (one sentence per language:
# a language's name does not sit the same way in every sentence of every language).
WRITE_IT_IN = {
    "en": _("Write this in English too: what patients read is published in both languages."),
    "fr": _("Write this in French too: what patients read is published in both languages."),
}
WRITE_IT_ONCE = _("Write this in at least one language.")


def column(field: str, language: str) -> str:
    """The column of `field` in `language`: "name", "fr" -> "name_fr"."""
    return build_localized_fieldname(field, language)


def columns(*fields: str) -> list[str]:
    """Every language's column of each field: "name" -> ["name_en", "name_fr"]. A lookup
    through a relation works too ("exercise__name" -> "exercise__name_en", ...)."""
    return [column(field, code) for field in fields for code in CODES]


def each_language(data: dict, *, joined: tuple[str, ...] = ()) -> dict:
    """Shipped content ({"name": {"en": ..., "fr": ...}}) as column values ({"name_en": ...}).

    A field named in `joined` holds lists of lines, stored one per line.
    """
    values = {}
    for field, texts in data.items():
        for code in CODES:
            text = texts[code]
            values[column(field, code)] = "\n".join(text) if field in joined else text
    return values


def is_filled(value) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None


def reading_order(language: str) -> list[str]:
    """The languages a reader of `language` is shown, in order: theirs, then the others (as
    MODELTRANSLATION_FALLBACK_LANGUAGES says)."""
    return [language, *(code for code in CODES if code != language)]


def shown_language(obj, field: str, language: str | None = None) -> str | None:
    """The language in which `obj.<field>` reads for a reader of `language` (the active one):
    theirs if it is written, else the first other that is; None if none is."""
    for code in reading_order(language or get_language()):
        if is_filled(getattr(obj, column(field, code), None)):
            return code
    return None


def _required(obj, field: str, required=()) -> bool:
    return field in required or not obj._meta.get_field(field).blank


def _expected_in_every_language(obj, field: str, values, required=()) -> bool:
    """Whether a reader of any language is to read this field: it is required, or written
    in some language already."""
    return _required(obj, field, required) or any(map(is_filled, values))


def missing_languages(obj, fields) -> list[str]:
    """The languages in which some of `fields` is empty while it is expected in every
    language (required, or written in another)."""
    missing = []
    for code in CODES:
        for field in fields:
            values = [getattr(obj, column(field, other), None) for other in CODES]
            if _expected_in_every_language(obj, field, values) and not is_filled(
                getattr(obj, column(field, code), None)
            ):
                missing.append(code)
                break
    return missing


def missing_q(model, fields, language: str) -> Q:
    """The rows of `model` that `missing_languages` finds short of `language`, as a filter."""
    condition = Q(pk__in=[])
    for field in fields:
        empty = Q(**{f"{column(field, language)}__isnull": True}) | Q(
            **{column(field, language): ""}
        )
        others = [code for code in CODES if code != language]
        if model._meta.get_field(field).blank:
            written = Q(pk__in=[])
            for code in others:
                written |= ~Q(**{f"{column(field, code)}__isnull": True}) & ~Q(
                    **{column(field, code): ""}
                )
            empty &= written
        condition |= empty
    return condition


def check_translations(obj, fields, *, published: bool, required=()) -> None:
    """Raise a ValidationError, field by field, for text missing from `obj`:

    - a required field (`blank=False`, or named in `required`) written in no language;
    - once `published`, any of `fields` written in one language and not in another (a
      required one: in every language), so that a reader of either never meets the other.

    Models call it from `clean()`, so every form (the admin's first) says so by the field.
    """
    errors = {}
    for field in fields:
        values = {code: getattr(obj, column(field, code), None) for code in CODES}
        if _required(obj, field, required) and not any(map(is_filled, values.values())):
            errors[column(field, get_language() or CODES[0])] = WRITE_IT_ONCE
        elif published and _expected_in_every_language(obj, field, values.values(), required):
            for code, value in values.items():
                if not is_filled(value):
                    errors[column(field, code)] = WRITE_IT_IN[code]
    if errors:
        raise ValidationError(errors)


def in_reader_language(field: str, reader_language: str):
    """A query expression: `field` in the language found at the lookup `reader_language`
    (e.g. "patient__user__language"), or the first other language it is written in."""

    # Each language's column is a field class of its own: the type is said once here.
    text = TextField()

    def first_written(order):
        written = (NullIf(F(column(field, code)), Value(""), output_field=text) for code in order)
        return Coalesce(*written, Value(""), output_field=text)

    return Case(
        *(
            When(**{reader_language: code}, then=first_written(reading_order(code)))
            for code in CODES
        ),
        default=first_written(CODES),
        output_field=text,
    )
