"""A clinic's own pictures of its exercise: several, in order, each with a caption and a
required description, checked like the main picture; shown on the exercise page."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from education.models import Exercise, ExercisePicture
from tests.education.conftest import exercise_form, make_exercise

NOT_A_PICTURE = "This file is not a picture the portal can read. Upload a JPEG, PNG or WebP."


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def png(colour="steelblue"):
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, format="PNG")
    return SimpleUploadedFile("step.png", out.getvalue(), content_type="image/png")


@pytest.fixture
def own_exercise(clinic_a):
    return make_exercise("side-plank", clinic=clinic_a)


def change_form(exercise, *pictures):
    data = exercise_form(**{"pictures-TOTAL_FORMS": str(len(pictures))})
    for n, picture in enumerate(pictures):
        for field, value in picture.items():
            data[f"pictures-{n}-{field}"] = value
        data[f"pictures-{n}-exercise"] = str(exercise.pk)
    return data


def picture(position, image, caption, description, *, french=None):
    return {
        "position": str(position),
        "image": image,
        "caption_en": caption,
        "caption_fr": caption and f"{caption} (fr)",
        "description_en": description,
        "description_fr": french if french is not None else description and f"{description} fr",
    }


def url(exercise):
    return f"/admin/education/exercise/{exercise.pk}/change/"


def test_a_clinician_adds_pictures_in_order_with_their_descriptions(
    client, clinician_a, own_exercise
):
    client.force_login(clinician_a)
    response = client.post(
        url(own_exercise),
        change_form(
            own_exercise,
            picture(2, png("white"), "Lift", "Hips raised in a straight line."),
            picture(1, png(), "Start", "Lying on the side, propped on one elbow."),
        ),
    )
    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
    text = client.get("/library/exercises/side-plank/").content.decode()
    assert text.index('alt="Lying on the side, propped on one elbow."') < text.index(
        'alt="Hips raised in a straight line."'
    )
    assert "Start</figcaption>" in text


def test_a_picture_needs_its_description_in_both_languages_once_published(
    client, clinician_a, own_exercise
):
    client.force_login(clinician_a)
    response = client.post(
        url(own_exercise),
        change_form(own_exercise, picture(1, png(), "Start", "Lying on the side.", french="")),
    )
    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.errors
    assert "description_fr" in errors[0]
    assert not ExercisePicture.objects.exists()


def test_a_picture_is_checked_like_the_main_one(client, clinician_a, own_exercise, media_root):
    client.force_login(clinician_a)
    fake = SimpleUploadedFile("step.png", b"not a picture" * 50, content_type="image/png")
    response = client.post(
        url(own_exercise), change_form(own_exercise, picture(1, fake, "Start", "Lying down."))
    )
    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.errors
    assert errors[0]["image"] == [NOT_A_PICTURE]
    assert list(media_root.iterdir()) == []


def test_a_shipped_exercise_takes_no_uploads(client, clinician_a, library):
    client.force_login(clinician_a)
    shipped = Exercise.objects.get(slug="glute-bridge")
    response = client.post(
        url(shipped), change_form(shipped, picture(1, png(), "Start", "Lying down."))
    )
    assert response.status_code == 403
    assert not ExercisePicture.objects.exists()
