"""What the staff pages read: a patient's summary, an alert's call-back page, the patient
list's adherence column. Each in a fixed number of queries, however much data there is."""

import datetime as dt
from collections import defaultdict

from django.db.models import OuterRef, Subquery

from patients import phases, rules
from patients.charts import pain_chart
from patients.models import PhaseProposal, Plan, PlanItem, SessionLog

ALERT_HISTORY_DAYS = 14
SUMMARY_ENTRIES = 28


def patient_summary(patient) -> dict:
    """What a clinician reviews before an appointment."""
    today = patient.clinic.today()
    plans = list(Plan.objects.filter(patient=patient).with_items())
    entries = list(patient.pain_entries.order_by("-recorded_at")[:SUMMARY_ENTRIES])
    dates = _session_dates(patient_ids=[patient.pk], since=today - dt.timedelta(days=27))
    rows = []
    for plan in plans:
        items = list(plan.items.all())
        per_week = plan.sessions_per_week(items)
        rows.append(
            {
                "plan": plan,
                "items": items,
                **{
                    window: rules.adherence(
                        plan=plan,
                        session_dates=dates[plan.pk],
                        today=today,
                        days=days,
                        per_week=per_week,
                    )
                    for window, days in (("week", 7), ("month", 28))
                },
            }
        )
    return {
        "patient": patient,
        "plans": rows,
        "assignments": list(patient.article_assignments.select_related("article")),
        "chart": pain_chart(entries, patient.clinic.zone),
        "open_alerts": list(patient.alerts.open().select_related("pain_entry")),
        # What the portal proposes, with which criteria are met and the figures.
        "proposals": [
            {"proposal": proposal, "lines": phases.describe_figures(proposal)}
            for proposal in PhaseProposal.objects.for_summary(patient)
        ],
    }


def alert_page(alert) -> dict:
    """What a clinician needs to call the patient back: their phones and best time to call
    (on the patient), the entry, and the entries of the 14 days before it."""
    patient = alert.patient
    since = alert.pain_entry.recorded_at - dt.timedelta(days=ALERT_HISTORY_DAYS)
    recent = list(
        patient.pain_entries.filter(recorded_at__gte=since).order_by("-recorded_at")[:100]
    )
    return {
        "patient": patient,
        "entry": alert.pain_entry,
        "recent_entries": recent,
        "chart": pain_chart(recent, patient.clinic.zone),
        "history_days": ALERT_HISTORY_DAYS,
    }


def with_list_adherence(patients: list, *, today: dt.date, days: int = 7) -> list:
    """Set `adherence_7d` on each patient of a list page: their active plans' sessions
    over the last `days` days, added up over the plans (None: no active plan). Two queries
    for the whole page."""
    ids = [patient.pk for patient in patients]
    most_frequent = PlanItem.objects.filter(plan=OuterRef("pk")).order_by("-days_per_week")
    plans = defaultdict(list)
    for plan in (
        Plan.objects.filter(patient_id__in=ids, status=Plan.Status.ACTIVE)
        # A subquery per plan (its items by index), not a join grouped over every item.
        .annotate(per_week=Subquery(most_frequent.values("days_per_week")[:1]))
        .only("patient_id", "start_date")
    ):
        plans[plan.patient_id].append(plan)
    dates = _session_dates(patient_ids=ids, since=today - dt.timedelta(days=days - 1))
    for patient in patients:
        results = [
            rules.adherence(
                plan=plan,
                session_dates=dates[plan.pk],
                today=today,
                days=days,
                per_week=plan.per_week or 0,
            )
            for plan in plans[patient.pk]
        ]
        patient.adherence_7d = sum(results[1:], results[0]) if results else None
    return patients


def _session_dates(*, patient_ids, since) -> dict:
    """The dates of the sessions since `since`, by plan id."""
    dates = defaultdict(list)
    for plan_id, date in SessionLog.objects.filter(
        patient_id__in=patient_ids, date__gte=since
    ).values_list("plan_id", "date"):
        dates[plan_id].append(date)
    return dates
