"""Text that identifies someone: names on one line, addresses that cannot pass for another.

A name or a clinic's name is shown to staff, printed on handouts and put in email subjects:
a line break makes the mail library refuse every email, and a direction control (U+202E,
the "right-to-left override") reorders what staff read. An email address is how someone
signs in: an invisible character or a letter of another alphabet (a Cyrillic "а") makes
an address that looks like another person's.
"""

import unicodedata

from confusable_homoglyphs import confusables
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Characters that change how text around them is ordered or shown, without being seen.
DIRECTION_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
INVISIBLE = {"\u00ad", "\u180e", "\u200b", "\u2060", "\ufeff"} | DIRECTION_CONTROLS


def validate_single_line(value: str) -> None:
    """One line of visible text: no line break, tab, control or direction character.

    The joiners some scripts need inside words (U+200C, U+200D) are allowed.
    """
    for char in value:
        if (
            char in INVISIBLE
            or unicodedata.category(char) in {"Cc", "Zl", "Zp"}
            or (char.isspace() and char != " ")
        ):
            raise ValidationError(
                _(
                    "Type this on one line of plain text: no line breaks, tabs or invisible "
                    "characters (such as direction marks)."
                ),
                code="not_single_line",
            )


def validate_account_email(value: str) -> None:
    """An address that cannot pass for another: no invisible character, one alphabet per part."""
    if any(unicodedata.category(char) in {"Cc", "Cf"} or char in INVISIBLE for char in value):
        raise ValidationError(
            _(
                "This address contains an invisible character (such as a zero-width space), "
                "so it could pass for another address. Type it again by hand."
            ),
            code="invisible_character",
        )
    local, _at, domain = value.rpartition("@")
    if any(confusables.is_dangerous(part) for part in (local, *domain.split("."))):
        raise ValidationError(
            _(
                "This address mixes alphabets (for example a Cyrillic “а” among Latin "
                "letters), so it could pass for another address. Type it again by hand."
            ),
            code="mixed_script",
        )


def ascii_twin(value: str) -> str | None:
    """The plain-ASCII address `value` looks like, if it is not ASCII itself.

    "аlex@patients.example" in Cyrillic looks like "alex@patients.example"; an address
    with a letter that looks like no ASCII letter ("é") has no twin.
    """
    if value.isascii():
        return None
    twin = []
    for char in value:
        if char.isascii():
            twin.append(char)
            continue
        found = confusables.is_confusable(char, greedy=True, preferred_aliases=["latin"]) or []
        glyphs = [glyph["c"] for entry in found for glyph in entry["homoglyphs"]]
        ascii_glyphs = [glyph for glyph in glyphs if glyph.isascii() and len(glyph) == 1]
        if not ascii_glyphs:
            return None
        twin.append(ascii_glyphs[0].lower())
    return "".join(twin)
