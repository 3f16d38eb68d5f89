"""Long tables of the patient pages, built as one string of rows each.

A Django template loop costs tens of microseconds a row (every cell a variable lookup, every
label a translation, every date a filter): with four weeks of pain entries, or thirty staff
viewings, that was most of a page's time. Here each label is translated once a request, the
date format is looked up once, and every value is escaped by `format_html`. The tables'
captions and headers stay in the templates.
"""

from django.utils import dateformat, formats, timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from patients.models import WARNING_SIGN_FIELDS, PainEntry

# Format characters (django.utils.dateformat) that depend on the calendar date only, and
# on the time of day only. Any other (time zone, ISO or epoch forms) is formatted in full.
DATE_CHARACTERS = frozenset("bdDEFjlLmMnNoStwWyYz")
TIME_CHARACTERS = frozenset("aAfgGhHiPsu")


def short_datetime(zone):
    """`value|date:"SHORT_DATETIME_FORMAT"` on the clock of `zone`, as a function.

    The same text as the filter, several times faster over a table: each date's and each
    time's pieces are formatted once (a diary has two or three entries a day, often at the
    same times), not the whole format for every row.
    """
    short = formats.get_format("SHORT_DATETIME_FORMAT")
    pieces = dateformat.re_formatchars.split(str(short))
    characters = set(pieces[1::2])
    if not characters <= DATE_CHARACTERS | TIME_CHARACTERS:
        return lambda value: dateformat.format(timezone.localtime(value, zone), short)
    parts = [  # (is a format character, the character or the literal text)
        (True, piece) if index % 2 else (False, dateformat.re_escaped.sub(r"\1", piece))
        for index, piece in enumerate(pieces)
        if piece
    ]
    dates, times = {}, {}

    def piece(character, local):
        if character in DATE_CHARACTERS:
            key, memo, formatter = local.date(), dates, dateformat.format
        else:
            key, memo, formatter = local.time(), times, dateformat.time_format
        if (character, key) not in memo:
            memo[character, key] = formatter(key, character)
        return memo[character, key]

    def format_value(value):
        local = timezone.localtime(value, zone)
        return "".join(piece(text, local) if is_format else text for is_format, text in parts)

    return format_value


PAIN_ROW = "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"


def pain_history_rows(entries) -> SafeString:
    """The pain diary's rows: when, score, when it hurt, where, knee, warning signs, note."""
    contexts, locations, knees = (
        {value: str(label) for value, label in choices.choices}
        for choices in (PainEntry.Context, PainEntry.Location, PainEntry.Knee)
    )
    signs = [
        (name, str(PainEntry._meta.get_field(name).verbose_name)) for name in WARNING_SIGN_FIELDS
    ]
    none = _("None")
    not_said = _("Not said")
    when = short_datetime(timezone.get_current_timezone())
    return mark_safe(  # noqa: S308 - rows from format_html
        "\n".join(
            format_html(
                PAIN_ROW,
                when(entry.recorded_at),
                "–" if entry.score is None else entry.score,
                contexts.get(entry.context, not_said),
                locations.get(entry.location, not_said),
                knees.get(entry.knee, not_said),
                "; ".join(label for name, label in signs if getattr(entry, name)) or none,
                entry.note,
            )
            for entry in entries
        )
    )


VIEWING_ROW = "<tr><td>{}</td><td>{}</td><td>{} – {}</td></tr>"


def viewing_rows(entries) -> SafeString:
    """My data's "who has looked at your record": when, who, what they did to what."""
    acts = {"view": _("Opened"), "export": _("Exported"), "print": _("Printed")}
    names = {}  # content type id -> its name, once a request
    when = short_datetime(timezone.get_current_timezone())
    rows = []
    for entry in entries:
        what = (entry.additional_data or {}).get("what") or ""
        if what == "view":
            act = acts["view"]
        elif isinstance(what, str) and "export" in what:
            act = acts["export"]
        else:
            act = acts["print"]
        if entry.content_type_id not in names:
            names[entry.content_type_id] = entry.content_type.name
        rows.append(
            format_html(
                VIEWING_ROW,
                when(entry.timestamp),
                entry.actor or entry.actor_email,
                act,
                names[entry.content_type_id],
            )
        )
    return mark_safe("\n".join(rows))  # noqa: S308 - rows from format_html
