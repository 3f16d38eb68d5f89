"""Our own drawings of the shipped exercises: every frame captioned and described in both
languages, on the library pages, and drawn for the side the reader's dose names."""

import xml.etree.ElementTree as ET

import pytest

from clinic.languages import CODES
from education import figures
from education.content.exercises import EXERCISES
from education.content.figures import FIGURES
from education.models import Dose, Exercise
from education.services import copy_to_clinic

SVG = "{http://www.w3.org/2000/svg}"


def test_every_shipped_exercise_has_a_drawing_of_at_least_two_captioned_described_frames():
    assert {data["slug"] for data in EXERCISES} == set(FIGURES)
    for slug, figure in FIGURES.items():
        assert len(figure["frames"]) >= 2, slug
        for frame in figure["frames"]:
            for code in CODES:
                assert frame["caption"][code].strip(), (slug, code)
                assert len(frame["description"][code].split()) >= 5, (slug, code)
    # The step-down needs more than a start and an end.
    assert len(FIGURES["step-down"]["frames"]) >= 4


@pytest.mark.parametrize("language", CODES)
@pytest.mark.parametrize("side", ["left", "right"])
def test_each_frame_is_a_small_image_with_its_description(language, side):
    for slug, figure in FIGURES.items():
        drawn = figures.frames(slug, side=side, language=language)
        assert [frame.caption for frame in drawn] == [
            frame["caption"][language] for frame in figure["frames"]
        ]
        for frame, source in zip(drawn, figure["frames"], strict=True):
            svg = ET.fromstring(frame.svg)  # noqa: S314 - our own drawing, made above
            assert svg.get("role") == "img"
            assert source["description"][language] in svg.get("aria-label")
            assert svg.find(f"{SVG}title").text == svg.get("aria-label")
            # Nothing but drawing: no script, no link, no picture from elsewhere.
            tags = {element.tag.removeprefix(SVG) for element in svg.iter()}
            assert tags <= {"svg", "title", "g", "rect", "polyline", "circle"}, slug
            assert len(frame.svg.encode()) < 4000, slug


def test_the_right_side_is_the_left_drawing_mirrored_and_told():
    left = figures.frames("quad-set", side="left", language="en")
    right = figures.frames("quad-set", side="right", language="en")
    assert "matrix(-1" not in left[0].svg
    assert "matrix(-1" in right[0].svg
    assert "The right leg" in right[0].description
    assert "The left leg" in left[0].description
    french = figures.frames("quad-set", side="right", language="fr")
    assert "La jambe droite" in french[0].description


@pytest.mark.parametrize(
    ("dose_side", "patient_side", "drawn"),
    [
        ("affected", "right", "right"),
        ("affected", "left", "left"),
        ("affected", "", "left"),
        ("left", "right", "left"),
        ("right", "", "right"),
        ("both", "right", "right"),
    ],
)
def test_the_drawing_follows_the_dose_then_the_patient(dose_side, patient_side, drawn):
    assert figures.drawn_side(dose_side, patient_side) == drawn


def dose(side):
    return Dose(
        sets=1, reps=1, hold_seconds=0, rest_seconds=0, times_per_day=1, days_per_week=1, side=side
    )


@pytest.mark.parametrize(
    ("side", "patient_side", "shown"),
    [
        ("affected", "right", "Right knee"),
        ("affected", "left", "Left knee"),
        ("affected", "", "Affected side"),
        ("affected", "both", "Affected side"),
        ("right", "left", "Right knee"),
        ("both", "right", "Both sides"),
    ],
)
def test_a_patients_dose_names_their_knee(side, patient_side, shown):
    assert dose(side).for_patient(patient_side).get_side_display() == shown
    assert shown in dose(side).for_patient(patient_side).summary


def test_staff_read_the_dose_side_as_written():
    assert dose("affected").get_side_display() == "Affected side"
    assert dose("left").get_side_display() == "Left"


def test_the_shipped_library_is_loaded_with_its_drawings(library):
    shipped = Exercise.objects.filter(clinic=None, is_published=True)
    assert shipped.count() == len(FIGURES)
    for exercise in shipped:
        assert exercise.figure == exercise.slug
        assert len(exercise.figure_frames()) >= 2


def test_a_clinics_copy_keeps_the_drawing(library, clinic_a):
    copy = copy_to_clinic(item=Exercise.objects.get(slug="step-down"), clinic=clinic_a)
    assert copy.figure == "step-down"
    assert len(copy.figure_frames()) == len(FIGURES["step-down"]["frames"])


def test_the_exercise_page_shows_the_frames_in_order_with_their_descriptions(
    client, clinician_a, library
):
    client.force_login(clinician_a)
    text = client.get("/library/exercises/step-down/").content.decode()
    captions = [frame["caption"]["en"] for frame in FIGURES["step-down"]["frames"]]
    positions = [text.index(f"</span> {caption}</figcaption>") for caption in captions]
    assert positions == sorted(positions)
    for frame in FIGURES["step-down"]["frames"]:
        assert frame["description"]["en"].replace("'", "&#x27;") in text
    # The animation repeats the frames, hidden from screen readers (the list says it all).
    assert '<div class="figure-animation figure-animation-4" aria-hidden="true">' in text


def test_the_staff_library_lists_each_exercise_with_its_thumbnail(client, clinician_a, library):
    client.force_login(clinician_a)
    text = client.get("/library/").content.decode()
    assert text.count('<span class="exercise-thumb">') == len(FIGURES)


def test_the_french_reader_gets_french_captions(client, clinician_a, library):
    clinician_a.language = "fr"
    clinician_a.save(update_fields=["language"])
    client.force_login(clinician_a)
    text = client.get("/library/exercises/quad-set/").content.decode()
    assert "Contractez et appuyez" in text
    assert "Le mouvement, étape par étape" in text


def test_the_admin_shows_the_chosen_drawing_frame_by_frame(client, clinician_a, library):
    client.force_login(clinician_a)
    shipped = Exercise.objects.get(slug="step-down")
    text = client.get(f"/admin/education/exercise/{shipped.pk}/change/").content.decode()
    assert text.count('<figure class="figure-preview">') == len(FIGURES["step-down"]["frames"])
    assert "1. Start</figcaption>" in text
