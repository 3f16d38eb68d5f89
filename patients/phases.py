"""Proposals: each active plan measured against its template's criteria to move on, and
against the signs of a step back, and a proposal opened, kept up to date or withdrawn.

Nothing here changes a patient's plan: a clinician accepts or dismisses a proposal
(patients.services.accept_proposal, dismiss_proposal). Run by the scheduler
(patients.jobs.evaluate_proposals) and after each pain entry and session.

A new kind of criterion (the outcomes app's "a measure improved by at least its important
change", say) is a `PhaseCriterion.Kind`, its rule and, if it reads what this module does
not gather, a loader: `register_criterion(kind, rule=..., loader=...)`.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from education.models import Exercise, PhaseCriterion
from patients import rules
from patients.models import Alert, PhaseProposal, Plan, PlanItem, SessionLog, daily_highest

# A clinician who decided on a proposal is not asked the same of the same plan for this long.
QUIET_AFTER_DECISION = dt.timedelta(days=7)

# kind -> loader(patient, plan, today) -> what the kind's rule finds in `facts.extra[kind]`.
LOADERS: dict[str, Callable] = {}


def register_criterion(kind: str, *, rule: Callable, loader: Callable | None = None) -> None:
    """Let templates use another kind of criterion: `rule(criterion, facts)` returns a
    `rules.CriterionResult`; `loader(patient=, plan=, today=)` gathers what it reads."""
    rules.CRITERIA[kind] = rule
    if loader is not None:
        LOADERS[kind] = loader


def evaluate_patient(patient, *, now: dt.datetime | None = None) -> int:
    """Bring the patient's proposals up to date. Returns how many were opened or withdrawn."""
    now = now or timezone.now()
    zone = patient.clinic.zone
    today = timezone.localtime(now, zone).date()
    plans = list(
        Plan.objects.filter(patient=patient, status=Plan.Status.ACTIVE)
        .select_related("template__next_phase")
        .prefetch_related(
            models.Prefetch("template__criteria", queryset=PhaseCriterion.objects.all()),
            models.Prefetch(
                "items",
                queryset=PlanItem.objects.select_related("exercise").order_by("position"),
            ),
        )
    )
    changed = _withdraw_off_plans(patient, now=now)
    if not plans:
        return changed
    window = max(
        [
            criterion.days or 0
            for plan in plans
            if plan.template is not None
            for criterion in plan.template.criteria.all()
        ]
        + [rules.REGRESSION_DAYS]
    )
    since = _start_of(today - dt.timedelta(days=window - 1), zone)
    rows = list(
        patient.pain_entries.filter(recorded_at__gte=since).values_list("score", "recorded_at")
    )
    daily = {row["day"]: row["highest"] for row in daily_highest(rows, since=since, zone=zone)}
    week = _start_of(today - dt.timedelta(days=rules.REGRESSION_DAYS - 1), zone)
    regression = rules.regression(
        scores=[score for score, at in rows if at >= week],
        acknowledged_rises=Alert.objects.filter(
            patient=patient,
            rising=True,
            acknowledged_at__gte=now - dt.timedelta(days=rules.REGRESSION_RISE_DAYS),
        ).count(),
    )
    open_alerts = patient.alerts.open().count()
    dates = defaultdict(list)
    for plan_id, date in SessionLog.objects.filter(
        plan__in=plans, date__gte=today - dt.timedelta(days=window - 1)
    ).values_list("plan_id", "date"):
        dates[plan_id].append(date)
    for plan in plans:
        items = list(plan.items.all())
        facts = rules.PhaseFacts(
            today=today,
            plan=plan,
            per_week=plan.sessions_per_week(items),
            daily_highest=daily,
            session_dates=tuple(dates[plan.pk]),
            open_alerts=open_alerts,
            extra={},
        )
        changed += _advance(patient, plan, facts, now=now)
        changed += _easier(patient, plan, items, regression, now=now)
    return changed


def _advance(patient, plan, facts, *, now) -> int:
    template = plan.template
    criteria = list(template.criteria.all()) if template is not None else []
    if template is None or template.next_phase is None or not criteria:
        return _sync(patient, plan, PhaseProposal.Kind.ADVANCE, wanted=False, now=now)
    extra = {
        kind: LOADERS[kind](patient=patient, plan=plan, today=facts.today)
        for kind in {criterion.kind for criterion in criteria}
        if kind in LOADERS
    }
    if extra:
        facts = rules.PhaseFacts(**{**facts.__dict__, "extra": extra})
    results = rules.evaluate_criteria(criteria, facts)
    return _sync(
        patient,
        plan,
        PhaseProposal.Kind.ADVANCE,
        wanted=rules.all_met(results),
        now=now,
        figures={
            "criteria": [result.as_dict() for result in results],
            "to_review": template.criteria_to_review,
        },
        to_template=template.next_phase,
    )


def _easier(patient, plan, items, regression, *, now) -> int:
    swaps = easier_swaps(patient, items) if regression else []
    return _sync(
        patient,
        plan,
        PhaseProposal.Kind.EASIER,
        wanted=bool(swaps),
        now=now,
        figures={"regression": regression.as_dict(), "swaps": swaps},
    )


def easier_swaps(patient, items) -> list[dict]:
    """For each exercise of the plan with an easier variant the library links (published,
    and the patient's clinic's to give), the first of them by name."""
    variants = Exercise.objects.for_clinic(patient.clinic).published().order_by("name")
    models.prefetch_related_objects(
        [item.exercise for item in items],
        models.Prefetch("easier_variants", queryset=variants, to_attr="proposable_variants"),
    )
    swaps = []
    for item in items:
        easier = item.exercise.proposable_variants
        if easier:
            swaps.append(
                {
                    "item": str(item.pk),
                    "from": item.exercise.name,
                    "to": easier[0].pk,
                    "to_name": easier[0].name,
                }
            )
    return swaps


def _sync(patient, plan, kind, *, wanted, now, figures=None, to_template=None) -> int:
    """Open the proposal, update its figures, or withdraw it."""
    current = PhaseProposal.objects.filter(plan=plan, kind=kind).open().first()
    if not wanted:
        if current is None:
            return 0
        current.status = PhaseProposal.Status.WITHDRAWN
        current.decided_at = now
        current.save(update_fields=["status", "decided_at"])
        return 1
    if current is not None:
        if current.figures != figures:
            current.figures = figures
            current.save(update_fields=["figures"])
        return 0
    decided_lately = PhaseProposal.objects.filter(
        plan=plan,
        kind=kind,
        status__in=[PhaseProposal.Status.ACCEPTED, PhaseProposal.Status.DISMISSED],
        decided_at__gte=now - QUIET_AFTER_DECISION,
    )
    if decided_lately.exists():
        return 0
    try:
        with transaction.atomic():
            PhaseProposal.objects.create(
                patient=patient, plan=plan, kind=kind, figures=figures, to_template=to_template
            )
    except IntegrityError:
        return 0  # opened at the same moment by another evaluation (the constraint)
    return 1


def _withdraw_off_plans(patient, *, now) -> int:
    """A plan paused or completed by hand: its proposals are no longer for anyone."""
    withdrawn = 0
    off = (
        PhaseProposal.objects.filter(patient=patient)
        .open()
        .exclude(plan__status=Plan.Status.ACTIVE)
    )
    for proposal in off:
        proposal.status = PhaseProposal.Status.WITHDRAWN
        proposal.decided_at = now
        proposal.save(update_fields=["status", "decided_at"])
        withdrawn += 1
    return withdrawn


def _start_of(day, zone):
    return timezone.make_aware(dt.datetime.combine(day, dt.time()), zone)


# --- In words, for the clinician -------------------------------------------------------------


def describe_criterion(result: dict) -> str:
    """One measured criterion (`CriterionResult.as_dict`) in the clinician's language, with
    the figure: "Highest pain over the last 7 days: 2/10 (at most 3)"."""
    kind, value = result["kind"], result["value"]
    shown = "–" if value is None else value
    if kind == PhaseCriterion.Kind.MAX_PAIN:
        if value is None:
            return _("Highest pain over the last %(days)s days: no entry (at most %(target)s)") % {
                "days": result["days"],
                "target": result["target"],
            }
        text = _("Highest pain over the last %(days)s days: %(value)s/10 (at most %(target)s)")
    elif kind == PhaseCriterion.Kind.ADHERENCE:
        text = _("Adherence over the last %(days)s days: %(value)s%% (at least %(target)s%%)")
    elif kind == PhaseCriterion.Kind.MIN_DAYS:
        text = _("Days in this phase: %(value)s (at least %(target)s)")
    elif kind == PhaseCriterion.Kind.NO_OPEN_ALERT:
        text = _("Open alerts: %(value)s (none)")
    else:
        label = DESCRIPTIONS.get(kind)
        return label(result) if label else f"{kind}: {shown}"
    return text % {**result, "value": shown}


# kind -> describe(result) for the kinds another app registers.
DESCRIPTIONS: dict[str, Callable] = {}


def describe_figures(proposal) -> list[tuple[bool, str]]:
    """Each line of a proposal's figures: (met, words)."""
    figures = proposal.figures or {}
    if proposal.kind == PhaseProposal.Kind.ADVANCE:
        return [(row["met"], describe_criterion(row)) for row in figures.get("criteria", [])]
    regression = figures.get("regression", {})
    lines = []
    if regression.get("high_entries", 0) >= rules.REGRESSION_ENTRIES:
        lines.append(
            (
                True,
                _("%(count)s entries of %(score)s or more over the last %(days)s days")
                % {
                    "count": regression["high_entries"],
                    "score": rules.REGRESSION_SCORE,
                    "days": rules.REGRESSION_DAYS,
                },
            )
        )
    if regression.get("acknowledged_rises", 0) >= rules.REGRESSION_RISES:
        lines.append(
            (
                True,
                _("Rising-pain alerts acknowledged over the last %(days)s days: %(count)s")
                % {"count": regression["acknowledged_rises"], "days": rules.REGRESSION_RISE_DAYS},
            )
        )
    for swap in figures.get("swaps", []):
        lines.append((True, _("%(from)s → %(to)s") % {"from": swap["from"], "to": swap["to_name"]}))
    return lines
