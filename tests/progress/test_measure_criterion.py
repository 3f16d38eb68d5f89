"""Issue 19's criterion "a measure improved by at least its important change", measured by
the outcomes app (outcomes.criteria): at its edge, and on a proposal the clinician reads."""

import datetime as dt
import html
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from education.models import PhaseCriterion
from outcomes import criteria, selectors, services
from outcomes.models import Questionnaire, Response
from patients import phases, rules
from patients import services as patient_services
from patients.models import PhaseProposal

# Every test meets the patient who is ready to move on (written once for the module).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("ready")]


def measured(code, scores):
    """The rule's result for a template naming `code`, the patient's scores oldest first."""
    questionnaire = Questionnaire.objects.get(code=code, clinic=None, version=1)
    found = selectors.improvement_from(questionnaire, [Decimal(s) for s in scores])
    facts = rules.PhaseFacts(
        today=dt.date(2026, 3, 1),
        plan=None,
        per_week=0,
        daily_highest={},
        session_dates=(),
        open_alerts=0,
        extra={criteria.KIND: {code: found}},
    )
    criterion = PhaseCriterion(kind=PhaseCriterion.Kind.MEASURE_MCID, measure=code)
    return rules.evaluate_criteria([criterion], facts)[0].as_dict()


@pytest.mark.parametrize(
    "code, scores, met, value, line",
    [
        # The PSFS (higher is better, MCID 2): improved exactly by 2 is met, by 1 is not.
        ("psfs", ["3", "5"], True, "2", "a change of +2 points (better by at least 2)"),
        ("psfs", ["3", "4"], False, "1", "a change of +1 points (better by at least 2)"),
        ("psfs", ["3", "4.8", "4.9"], False, "1.9", "a change of +1.9 points"),
        # Worse by 2 is not better by 2.
        ("psfs", ["5", "3"], False, "-2", "a change of −2 points"),
        # The baseline alone is no evidence.
        ("psfs", ["3"], False, None, "only the first response, 3 (better by at least 2)"),
        # The pain rating: lower is better.
        ("pain-nrs", ["6", "4"], True, "2", "a change of +2 points (better by at least 2)"),
        ("pain-nrs", ["4", "6"], False, "-2", "a change of −2 points"),
        # A rating of change is its own change (MCID 3).
        ("groc", ["3"], True, "3", "a change of +3 points (better by at least 3)"),
        ("groc", ["2"], False, "2", "a change of +2 points (better by at least 3)"),
        # No response: not met, and said so.
        ("psfs", [], False, None, "no response yet"),
    ],
)
def test_a_measure_improved_by_its_mcid(library, code, scores, met, value, line):
    result = measured(code, scores)
    assert (result["met"], result["value"]) == (met, value)
    with translation.override("en"):
        assert line in phases.describe_criterion(result)


def test_the_line_is_in_the_clinicians_language(library):
    with translation.override("fr"):
        line = phases.describe_criterion(measured("psfs", ["3", "4.5"]))
    assert line == (
        "Les activités difficiles pour vous (échelle fonctionnelle propre au patient) : "
        "un changement de +1,5 points (mieux d'au moins 2)"
    )
    with translation.override("fr"):
        assert "aucune réponse" in phases.describe_criterion(measured("psfs", []))


def test_the_criterion_names_its_measure(library):
    criterion = PhaseCriterion(
        template_id=1, kind=PhaseCriterion.Kind.MEASURE_MCID, measure="", position=1
    )
    with pytest.raises(ValidationError) as error:
        criterion.clean()
    assert "measure" in error.value.message_dict


def respond(patient, plan, questionnaire, schedule, score, *, days_ago):
    """A response, as if the patient answered `days_ago` days ago."""
    return Response.objects.create(
        patient=patient,
        plan=plan,
        schedule=schedule,
        occasion=patient.clinic.today() - dt.timedelta(days=days_ago),
        questionnaire=questionnaire,
        language="en",
        answers={"activity_1": "Stairs", "rating_1": score},
        score=score,
        submitted_at=timezone.now() - dt.timedelta(days=days_ago),
    )


@pytest.fixture
def psfs_criterion(ready):
    """Phase 1 also asks for the PSFS improved by its MCID (a clinic's choice; not shipped)."""
    _patient, plan = ready
    return PhaseCriterion.objects.create(
        template=plan.template, kind=PhaseCriterion.Kind.MEASURE_MCID, measure="psfs", position=9
    )


def test_a_template_naming_it_proposes_nothing_until_the_measure_improved(
    ready, psfs_criterion, clinician_a, client
):
    patient, plan = ready
    assert patient_services.evaluate_proposals(patient) == 0  # no response: nothing proposed
    psfs = Questionnaire.objects.get(code="psfs", clinic=None, version=1)
    schedule = services.attach_measure(questionnaire=psfs, by=clinician_a, plan=plan)
    respond(patient, plan, psfs, schedule, 3, days_ago=14)
    assert patient_services.evaluate_proposals(patient) == 0  # the baseline alone
    respond(patient, plan, psfs, schedule, 4, days_ago=1)
    assert patient_services.evaluate_proposals(patient) == 0  # better by 1 of 2
    respond(patient, plan, psfs, schedule, 5, days_ago=0)
    assert patient_services.evaluate_proposals(patient) == 1  # better by 2: every one met
    [proposal] = PhaseProposal.objects.filter(patient=patient).open()
    row = next(r for r in proposal.figures["criteria"] if r["kind"] == "measure_mcid")
    assert (row["met"], row["value"], row["target"], row["measure"]) == (True, "2", "2", "psfs")

    # The clinician reads it, with its figures, on the proposal and in the list.
    client.force_login(clinician_a)
    line = (
        "Activities that are hard for you (Patient-Specific Functional Scale): "
        "a change of +2 points (better by at least 2)"
    )
    page = html.unescape(client.get(f"/admin/patients/phaseproposal/{proposal.pk}/change/").text)
    assert line in page
    listing = html.unescape(client.get("/admin/patients/phaseproposal/").text)
    assert line in listing


def test_a_kind_nobody_measures_is_never_met(ready, psfs_criterion, monkeypatch):
    """Without the outcomes app's rule (uninstalled), the same template proposes nothing."""
    patient, _plan = ready
    monkeypatch.delitem(rules.CRITERIA, criteria.KIND)
    monkeypatch.delitem(phases.LOADERS, criteria.KIND)
    assert patient_services.evaluate_proposals(patient) == 0


def test_the_shipped_phase_1_does_not_ask_for_a_measure(library):
    """Shipped templates schedule no measure (a clinic attaches its own), so a shipped
    criterion on one would stop every proposal: it is a clinic's to add."""
    kinds = PhaseCriterion.objects.filter(template__slug="knee-settle-phase-1")
    assert PhaseCriterion.Kind.MEASURE_MCID not in kinds.values_list("kind", flat=True)


def test_answering_opens_the_proposal_at_once_and_a_correction_withdraws_it(
    ready, psfs_criterion, clinician_a
):
    from outcomes import selectors as due_now
    from outcomes.services import mark_entered_in_error, submit_response

    patient, plan = ready
    psfs = Questionnaire.objects.get(code="psfs", clinic=None, version=1)
    schedule = services.attach_measure(questionnaire=psfs, by=clinician_a, plan=plan)
    respond(patient, plan, psfs, schedule, 3, days_ago=14)
    [due] = [d for d in due_now.due_for([patient], patient.clinic.today()) if d.plan == plan]
    latest, _created = submit_response(
        patient=patient, due=due, answers={"activity_1": "Stairs", "rating_1": 6}, language="en"
    )
    [proposal] = PhaseProposal.objects.filter(patient=patient).open()  # no job needed
    mark_entered_in_error(response=latest, by=clinician_a)
    proposal.refresh_from_db()
    assert proposal.status == PhaseProposal.Status.WITHDRAWN
