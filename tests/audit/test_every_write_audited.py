"""Every row of patient data created, changed or deleted is in the audit trail, however it
was written: services that write several rows write them one by one."""

import uuid

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from education.models import Article, ProgrammeTemplate
from patients import services
from patients.models import Alert, ArticleAssignment, PlanItem, PlanRevision


def created(obj):
    return LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj),
        object_pk=str(obj.pk),
        action=LogEntry.Action.CREATE,
    )


def test_assigning_a_programme_records_the_plan_each_exercise_and_each_article(
    library, patient_a2, clinician_a
):
    had = set(ArticleAssignment.objects.filter(patient=patient_a2).values_list("pk", flat=True))
    plan = services.create_plan_from_template(
        patient=patient_a2,
        template=ProgrammeTemplate.objects.get(slug="knee-build-phase-2"),
        created_by=clinician_a,
        start_date=patient_a2.clinic.today(),
    )
    given = ArticleAssignment.objects.filter(patient=patient_a2).exclude(pk__in=had)
    rows = [
        plan,
        *PlanItem.objects.filter(plan=plan),
        *PlanRevision.objects.filter(plan=plan),
        *given,
    ]
    assert len(rows) > 4
    for row in rows:
        entry = created(row).get()
        assert entry.additional_data == {
            "clinic": patient_a2.clinic_id,
            "patient": str(patient_a2.pk),
        }


def test_assigning_articles_records_each_assignment(library, patient_a2, clinician_a):
    given = patient_a2.article_assignments.values("article")
    articles = list(Article.objects.published().exclude(pk__in=given)[:3])
    made = services.assign_articles(patient=patient_a2, articles=articles, assigned_by=clinician_a)
    assert len(made) == 3
    assert all(created(assignment).exists() for assignment in made)


def test_a_session_and_the_exercises_done_are_recorded(plan_a, patient_a):
    session, _ = services.log_session(patient=patient_a, plan=plan_a, date=plan_a.start_date)
    assert created(session).exists()
    links = LogEntry.objects.filter(object_pk=str(session.pk), action=LogEntry.Action.UPDATE)
    assert any("items" in entry.changes_dict for entry in links)


def test_a_pain_entry_its_alert_and_the_acknowledgement_are_recorded(patient_a, clinician_a):
    entry, _ = services.record_pain(
        patient=patient_a, submission_id=uuid.uuid4(), score=9, swelling=True
    )
    alert = Alert.objects.get()
    assert created(entry).exists()
    assert created(alert).exists()
    services.acknowledge_alerts(alerts=[alert], by=clinician_a, outcome="called")
    update = LogEntry.objects.get(object_pk=str(alert.pk), action=LogEntry.Action.UPDATE)
    assert update.changes_dict["outcome"] == ["", "called"]
