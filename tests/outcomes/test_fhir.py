"""FHIR in and out: a clinic's questionnaire imported (or refused whole), a patient's pain
and answers exported as a Bundle that fhir.resources reads, for the patient and their
clinician only, and audited."""

import json

import pytest
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle

from clinic.models import AccessRecord
from outcomes import definition, fhir, services
from outcomes.models import Questionnaire
from tests.conftest import make_pain_entry
from tests.outcomes.conftest import psfs_answers


def own_questionnaire(**changes) -> dict:
    """A small questionnaire of our own, in FHIR, with the portal's scoring extension."""
    resource = {
        "resourceType": "Questionnaire",
        "name": "kneeconfidence",
        "version": "1",
        "status": "active",
        "language": "en",
        "title": "Knee confidence",
        "_title": {
            "extension": [
                {
                    "url": fhir.TRANSLATION_URL,
                    "extension": [
                        {"url": "lang", "valueCode": "fr"},
                        {"url": "content", "valueString": "Confiance envers le genou"},
                    ],
                }
            ]
        },
        "extension": [
            {
                "url": fhir.SCORING_URL,
                "extension": [
                    {"url": "method", "valueCode": "sum"},
                    {"url": "item", "valueString": "q1"},
                    {"url": "item", "valueString": "q2"},
                    {"url": "rescale", "valueBoolean": True},
                    {"url": "mcid", "valueDecimal": 10},
                ],
            }
        ],
        "item": [
            {
                "linkId": f"q{n}",
                "type": "integer",
                "text": f"Question {n}",
                "extension": [
                    {"url": fhir.MIN_URL, "valueInteger": 0},
                    {"url": fhir.MAX_URL, "valueInteger": 10},
                ],
            }
            for n in (1, 2)
        ],
    }
    resource.update(changes)
    return resource


def raw(resource) -> bytes:
    return json.dumps(resource).encode()


def test_a_questionnaire_of_our_own_is_imported(clinic_a):
    questionnaire = fhir.import_questionnaire(raw=raw(own_questionnaire()), clinic=clinic_a)
    assert questionnaire.clinic == clinic_a
    assert questionnaire.title_fr == "Confiance envers le genou"
    assert [item["type"] for item in questionnaire.items] == ["scale", "scale"]
    assert questionnaire.languages == ["en"]  # its items are in English only


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json at all", "not JSON"),
        (raw({"resourceType": "Patient"}), "not a FHIR Questionnaire"),
        (raw(own_questionnaire(item=[])), "no items"),
        (raw(own_questionnaire(item="nonsense")), "not a valid FHIR R4 Questionnaire"),
        (raw(own_questionnaire(extension=[])), "no scoring extension"),
        (b" " * (10 * 1024 * 1024), "larger than 1 MB"),
    ],
)
def test_a_bad_file_is_refused_whole(clinic_a, content, message):
    before = Questionnaire.objects.count()
    with pytest.raises(definition.DefinitionError) as error:
        fhir.import_questionnaire(raw=content, clinic=clinic_a)
    assert any(message in problem for problem in error.value.errors)
    assert Questionnaire.objects.count() == before


def test_a_score_rule_naming_a_missing_item_is_refused(clinic_a):
    resource = own_questionnaire()
    resource["extension"][0]["extension"][2]["valueString"] = "q9"
    with pytest.raises(definition.DefinitionError, match="“q9”"):
        fhir.import_questionnaire(raw=raw(resource), clinic=clinic_a)


def test_a_shipped_measure_goes_out_and_back_unchanged(psfs):
    document = fhir.read_questionnaire(raw(fhir.questionnaire_resource(psfs)))
    assert (
        document["items"]
        == definition.check({**fhir.read_questionnaire(raw(fhir.questionnaire_resource(psfs)))})[
            "items"
        ]
    )
    assert [sorted(item.items()) for item in document["items"]] == [
        sorted(item.items()) for item in psfs.items
    ]
    assert document["scoring"] == {**psfs.scoring}
    assert document["title"] == {"en": psfs.title_en, "fr": psfs.title_fr}
    assert float(document["mcid"]) == float(psfs.mcid)


def test_the_manager_imports_and_then_schedules_it(client, manager_a, plan_a, patient_a):
    client.force_login(manager_a)
    upload = raw(own_questionnaire())
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("admin:outcomes_questionnaire_import"),
        {"file": SimpleUploadedFile("own.json", upload, "application/json")},
    )
    assert response.status_code == 302
    questionnaire = Questionnaire.objects.get(code="kneeconfidence")
    response = client.post(
        reverse("admin:outcomes_measureschedule_add"),
        {"questionnaire": questionnaire.pk, "plan": plan_a.pk, "at_start": "on"},
    )
    assert response.status_code == 302
    client.force_login(patient_a.user)
    assert "Knee confidence" in client.get("/").text


def test_the_import_page_shows_what_is_wrong(client, manager_a):
    client.force_login(manager_a)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("admin:outcomes_questionnaire_import"),
        {"file": SimpleUploadedFile("own.json", b"{oops", "application/json")},
    )
    assert response.status_code == 200
    assert "The file is not JSON." in response.text
    assert "error-summary" in response.text


def test_a_clinician_may_not_import(client, clinician_a):
    client.force_login(clinician_a)
    assert client.get(reverse("admin:outcomes_questionnaire_import")).status_code == 403


@pytest.fixture
def history(plan_a, patient_a, psfs, clinician_a):
    schedule = services.attach_measure(questionnaire=psfs, by=clinician_a, plan=plan_a)
    make_pain_entry(patient_a, score=4)
    make_pain_entry(patient_a, score=None, swelling=True)  # a warning sign alone: no score
    from outcomes import selectors

    (due,) = selectors.due_for([patient_a], patient_a.clinic.today())
    services.submit_response(
        patient=patient_a, due=due, answers=psfs_answers(rating_1=3), language="en"
    )
    return schedule


def test_the_patients_bundle_is_valid_fhir(client, patient_a, history):
    client.force_login(patient_a.user)
    response = client.get(reverse("outcomes:fhir_bundle"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    bundle = Bundle.model_validate(json.loads(response.content))
    kinds = [entry.resource.get_resource_type() for entry in bundle.entry]
    assert kinds.count("Observation") == 1  # the score, not the warning sign alone
    assert kinds.count("QuestionnaireResponse") == 1
    observation = next(
        e.resource for e in bundle.entry if e.resource.get_resource_type() == "Observation"
    )
    assert observation.code.coding[0].code == "72514-3"
    assert observation.valueInteger == 4
    assert AccessRecord.objects.filter(action="export_fhir", patient_id=patient_a.pk).exists()


def test_every_pain_score_is_in_the_bundle_and_each_is_valid_fhir(client, patient_a, history):
    for score in range(11):
        make_pain_entry(patient_a, score=score)
    client.force_login(patient_a.user)
    bundle = Bundle.model_validate(json.loads(client.get(reverse("outcomes:fhir_bundle")).content))
    scores = [
        e.resource.valueInteger
        for e in bundle.entry
        if e.resource.get_resource_type() == "Observation"
    ]
    assert sorted(scores) == sorted([4, *range(11)])


def test_a_bundle_that_is_not_valid_fhir_is_never_handed_out(patient_a, history, monkeypatch):
    from pydantic import ValidationError

    monkeypatch.setattr(
        fhir,
        "questionnaire_resource",
        lambda q: {"resourceType": "Questionnaire"},  # no status: not FHIR,
    )
    with pytest.raises(ValidationError):
        fhir.patient_bundle(patient_a)


def test_the_clinician_downloads_the_bundle(client, clinician_a, patient_a, history):
    client.force_login(clinician_a)
    response = client.get(reverse("admin:outcomes_fhir_export", args=[patient_a.pk]))
    assert response.status_code == 200
    assert b"QuestionnaireResponse" in response.content
    record = AccessRecord.objects.get(action="export_fhir")
    assert record.actor == clinician_a


def test_another_clinic_gets_not_found(client, clinician_b, patient_a, history):
    client.force_login(clinician_b)
    response = client.get(reverse("admin:outcomes_fhir_export", args=[patient_a.pk]))
    assert response.status_code == 404


def test_the_front_desk_sees_no_answers(client, front_desk_a, patient_a, history):
    client.force_login(front_desk_a)
    assert client.get(reverse("admin:outcomes_fhir_export", args=[patient_a.pk])).status_code == 403
    assert client.get(reverse("admin:outcomes_response_changelist")).status_code == 403


def test_the_summary_shows_the_change_against_the_band(client, clinician_a, patient_a, history):
    client.force_login(clinician_a)
    response = client.get(reverse("admin:patients_patient_change", args=[patient_a.pk]))
    assert "Outcome measures" in response.text
    assert 'class="mcid-band"' in response.text


def summary_queries(client, patient):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("admin:patients_patient_change", args=[patient.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_summary_makes_as_many_queries_for_one_answer_as_for_many(
    client, clinician_a, patient_a, history
):
    from outcomes.models import Response

    client.force_login(clinician_a)
    few = summary_queries(client, patient_a)
    first = Response.objects.get()
    for n in range(10):
        Response.objects.create(
            patient=patient_a,
            plan=first.plan,
            schedule=first.schedule,
            occasion=first.occasion.replace(year=first.occasion.year - 1 - n),
            questionnaire=first.questionnaire,
            language="en",
            answers=first.answers,
            score=n,
            submitted_at=first.submitted_at,
        )
        make_pain_entry(patient_a, score=n)
    assert summary_queries(client, patient_a) == few


def test_the_documented_example_imports_in_both_languages(clinic_a):
    from pathlib import Path

    example = Path(__file__).resolve().parents[2] / "docs/examples/knee-confidence.fhir.json"
    questionnaire = fhir.import_questionnaire(raw=example.read_bytes(), clinic=clinic_a)
    assert questionnaire.languages == ["en", "fr"]


def test_a_questionnaire_in_english_only_is_marked_so_for_a_french_reader(
    client, clinic_a, plan_a, patient_a, clinician_a
):
    questionnaire = fhir.import_questionnaire(raw=raw(own_questionnaire()), clinic=clinic_a)
    schedule = services.attach_measure(questionnaire=questionnaire, by=clinician_a, plan=plan_a)
    patient_a.user.language = "fr"
    patient_a.user.save()
    client.force_login(patient_a.user)
    page = client.get(reverse("outcomes:answer", args=[plan_a.pk, schedule.pk])).text
    assert '<span lang="en">Question 1</span>' in page
    assert "Confiance envers le genou" in page  # the title has its French


def test_markup_in_a_clinics_questionnaire_is_shown_as_text(
    client, clinic_a, plan_a, patient_a, clinician_a
):
    resource = own_questionnaire()
    resource["item"][0]["text"] = '<script>alert("x")</script><b>Q</b>'
    questionnaire = fhir.import_questionnaire(raw=raw(resource), clinic=clinic_a)
    schedule = services.attach_measure(questionnaire=questionnaire, by=clinician_a, plan=plan_a)
    client.force_login(patient_a.user)
    page = client.get(reverse("outcomes:answer", args=[plan_a.pk, schedule.pk])).text
    assert "<script>alert" not in page and "<b>Q</b>" not in page
    assert "&lt;script&gt;" in page
