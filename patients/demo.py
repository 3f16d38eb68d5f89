"""The demo patients' story: plans, reading, sessions and pain, created once."""

import datetime as dt
import uuid

from django.utils import timezone

from clinic.models import User
from education.models import Article, ProgrammeTemplate
from patients import extensions, reminders, services
from patients.models import WEEKDAYS, ArticleAssignment, PainEntry, Patient, ReminderPreference

# Stable tokens, so the demo's entries are the same rows whenever it is run.
NAMESPACE = uuid.UUID("5d1c6a52-2f5e-4b7e-9a3c-0c1f1b2d3e4f")


def demo_entries(patient, today_start, scores, *, context="after", location="kneecap"):
    """Pain entries on consecutive days ending yesterday, one per score."""
    for days_ago, score in zip(range(len(scores), 0, -1), scores, strict=True):
        PainEntry.objects.get_or_create(
            submission_id=uuid.uuid5(NAMESPACE, f"{patient.user.email}-{days_ago}"),
            defaults={
                "patient": patient,
                "score": score,
                "recorded_at": today_start - dt.timedelta(days=days_ago) + dt.timedelta(hours=19),
                "context": context,
                "location": location,
                "knee": patient.affected_side or PainEntry.Knee.RIGHT,
            },
        )


def load_demo_patients() -> None:
    phase_1 = ProgrammeTemplate.objects.get(slug="knee-settle-phase-1")
    riverside = User.objects.get(email="physio@riverside.example")
    lakeshore = User.objects.get(email="physio@lakeshore.example")

    alex = _patient("alex@patients.example", riverside, side="right", phone="613-555-0142")
    sam = _patient("sam@patients.example", riverside, side="left", phone="613-555-0187")
    remy = _patient("remy@patients.example", lakeshore, side="right", phone="514-555-0123")
    taylor = _patient("taylor@patients.example", riverside, side="left", phone="613-555-0164")

    # Alex asked for a reminder every evening; he can change the days and time under Reminders.
    if not ReminderPreference.objects.filter(patient=alex).exists():
        days = [day for day, _label in WEEKDAYS]
        reminders.save_preference(
            patient=alex, enabled=True, time=dt.time(18, 0), days=days, nudges=True
        )

    for patient in (alex, sam, remy, taylor):
        if patient.plans.exists():
            continue  # the story is told once; later runs leave it as it is
        clinic = patient.clinic
        today = clinic.today()
        today_start = timezone.make_aware(dt.datetime.combine(today, dt.time()), clinic.zone)
        clinician = patient.clinician
        if patient is alex:
            plan = services.create_plan_from_template(
                patient=alex,
                template=phase_1,
                created_by=clinician,
                start_date=today - dt.timedelta(days=21),
                review_date=today + dt.timedelta(days=7),
                message="Little and often. Stop any exercise that makes your knee worse.",
            )
            first = alex.article_assignments.order_by("article__title").first()
            ArticleAssignment.objects.filter(pk=first.pk).update(
                first_read_at=today_start - dt.timedelta(days=20)
            )
            for days_ago in range(21, 0, -1):
                if days_ago % 7 not in (0, 3):  # five sessions a week
                    services.log_session(
                        patient=alex, plan=plan, date=today - dt.timedelta(days=days_ago)
                    )
            # Three weeks trending down: from a sore 6 to an easy 2.
            demo_entries(
                alex, today_start, [6, 6, 5, 6, 5, 5, 4, 5, 4, 4, 3, 4, 3, 3, 3, 2, 3, 2, 2]
            )
            # The warning signs, with their teach-back questions waiting on his Today page.
            services.assign_articles(
                patient=alex,
                articles=Article.objects.filter(slug="warning-signs"),
                assigned_by=clinician,
            )
        elif patient is sam:
            services.create_plan_from_template(
                patient=sam,
                template=phase_1,
                created_by=clinician,
                start_date=today - dt.timedelta(days=5),
                review_date=today + dt.timedelta(days=9),
            )
            demo_entries(sam, today_start, [4, 4, 5])
            services.record_pain(
                patient=sam,
                submission_id=uuid.uuid5(NAMESPACE, "sam-warning"),
                score=6,
                recorded_at=timezone.now() - dt.timedelta(hours=2),
                context="rest",
                location="kneecap",
                knee="left",
                swelling=True,
                locking_or_giving_way=True,
                note="Knee gave way on the stairs this morning and looks puffy.",
            )
        elif patient is taylor:
            # Meets every criterion of phase 1: three weeks in, a session every day, pain
            # no higher than 3 all week, no alert. Her clinician has a proposal to accept.
            plan = services.create_plan_from_template(
                patient=taylor,
                template=phase_1,
                created_by=clinician,
                start_date=today - dt.timedelta(days=21),
                review_date=today + dt.timedelta(days=7),
            )
            for days_ago in range(21, 0, -1):
                services.log_session(
                    patient=taylor, plan=plan, date=today - dt.timedelta(days=days_ago)
                )
            demo_entries(taylor, today_start, [5, 4, 4, 3, 3, 2, 3, 2, 2, 1])
            services.evaluate_proposals(taylor)
        else:
            plan = services.create_plan_from_template(
                patient=remy,
                template=phase_1,
                created_by=clinician,
                start_date=today - dt.timedelta(days=10),
                review_date=today + dt.timedelta(days=14),
                message="On continue doucement : 5 jours sur 7.",
            )
            for days_ago in (9, 8, 6, 5, 3, 2):
                services.log_session(
                    patient=remy, plan=plan, date=today - dt.timedelta(days=days_ago)
                )
            demo_entries(remy, today_start, [5, 4, 4, 3], context="during", location="outside")
    extensions.run_demo_steps()  # the apps after patients (outcomes: alex's PSFS due today)


def _patient(email, clinician, *, side, phone):
    user = User.objects.get(email=email)
    patient, _ = Patient.objects.update_or_create(
        user=user,
        defaults={"phone": phone, "contact_time": Patient.ContactTime.MORNING},
        create_defaults={
            "clinic": clinician.staff_membership.clinic,
            "clinician": clinician,
            "affected_side": side,
            "phone": phone,
            "contact_time": Patient.ContactTime.MORNING,
        },
    )
    return patient
