"""A clinic's own pictures of its exercise print on the handout, after our drawing or in its
place, in their order, each described for people who cannot see it; read from our own media
storage only."""

import pytest
from PIL import Image

from education.models import ExercisePicture
from patients.models import PlanItem
from tests.education.conftest import make_exercise
from tests.handouts.conftest import pdf_of, quick_pdf_html
from tests.handouts.test_accessible_pdf import struct_tree


@pytest.fixture
def own_exercise_in_plan(plan_a, clinic_a, settings, tmp_path):
    """The clinic's own exercise (no drawing of ours), with two pictures, added to plan_a."""
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "exercises").mkdir()
    exercise = make_exercise("wall-squat", clinic=clinic_a)
    for position, (name, caption, description) in enumerate(
        [
            ("lift.png", "Lift", "The patient's hips lifted off the mat, knees bent"),
            ("start.png", "Start", "The patient lying on a mat, knees bent, feet flat"),
        ]
    ):
        Image.new("RGB", (40, 30), "steelblue").save(tmp_path / "exercises" / name)
        # Saved out of order: the handout follows `position`.
        ExercisePicture.objects.create(
            exercise=exercise,
            position=1 - position,
            image=f"exercises/{name}",
            caption_en=caption,
            caption_fr=caption,
            description_en=description,
            description_fr=description,
        )
    PlanItem.objects.create(plan=plan_a, exercise=exercise, position=99, **exercise.dose.values())
    return exercise


def test_the_handout_prints_the_clinics_pictures_in_order_with_their_descriptions(
    client, clinician_a, plan_a, own_exercise_in_plan
):
    client.force_login(clinician_a)
    reader = pdf_of(client.get(f"/admin/patients/plan/{plan_a.pk}/handout.pdf"))

    figures = [
        attrs.get("/Alt") for _depth, role, attrs in struct_tree(reader) if role == "/Figure"
    ]
    start = "The patient lying on a mat, knees bent, feet flat"
    lift = "The patient's hips lifted off the mat, knees bent"
    assert figures.index(start) < figures.index(lift)
    assert any(page.images for page in reader.pages)  # the pictures, read and drawn
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Start" in text and "Lift" in text  # their captions


def test_a_picture_outside_our_media_is_not_fetched(
    client, clinician_a, plan_a, own_exercise_in_plan, quick_pdf
):
    picture = own_exercise_in_plan.pictures.first()
    client.force_login(clinician_a)
    html = quick_pdf_html(client.get(f"/admin/patients/plan/{plan_a.pk}/handout.pdf"))
    # The page links the picture under our own media address: what the PDF renderer reads
    # through the media checks (tests/handouts/test_pdf_fetcher.py).
    assert f'src="{picture.image.url}"' in html
    assert picture.image.url.startswith("/media/")
