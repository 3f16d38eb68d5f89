"""The writes of outcome measures, each in one transaction, row by row (audited)."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from clinic.access import staff_clinic
from outcomes import scoring
from outcomes.models import MeasureSchedule, Response
from patients.models import Patient
from patients.services import (
    evaluate_proposals,
    refresh_patient_summaries,
    refresh_patient_summary,
)


def submit_response(*, patient, due, answers: dict, language: str) -> tuple[Response, bool]:
    """Save a patient's answers to a measure due (`selectors.Due`), scored with the version
    the form showed. (response, created): a second submit of the same occasion saves
    nothing and returns the first."""
    questionnaire = due.questionnaire
    response = Response(
        patient=patient,
        plan=due.plan,
        schedule=due.schedule,
        occasion=due.occasion.day,
        questionnaire=questionnaire,
        language=language,
        answers=answers,
        score=scoring.score(questionnaire.items, questionnaire.scoring, answers),
        submitted_at=timezone.now(),
    )
    try:
        with transaction.atomic():
            response.save()
            refresh_patient_summary(patient.pk)  # Today's card follows
    except IntegrityError:
        existing = Response.objects.standing().get(
            plan=due.plan, schedule=due.schedule, occasion=due.occasion.day
        )
        return existing, False
    # A phase criterion may name this measure (outcomes.criteria): proposals follow at once.
    evaluate_proposals(patient)
    return response, True


def mark_entered_in_error(*, response: Response, by) -> bool:
    """A clinician's correction: the response is kept, marked as entered in error (no
    longer charted or counted), and its occasion is due again for the patient. False if it
    already was."""
    with transaction.atomic():
        response = Response.objects.select_for_update().get(pk=response.pk)
        if response.in_error:
            return False
        response.entered_in_error_at = timezone.now()
        response.entered_in_error_by = by
        response.save(update_fields=["entered_in_error_at", "entered_in_error_by"])
        refresh_patient_summary(response.patient_id)  # Today's card: due again
    # No longer counted: a proposal that rested on it is withdrawn.
    evaluate_proposals(Patient.objects.select_related("clinic").get(pk=response.patient_id))
    return True


@transaction.atomic
def attach_measure(
    *,
    questionnaire,
    by,
    plan=None,
    template=None,
    at_start: bool = True,
    every_weeks: int | None = None,
    at_discharge: bool = False,
) -> MeasureSchedule:
    """Ask for a measure in a plan, or in every plan made from a template, from today."""
    # A template's schedule is the clinic's that sets it: the template may be shared.
    clinic = plan.patient.clinic if plan is not None else staff_clinic(by)
    schedule = MeasureSchedule(
        clinic=clinic,
        questionnaire=questionnaire,
        plan=plan,
        template=template,
        at_start=at_start,
        every_weeks=every_weeks,
        at_discharge=at_discharge,
        attached_on=clinic.today(),
        created_by=by,
    )
    schedule.full_clean()
    schedule.save()
    changed(schedule)
    return schedule


def changed(schedule: MeasureSchedule) -> None:
    """The patients whose Today shows this schedule see the change."""
    if schedule.plan_id:
        refresh_patient_summary(schedule.plan.patient_id)
    else:
        refresh_patient_summaries(
            Patient.objects.filter(clinic=schedule.clinic, plans__template=schedule.template_id)
        )
