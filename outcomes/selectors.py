"""What the outcome pages read, each in a fixed number of queries, and the one rule of
"did it improve by a change that matters" (`improvement`), which other apps may call
(the phase criteria of issue 19).
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import F
from django.utils.translation import gettext as _

from outcomes import schedule as arithmetic
from outcomes.models import MeasureSchedule, Questionnaire, Response
from patients.models import PainEntry, Plan, daily_highest

PAIN = "pain-nrs"
EVER = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
PAIN_DAYS_CHARTED = 30  # the first day and the latest 29


@dataclass(frozen=True)
class Due:
    schedule: MeasureSchedule
    plan: Plan
    occasion: arithmetic.Occasion
    today: dt.date

    @property
    def questionnaire(self) -> Questionnaire:
        return self.schedule.questionnaire

    @property
    def overdue(self) -> bool:
        return self.occasion.overdue(self.today)


def occasion_of(schedule: MeasureSchedule, plan: Plan, today: dt.date):
    return arithmetic.current(
        start=plan.start_date,
        today=today,
        at_start=schedule.at_start,
        every_weeks=schedule.every_weeks,
        at_discharge=schedule.at_discharge,
        discharge=plan.review_date,
        attached_on=schedule.attached_on,
    )


def due_for(patients, today: dt.date) -> list[Due]:
    """What each patient of `patients` (a list or queryset) has due today, in three queries:
    their active plans, the measures those plans ask for, the answers already given."""
    plans = list(
        Plan.objects.filter(patient__in=patients, status=Plan.Status.ACTIVE)
        .only("pk", "patient_id", "template_id", "start_date", "review_date")
        .annotate(clinic_id=F("patient__clinic_id"))
        .order_by("start_date", "pk")
    )
    if not plans:
        return []
    schedules = list(MeasureSchedule.objects.for_plans(plans).select_related("questionnaire"))
    candidates = []
    for plan in plans:
        for schedule in schedules:
            if MeasureSchedule.objects.applies_to(schedule, plan):
                occasion = occasion_of(schedule, plan, today)
                if occasion is not None:
                    candidates.append(Due(schedule, plan, occasion, today))
    if not candidates:
        return []
    answered = set(
        Response.objects.standing()
        .filter(
            plan_id__in={due.plan.pk for due in candidates},
            occasion__gte=min(due.occasion.day for due in candidates),
        )
        .values_list("plan_id", "schedule_id", "occasion")
    )
    return [
        due
        for due in candidates
        if (due.plan.pk, due.schedule.pk, due.occasion.day) not in answered
    ]


def due_one(patient, schedule_id, plan_id, today: dt.date) -> Due | None:
    """The one occasion a patient's form is for, if it is due now."""
    return next(
        (
            due
            for due in due_for([patient], today)
            if str(due.schedule.pk) == str(schedule_id) and str(due.plan.pk) == str(plan_id)
        ),
        None,
    )


def carried_forward(patient, plan, questionnaire) -> dict | None:
    """The first answers this patient gave, in this plan, to this measure's carried-forward
    items (the activities the Patient-Specific Functional Scale re-rates); None before the
    first response. One query."""
    first = (
        Response.objects.standing()
        .filter(patient=patient, plan=plan, questionnaire__code=questionnaire.code)
        .order_by("submitted_at", "pk")
        .values_list("answers", flat=True)
        .first()
    )
    if first is None:
        return None
    return {
        item["link_id"]: first[item["link_id"]]
        for item in questionnaire.items
        if item.get("carry_forward") and item["link_id"] in first
    }


@dataclass(frozen=True)
class Improvement:
    """A measure's change: since the baseline, or the latest rating of change itself."""

    questionnaire: Questionnaire
    baseline: Decimal | None
    latest: Decimal
    change: Decimal  # signed, positive when better
    mcid: Decimal
    count: int

    @property
    def important(self) -> bool:
        """Better by at least the minimal clinically important difference."""
        return self.count_compared and self.change >= self.mcid

    @property
    def count_compared(self) -> bool:
        return self.questionnaire.rates_change or self.count > 1

    @property
    def sentence(self) -> str:
        return plain_line(self)


def improvement_from(questionnaire: Questionnaire, scores: list[Decimal]) -> Improvement | None:
    """The change in `scores` (oldest first) of a measure, positive when better. Pure."""
    scores = [score for score in scores if score is not None]
    if not scores:
        return None
    latest = scores[-1]
    if questionnaire.rates_change:
        baseline, change = None, latest if questionnaire.higher_is_better else -latest
    else:
        baseline = scores[0]
        change = latest - baseline if questionnaire.higher_is_better else baseline - latest
    return Improvement(
        questionnaire=questionnaire,
        baseline=baseline,
        latest=latest,
        change=change,
        mcid=questionnaire.mcid,
        count=len(scores),
    )


def improvement(patient, measure: str) -> Improvement | None:
    """How much a patient's scores on a measure (its code: "psfs", "groc", "pain-nrs" or
    a clinic's own) changed, against the change that matters, in one or two queries.
    `.important` is the phase criterion ("improved by at least its MCID")."""
    if measure == PAIN:
        found = pain_progress(patient)
        return found and found.improvement
    responses = list(
        Response.objects.for_progress(patient).standing().filter(questionnaire__code=measure)
    )
    if not responses:
        return None
    return improvement_from(responses[-1].questionnaire, [r.score for r in responses])


@dataclass(frozen=True)
class Score:
    """A score to chart: a day's highest pain (a response has the same two fields)."""

    submitted_at: dt.date
    score: Decimal


def pain_progress(patient) -> "Progress | None":
    """The numeric pain rating as an outcome: each day's highest score in the pain diary,
    the first day the baseline. Two queries."""
    questionnaire = (
        Questionnaire.objects.filter(code=PAIN, clinic=None).order_by("-version").first()
    )
    rows = PainEntry.objects.filter(patient=patient, score__isnull=False).values_list(
        "score", "recorded_at"
    )
    days = daily_highest(rows, since=EVER, zone=patient.clinic.zone)
    if questionnaire is None or not days:
        return None
    scores = [Score(row["day"], Decimal(row["highest"])) for row in days]
    # Charted: the first day (the baseline) and the latest days; a year of daily scores is
    # more than a chart or a table can show. The change is measured on every day.
    charted = (
        scores
        if len(scores) <= PAIN_DAYS_CHARTED
        else [scores[0], *scores[-PAIN_DAYS_CHARTED + 1 :]]
    )
    return Progress(
        questionnaire,
        charted,
        improvement_from(questionnaire, [s.score for s in scores]),
        days_not_charted=len(scores) - len(charted),
    )


def _points(value: Decimal) -> str:
    return f"{value.normalize():f}"


def plain_line(result: Improvement) -> str:
    """One sentence a patient understands: what changed, and whether it matters."""
    values = {"change": _points(abs(result.change)), "mcid": _points(result.mcid)}
    if result.questionnaire.rates_change:
        if result.important:
            return (
                _("You rated a change of %(change)s: at least the change that matters (%(mcid)s).")
                % values
            )
        return _("You rated a change smaller than the change that matters (%(mcid)s).") % values
    if result.count == 1:
        return _("This is your first score: the next ones are compared with it.")
    if result.change == 0:
        return _("Your score is the same as when you started.")
    if result.change < 0:
        return _("Your score is worse by %(change)s points since you started.") % values
    if result.important:
        return (
            _(
                "Your score improved by %(change)s points since you started — at least the "
                "change that matters (%(mcid)s points)."
            )
            % values
        )
    return (
        _(
            "Your score improved by %(change)s points since you started — less than the change "
            "that matters (%(mcid)s points)."
        )
        % values
    )


@dataclass
class Progress:
    questionnaire: Questionnaire
    responses: list[Response]  # those that count, charted
    improvement: Improvement | None
    chart: object = None
    in_error: list[Response] = field(default_factory=list)  # shown struck through
    days_not_charted: int = 0  # the pain rating's days between the baseline and the latest


def progress(patient) -> list[Progress]:
    """The pain rating, then each measure the patient answered, with their responses and
    change: three queries."""
    by_code: dict[str, list[Response]] = {}
    for response in Response.objects.for_progress(patient):
        by_code.setdefault(response.questionnaire.code, []).append(response)
    pain = pain_progress(patient)
    found = [pain] if pain else []
    for every in by_code.values():
        responses = [r for r in every if not r.in_error]
        questionnaire = every[-1].questionnaire
        result = improvement_from(questionnaire, [r.score for r in responses])
        in_error = [r for r in every if r.in_error]
        found.append(Progress(questionnaire, responses, result, in_error=in_error))
    return found


def measures_progress_for(patients) -> dict:
    """{patient pk: [Progress]}: each questionnaire each patient answered, with its
    responses (oldest first) and change; for any number of patients in one query. (The
    pain diary's rating is not in it: the printed handout has its own pain row.)"""
    by_patient: dict = {patient.pk: {} for patient in patients}
    responses = (
        Response.objects.filter(patient__in=list(by_patient))
        .select_related("questionnaire")
        .order_by("submitted_at", "pk")
    )
    for response in responses:
        by_patient[response.patient_id].setdefault(response.questionnaire.code, []).append(response)
    found = {}
    for pk, by_code in by_patient.items():
        found[pk] = []
        for answered in by_code.values():
            questionnaire = answered[-1].questionnaire
            result = improvement_from(questionnaire, [r.score for r in answered])
            found[pk].append(Progress(questionnaire, answered, result))
    return found
