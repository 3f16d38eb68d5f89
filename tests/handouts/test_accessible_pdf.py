"""Handout PDFs a screen reader can read (PDF/UA-1): tagged, in the patient's language, with
a title, the reading order of the page, and every picture described. And short: a typical
plan prints on at most four Letter pages."""

import pytest
from PIL import Image

from patients.models import Patient
from tests.conftest import CAST_PKS, PortalClient, make_plan, rows_for_the_module
from tests.handouts.conftest import pdf_of

# Every test prints from the cast, those reading the module's handouts too: marked, they run
# while the cast is there (pytest-django runs the tests that use no database last, after the
# transactional ones have emptied it).
pytestmark = pytest.mark.django_db


def struct_tree(reader) -> list[tuple[int, str, dict]]:
    """The PDF's structure tree in reading order: (depth, role, attributes) for each
    element, attributes being its alternative text and language where it has them."""
    found = []

    def walk(node, depth):
        node = node.get_object()
        if isinstance(node, list):
            for kid in node:
                walk(kid, depth)
            return
        if not hasattr(node, "get"):
            return  # a marked-content id: the text itself
        role = node.get("/S")
        if role is not None:
            attributes = {key: str(node[key]) for key in ("/Alt", "/Lang") if key in node}
            found.append((depth, str(role), attributes))
        if node.get("/K") is not None:
            walk(node["/K"], depth + 1)

    walk(reader.trailer["/Root"]["/StructTreeRoot"], 0)
    return found


def roles(tree) -> list[str]:
    return [role for _depth, role, _attributes in tree]


def give_typical_plan(patient):
    """Phase 2 of the knee programme (seven exercises, each with a note from the clinician)
    and a message: what a clinician typically gives."""
    plan = make_plan(patient, template_slug="knee-build-phase-2")
    plan.message = (
        "Good work in phase 1. Do these every other day, and keep walking on the days in "
        "between. Call if the knee swells again."
    )
    plan.save()
    return plan


@pytest.fixture
def typical_plan(patient_a):
    return give_typical_plan(patient_a)


@pytest.fixture(scope="module")
def typical_handouts(django_db_setup, django_db_blocker):
    """For the tests that only read it, the typical plan's handout as patient_a prints it in
    each language, printed once: (how many exercises it has, {language: the PDF}). The rows
    it took are rolled back before any test runs."""
    with rows_for_the_module(django_db_blocker):
        patient = Patient.objects.select_related("clinic", "clinician", "user")
        plan = give_typical_plan(patient.get(pk=CAST_PKS["patient_a"]))
        handouts = {}
        for language in ("en", "fr"):
            plan.patient.user.language = language
            plan.patient.user.save()
            handouts[language] = pdf_for(PortalClient(), plan.patient.user, plan)
        exercises = plan.items.count()
    return exercises, handouts


def pdf_for(client, user, plan, query=""):
    client.force_login(user)
    return pdf_of(client.get(f"/plans/{plan.pk}/handout.pdf{query}"))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_handout_is_a_tagged_pdf_in_the_patients_language(typical_handouts, language):
    _exercises, handouts = typical_handouts
    reader = handouts[language]
    catalog = reader.trailer["/Root"]

    assert catalog["/MarkInfo"]["/Marked"]
    assert catalog["/Lang"] == language
    # PDF/UA: the title shows in the reader's window, not the file name.
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]
    title = {"en": "Your home exercise programme", "fr": "Votre programme d'exercices"}
    assert reader.metadata.title.startswith(title[language])
    assert reader.xmp_metadata.dc_title["x-default"] == reader.metadata.title
    assert "pdfuaid" in reader.xmp_metadata.rdf_root.toxml()


def test_the_tags_follow_the_handouts_reading_order(typical_handouts):
    exercises, handouts = typical_handouts
    tree = struct_tree(handouts["en"])
    order = roles(tree)
    # One title, then each exercise as an article with its heading, its dose as a table
    # (with header cells) and its steps as a list; then the sheet for the fridge.
    assert order.count("/H1") == 1
    assert order.index("/H1") < order.index("/Art")
    assert order.count("/Art") == exercises
    assert {"/Table", "/TH", "/TD", "/L", "/LI"} <= set(order)
    last_exercise = len(order) - 1 - order[::-1].index("/Art")
    assert order.index("/H1") < last_exercise < len(order) - 1
    assert all(depth > 0 for depth, _role, _attributes in tree)


def test_every_figure_has_its_description(client, typical_plan, patient_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "exercises").mkdir()
    Image.new("RGB", (40, 30), "steelblue").save(tmp_path / "exercises" / "step.png")
    exercise = typical_plan.items.order_by("position").first().exercise
    exercise.image = "exercises/step.png"
    exercise.image_alt = "A person stepping down slowly from a low step"
    exercise.save()

    tree = struct_tree(pdf_for(client, patient_a.user, typical_plan))
    figures = [attributes for _depth, role, attributes in tree if role == "/Figure"]
    # The exercise's picture, and the QR code that leads to the portal.
    assert {"/Alt": "A person stepping down slowly from a low step"} in figures
    assert {"/Alt": "QR code for the address below"} in figures
    assert all(figure.get("/Alt") for figure in figures)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_typical_plan_prints_on_four_letter_pages_at_most(typical_handouts, language):
    _exercises, handouts = typical_handouts
    reader = handouts[language]
    assert len(reader.pages) <= 4
    assert round(float(reader.pages[0].mediabox.height)) == 792  # Letter: 11 inches


def test_large_print_takes_the_pages_it_needs(client, typical_plan, patient_a):
    reader = pdf_for(client, patient_a.user, typical_plan, "?large=1")
    assert len(reader.pages) > 4
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_article_pdf_is_tagged_and_titled_by_the_article(client, patient_a, library, language):
    from education.models import Article
    from patients.services import assign_articles

    patient_a.user.language = language
    patient_a.user.save()
    article = Article.objects.filter(status=Article.Status.PUBLISHED, clinic=None).first()
    (assignment,) = assign_articles(patient=patient_a, articles=[article], assigned_by=None)
    client.force_login(patient_a.user)
    reader = pdf_of(client.get(f"/articles/{assignment.pk}/handout.pdf"))
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"]
    assert catalog["/Lang"] == language
    assert reader.metadata.title == getattr(article, f"title_{language}")
    order = roles(struct_tree(reader))
    # The clinic's header, then the article's title, then its sections under it.
    assert order.count("/H1") == 1
    assert "/H2" in order
    assert order.index("/H1") < order.index("/H2")
