"""The demo's measures: alex's plan asks for the Patient-Specific Functional Scale at the
start, every two weeks and at discharge, and for a global rating of change at discharge,
attached today: his PSFS is due on Today. Run again, it leaves them as they are."""

from outcomes import services
from outcomes.models import MeasureSchedule, Questionnaire
from patients.models import Patient, Plan


def load_demo_measures() -> None:
    alex = Patient.objects.filter(user__email="alex@patients.example").first()
    plan = alex and Plan.objects.filter(patient=alex, status=Plan.Status.ACTIVE).first()
    if plan is None or MeasureSchedule.objects.filter(plan=plan).exists():
        return
    psfs = Questionnaire.objects.filter(code="psfs", clinic=None).order_by("-version").first()
    groc = Questionnaire.objects.filter(code="groc", clinic=None).order_by("-version").first()
    services.attach_measure(
        questionnaire=psfs, by=alex.clinician, plan=plan, every_weeks=2, at_discharge=True
    )
    services.attach_measure(
        questionnaire=groc, by=alex.clinician, plan=plan, at_start=False, at_discharge=True
    )
