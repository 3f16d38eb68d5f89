"""Everything the portal holds about a patient, for their right of access (PHIPA, Law 25).

Nothing about the patient is left out, the staff's notes included; nothing about anyone
else is put in (staff appear by name only, as the patient sees them in the portal).
The same sections feed the JSON and the CSV download, both in the patient's language: the
CSV (for a spreadsheet) names sections, fields and choices in words; the JSON (for another
app) keeps its keys and codes, and starts with their names in words ("labels").
"""

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator

from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from clinic.languages import column, reading_order
from clinic.models import User
from education.models import DOSE_FIELDS, Dose, Side
from patients import rules
from patients.models import (
    WARNING_SIGN_FIELDS,
    WEEKDAYS,
    Alert,
    ArticleAssignment,
    OutgoingMessage,
    PainEntry,
    Patient,
    PhaseProposal,
    Plan,
    PlanItem,
    ReminderPreference,
    SessionLog,
    TeachBackAnswer,
)

SECTION_LABELS = {
    "profile": _("Profile"),
    "plans": _("Plans"),
    "plan_exercises": _("Plan exercises"),
    "plan_versions": _("Plan versions"),
    "articles": _("Articles"),
    "sessions": _("Sessions"),
    "pain_entries": _("Pain entries"),
    "alerts": _("Alerts"),
    "reminders": _("Reminders"),
    "emails": _("Emails the portal sent"),
    "teach_back": _("Article questions"),
    "proposals": _("Proposals to your clinician"),
}
# One name per key, whatever the section: a key means the same thing everywhere.
FIELD_LABELS = {
    "id": _("Identifier"),
    "email": _("Email address"),
    "first_name": _("First name"),
    "last_name": _("Last name"),
    "language": _("Language"),
    "date_joined": _("Account opened"),
    "last_login": _("Last sign-in"),
    "clinic": _("Clinic"),
    "clinic_phone": _("Clinic phone"),
    "clinic_email": _("Clinic email"),
    "clinic_address": _("Clinic address"),
    "primary_clinician": _("Primary clinician"),
    "date_of_birth": _("Date of birth"),
    "conditions": _("Conditions"),
    "affected_side": _("Affected side"),
    "notes_for_staff": _("Notes for staff"),
    "active": _("Active"),
    "created_at": _("Created"),
    "title": _("Title"),
    "status": _("Status"),
    "start_date": _("Start date"),
    "review_date": _("Review date"),
    "message": _("Message to you"),
    "version": _("Version"),
    "version_last_viewed": _("Version you last viewed"),
    "updated_at": _("Updated"),
    "plan_id": _("Plan"),
    "position": _("Order"),
    "exercise": _("Exercise"),
    "sets": _("Sets"),
    "reps": _("Repetitions"),
    "hold_seconds": _("Hold (seconds)"),
    "rest_seconds": _("Rest between sets (seconds)"),
    "times_per_day": _("Times per day"),
    "days_per_week": _("Days per week"),
    "side": _("Side"),
    "note": _("Note"),
    "show_variants": _("Easier and harder versions offered"),
    "saved_at": _("Saved"),
    "plan": _("Plan as it stood"),
    "article": _("Article"),
    "assigned_by": _("Assigned by"),
    "assigned_at": _("Assigned"),
    "first_read_at": _("First read"),
    "date": _("Date"),
    "exercises": _("Exercises done"),
    "effort": _("How hard it felt"),
    "recorded_at": _("Recorded"),
    "score": _("Pain score (0-10)"),
    "context": _("When it hurt"),
    "location": _("Where it hurt"),
    "knee": _("Knee"),
    **{name: PainEntry._meta.get_field(name).verbose_name for name in WARNING_SIGN_FIELDS},
    "pain_entry_id": _("Pain entry"),
    "warning_sign": _("Warning sign"),
    "high_score": _("High score"),
    "rising": _("Rising pain"),
    "you_were_told": _("What you were told"),
    "raised_at": _("Raised"),
    "acknowledged_by": _("Acknowledged by"),
    "acknowledged_at": _("Acknowledged"),
    "outcome": _("What the clinic did"),
    "reminders_on": _("Exercise reminders"),
    "reminder_time": _("Reminder time"),
    "reminder_days": _("Reminder days"),
    "nudges_on": _("Emails when I have not logged a session for a while"),
    "kind": _("Kind"),
    "sent_to": _("Sent to"),
    "state": _("State"),
    "queued_at": _("Queued"),
    "sent_at": _("Sent"),
    "understanding": _("Questions"),
    "question": _("Question"),
    "your_answer": _("Your last answer"),
    "right": _("Right"),
    "tries": _("Tries"),
    "proposal": _("Proposal"),
    "proposed_at": _("Proposed"),
    "decided_by": _("Decided by"),
    "decided_at": _("Decided"),
    "reason": _("Reason"),
}
# Keys whose values are codes of a choice: the CSV gives their name instead.
CHOICES = {
    "language": User.Language,
    "affected_side": Patient.AffectedSide,
    "status": Plan.Status,
    "side": Side,
    "effort": SessionLog.Effort,
    "context": PainEntry.Context,
    "location": PainEntry.Location,
    "knee": PainEntry.Knee,
    "kind": OutgoingMessage.Kind,
    "state": OutgoingMessage.State,
}

CHUNK = 2000
# The CSV's rows go to the stream this many records at a time.
RECORDS_PER_PIECE = 50
# A spreadsheet runs a cell that starts like a formula: such text is kept as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def patient_data(patient: Patient) -> dict:
    """The patient's data as sections of flat records, in a fixed number of queries.

    The long sections (sessions, pain entries, alerts) are generators, read from the
    database in chunks as the download streams: a year of entries is never all in memory.
    """
    zone = patient.clinic.zone
    patient = (
        Patient.objects.select_related("user", "clinic", "clinician")
        .prefetch_related("conditions")
        .get(pk=patient.pk)
    )

    def when(value):
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return timezone.localtime(value, zone).isoformat()
        return value.isoformat()

    def name(user):
        return str(user) if user is not None else None

    plans = list(
        Plan.objects.owned_by(patient)
        .prefetch_related(
            Prefetch("items", queryset=PlanItem.objects.select_related("exercise")),
            "revisions",
        )
        .order_by("start_date", "created_at")
    )
    user = patient.user
    clinic = patient.clinic
    return {
        "profile": [
            {
                "id": str(patient.pk),
                "email": user.email,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "language": user.language,
                "date_joined": when(user.date_joined),
                "last_login": when(user.last_login),
                "clinic": clinic.name,
                "clinic_phone": clinic.phone,
                "clinic_email": clinic.email,
                "clinic_address": clinic.address,
                "primary_clinician": name(patient.clinician),
                "date_of_birth": when(patient.date_of_birth),
                "conditions": "; ".join(c.name for c in patient.conditions.all()),
                "affected_side": patient.affected_side,
                "notes_for_staff": patient.staff_notes,
                "active": patient.is_active,
                "created_at": when(patient.created_at),
            }
        ],
        "plans": [
            {
                "id": str(plan.pk),
                "title": plan.title,
                "status": plan.status,
                "start_date": when(plan.start_date),
                "review_date": when(plan.review_date),
                "message": plan.message,
                "version": plan.version,
                "version_last_viewed": plan.seen_version,
                "created_at": when(plan.created_at),
                "updated_at": when(plan.updated_at),
            }
            for plan in plans
        ],
        "plan_exercises": [
            {
                "id": str(item.pk),
                "plan_id": str(plan.pk),
                "position": item.position,
                "exercise": item.exercise.name,
                **item.dose.values(),
                "note": item.note,
                "show_variants": item.show_variants,
            }
            for plan in plans
            for item in sorted(plan.items.all(), key=lambda i: i.position)
        ],
        "plan_versions": [
            {
                "plan_id": str(plan.pk),
                "version": revision.number,
                "saved_at": when(revision.created_at),
                # As it was shown: in the patient's language.
                "plan": rules.snapshot_in_reader_language(revision.snapshot),
            }
            for plan in plans
            for revision in sorted(plan.revisions.all(), key=lambda r: r.number)
        ],
        "articles": [
            {
                "id": str(assignment.pk),
                "article": assignment.article.title,
                "assigned_by": name(assignment.assigned_by),
                "assigned_at": when(assignment.assigned_at),
                "first_read_at": when(assignment.first_read_at),
                "understanding": assignment.get_understanding_display(),
            }
            for assignment in ArticleAssignment.objects.filter(patient=patient)
            .select_related("article", "assigned_by")
            .order_by("assigned_at")
        ],
        "sessions": _sessions(patient, when),
        "pain_entries": (
            {
                **{key: value for key, value in entry.items() if key != "created_at"},
                "id": str(entry["id"]),
                "recorded_at": when(entry["recorded_at"]),
                "saved_at": when(entry["created_at"]),
            }
            # Rows as values, not models: a year of entries is thousands of them.
            for entry in PainEntry.objects.owned_by(patient)
            .order_by("recorded_at")
            .values(
                "id",
                "score",
                "recorded_at",
                "context",
                "location",
                "knee",
                "note",
                *WARNING_SIGN_FIELDS,
                "created_at",
            )
            .iterator(chunk_size=CHUNK)
        ),
        "alerts": (
            {
                "id": str(alert.pk),
                "pain_entry_id": str(alert.pain_entry_id),
                "warning_sign": alert.warning_sign,
                "high_score": alert.high_score,
                "rising": alert.rising,
                "you_were_told": str(alert.advice_text),
                "raised_at": when(alert.created_at),
                "acknowledged_by": name(alert.acknowledged_by),
                "acknowledged_at": when(alert.acknowledged_at),
                "outcome": alert.get_outcome_display(),
                "note": alert.note,
            }
            for alert in Alert.objects.filter(patient=patient)
            .select_related("acknowledged_by", "pain_entry")
            .order_by("created_at")
            .iterator(chunk_size=CHUNK)
        ),
        "reminders": _reminders(patient, when),
        "emails": (
            {
                "id": str(message.pk),
                "kind": message.kind,
                # Staff by name only; the patient's own emails went to their address.
                "sent_to": user.email
                if message.recipient_id == user.pk
                else name(message.recipient),
                "state": message.state,
                "queued_at": when(message.created_at),
                "sent_at": when(message.sent_at),
            }
            for message in OutgoingMessage.objects.filter(patient=patient)
            .select_related("recipient")
            .order_by("created_at")
            .iterator(chunk_size=CHUNK)
        ),
        "teach_back": [
            {
                "id": str(answer.pk),
                "article": answer.assignment.article.title,
                "question": answer.question.prompt,
                "your_answer": answer.choice.text,
                "right": answer.is_right,
                "tries": answer.attempts,
            }
            for answer in TeachBackAnswer.objects.filter(assignment__patient=patient)
            .select_related("assignment__article", "question", "choice")
            .order_by("assignment__assigned_at", "question__position")
        ],
        # What the portal proposed to the clinician, and what they decided.
        "proposals": [
            {
                "id": str(proposal.pk),
                "proposal": proposal.get_kind_display(),
                "status": proposal.get_status_display(),
                "proposed_at": when(proposal.created_at),
                "decided_by": name(proposal.decided_by),
                "decided_at": when(proposal.decided_at),
                "reason": proposal.reason,
            }
            for proposal in PhaseProposal.objects.filter(patient=patient)
            .select_related("decided_by")
            .order_by("created_at")
        ],
    }


def _reminders(patient, when) -> list[dict]:
    """The patient's reminder choices, or the defaults they have while they made none."""
    preference = ReminderPreference.objects.filter(patient=patient).first() or (
        ReminderPreference(patient=patient)
    )
    return [
        {
            "reminders_on": preference.enabled,
            "reminder_time": preference.time.strftime("%H:%M"),
            "reminder_days": "; ".join(
                str(label) for day, label in WEEKDAYS if getattr(preference, day)
            ),
            "nudges_on": preference.nudges,
            "updated_at": when(preference.updated_at),
        }
    ]


def _sessions(patient, when) -> Iterator[dict]:
    """The sessions done, each with the exercises ticked, in order: two queries."""
    exercises = {}
    # The session's exercises by name: the through table's manager knows no languages.
    name_in = [column("planitem__exercise__name", code) for code in reading_order(get_language())]
    for session_id, *names in (
        SessionLog.items.through.objects.filter(sessionlog__patient=patient)
        .order_by("planitem__position")
        .values_list("sessionlog_id", *name_in)
    ):
        # In the reader's language, or the first other the exercise's name is written in.
        exercises.setdefault(session_id, []).append(next(filter(None, names), ""))
    for session in (
        SessionLog.objects.filter(patient=patient)
        .order_by("date")
        .values("id", "plan_id", "date", "effort", "note", "created_at")
        .iterator(chunk_size=CHUNK)
    ):
        yield {
            "id": str(session["id"]),
            "plan_id": str(session["plan_id"]),
            "date": when(session["date"]),
            "exercises": "; ".join(exercises.get(session["id"], [])),
            "effort": session["effort"],
            "note": session["note"],
            "recorded_at": when(session["created_at"]),
        }


def in_chunks(pieces: Iterator[str], size: int = 64 * 1024) -> Iterator[str]:
    """The pieces joined into chunks of about `size` characters: a response yields each
    chunk to the socket, and a chunk per CSV row cost more than making the rows."""
    buffer, length = [], 0
    for piece in pieces:
        buffer.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(buffer)
            buffer, length = [], 0
    if buffer:
        yield "".join(buffer)


def _plan_in_words(snapshot: dict) -> str:
    """A plan version for a spreadsheet: its title, then each exercise with its dose."""
    exercises = [
        f"{item['exercise']}: {Dose(**{name: item[name] for name in DOSE_FIELDS}).summary}"
        + (f" ({item['note']})" if item["note"] else "")
        for item in snapshot["items"]
    ]
    return " / ".join([snapshot["title"], *exercises])


def in_language(pieces: Iterator[str], language: str) -> Iterator[str]:
    """`pieces` made in `language`: a streamed download is read after its view has returned,
    so the names in words it holds are translated as it is sent."""
    with translation.override(language):
        yield from pieces


def stream_json(data: dict, *, language: str) -> Iterator[str]:
    """The sections as one JSON object, written out as they are read, after the names of
    its sections and keys in `language` ("labels")."""
    return in_language(in_chunks(_json_pieces(data)), language)


def labels() -> dict:
    return {
        "sections": {key: str(label) for key, label in SECTION_LABELS.items()},
        "fields": {key: str(label) for key, label in FIELD_LABELS.items()},
    }


def _json_pieces(data: dict) -> Iterator[str]:
    yield "{"
    yield f"\n  {json.dumps('labels')}: {json.dumps(labels(), ensure_ascii=False)}"
    for section, records in data.items():
        yield f",\n  {json.dumps(section)}: ["
        for index, record in enumerate(records):
            yield f"{',' if index else ''}\n    {json.dumps(record)}"
        yield "\n  ]"
    yield "\n}\n"


def stream_csv(data: dict, *, language: str) -> Iterator[str]:
    """One table for every section: section, record id, field, value, in `language`."""
    return in_language(in_chunks(_csv_rows(data)), language)


def _csv_rows(data: dict) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Section"), _("Record"), _("Field"), _("Value")])
    # Every name in words translated once, before the rows: a year of entries repeats them
    # thousands of times.
    fields = {key: str(label) for key, label in FIELD_LABELS.items()}
    words = {True: str(_("yes")), False: str(_("no"))}
    words |= {
        (field, value): str(label)
        for field, choices in CHOICES.items()
        for value, label in choices.choices
    }
    for section, records in data.items():
        section_label = str(SECTION_LABELS[section])
        for count, record in enumerate(records, start=1):
            record_id = record.get("id", "")
            writer.writerows(
                [section_label, record_id, fields[field], _cell(field, value, words)]
                for field, value in record.items()
            )
            if count % RECORDS_PER_PIECE == 0:
                yield out.getvalue()
                out.seek(0)
                out.truncate()
    yield out.getvalue()


def _cell(field: str, value, words: dict) -> str:
    if value is None:
        return ""
    if field == "plan":
        return _plan_in_words(value)
    if isinstance(value, bool):
        return words[value]
    if field in CHOICES and (field, value) in words:
        return words[field, value]
    text = str(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text
