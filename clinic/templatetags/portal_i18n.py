"""Content in the reader's language, and the other language marked where it stands in.

Translated fields (clinic.languages) read the reader's language, or the other one where
theirs is not written yet. A screen reader must then speak that text in its own language,
and the reader be told why it is not in theirs:

- `{% translated exercise "name" %}`: short text, inline; a stand-in is wrapped in
  `<span lang="en">` and followed by "(in English)".
- `<div{% lang_attr article "body_html" %}>`: a block's `lang` attribute, where it differs
  from the page's (nothing otherwise).
- `{% fallback_note article "title" "body_html" %}`: one visible sentence above a block, if
  any of these fields stands in for the reader's language.
- `{{ sentence|full_stop }}`: a sentence that ends with a time ends with one full stop, not
  "3:08 p.m.." (English times end with their own).
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from clinic.languages import shown_language

register = template.Library()

IN_LANGUAGE = {"en": _("in English"), "fr": _("in French")}
NOT_YET_IN = {
    "en": _("This is not yet written in English: it is shown as it was written."),
    "fr": _("This is not yet written in French: it is shown as it was written."),
}


def _stand_in(obj, field) -> str | None:
    """The language `field` is shown in, if it is not the reader's; else None."""
    if obj is None:
        return None
    shown = shown_language(obj, field)
    return shown if shown not in (None, get_language()) else None


@register.simple_tag
def translated(obj, field):
    value = getattr(obj, field)
    other = _stand_in(obj, field)
    if other is None:
        return value
    return format_html(
        '<span lang="{}">{}</span> <span class="translation-note">({})</span>',
        other,
        value,
        IN_LANGUAGE[other],
    )


@register.simple_tag
def lang_attr(obj, field):
    other = _stand_in(obj, field)
    return format_html(' lang="{}"', other) if other else ""


@register.simple_tag
def fallback_note(obj, *fields):
    for field in fields:
        other = _stand_in(obj, field)
        if other is not None:
            note = NOT_YET_IN.get(get_language(), NOT_YET_IN["en"])
            return format_html('<p class="translation-note">{}</p>', note)
    return ""


@register.filter(is_safe=True)
def full_stop(sentence):
    """The sentence with the doubled full stop at its end made one ("p.m.." -> "p.m.")."""
    if not str(sentence).endswith(".."):
        return sentence
    shorter = str(sentence)[:-1]
    # Translated and escaped already (blocktranslate's output): it stays so.
    return mark_safe(shorter) if hasattr(sentence, "__html__") else shorter  # noqa: S308
