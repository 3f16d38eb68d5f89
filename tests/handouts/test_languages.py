"""Each patient's handout in that patient's language: alone (the page and the PDF say so) or
in a morning's batch that mixes French and English patients, each handout its own."""

import re

import pytest

from tests.handouts.conftest import pdf_of, pdf_text
from tests.parity import foreign_words, read

PLANS = "/admin/patients/plan/"


@pytest.fixture
def remy_like(patient_a):
    """Patient A reads French; patient A2 stays English."""
    patient_a.user.language = "fr"
    patient_a.user.save(update_fields=["language"])
    return patient_a


def sections(html):
    """{language: the handout's html} for each handout section of a print page."""
    parts = re.split(r'<section class="handout handout-programme" lang="(\w+)">', html)[1:]
    return dict(zip(parts[::2], parts[1::2], strict=True))


def test_a_batch_prints_each_patient_in_their_own_language(
    client, front_desk_a, remy_like, plan_a, plan_a2
):
    client.force_login(front_desk_a)  # who reads the admin in English
    response = client.post(
        PLANS,
        {"action": "print_handouts", "_selected_action": [str(plan_a.pk), str(plan_a2.pk)]},
    )
    text = pdf_text(response)
    assert "Votre programme d'exercices à domicile" in text
    assert "Contraction du quadriceps" in text
    assert "Your home exercise programme" in text
    assert "Quad set" in text
    # Several languages: the document is the reader's, each handout marked with its own.
    assert pdf_of(response).trailer["/Root"]["/Lang"] == "en"


def test_the_batch_print_page_marks_each_handout_with_its_language(
    client, remy_like, plan_a, plan_a2
):
    from patients import handouts
    from patients.models import Plan

    plans = list(Plan.objects.for_handout().filter(pk__in=[plan_a.pk, plan_a2.pk]))
    html = handouts.render_page(
        None, handouts.plan_handouts(plans), options=handouts.PrintOptions(), for_pdf=True
    )
    assert '<html lang="en">' in html
    for language, part in sections(html).items():
        text, marked = read(part, language)
        assert not foreign_words(text, language), language
        assert marked == []
    assert set(sections(html)) == {"fr", "en"}


@pytest.mark.parametrize(("reader", "toolbar"), [("en", ' lang="en"'), ("fr", "")])
def test_one_patients_handout_is_a_document_in_their_language(
    client, clinician_a, remy_like, plan_a, reader, toolbar
):
    clinician_a.language = reader
    clinician_a.save(update_fields=["language"])
    client.force_login(clinician_a)
    html = client.get(f"{PLANS}{plan_a.pk}/handout/").content.decode()
    assert '<html lang="fr">' in html
    # The title too: it names the PDF, and a screen reader reads it first.
    assert "<title>Votre programme d'exercices à domicile</title>" in html
    # The screen-only toolbar stays in the reader's language, marked where it differs.
    assert re.search(rf'<nav class="print-toolbar" aria-label="[^"]+"{toolbar}>', html)
    pdf = client.get(f"{PLANS}{plan_a.pk}/handout.pdf")
    assert pdf_of(pdf).trailer["/Root"]["/Lang"] == "fr"
    assert "Contraction du quadriceps" in pdf_text(pdf)


def test_a_patient_prints_their_own_plan_in_their_language(client, remy_like, plan_a):
    client.force_login(remy_like.user)
    pdf = client.get(f"/plans/{plan_a.pk}/handout.pdf")
    assert pdf_of(pdf).trailer["/Root"]["/Lang"] == "fr"
    text = pdf_text(pdf)
    assert "Douleur au genou après l'effort" in text
    assert not foreign_words(text, "fr")
