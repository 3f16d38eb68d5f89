"""Exercise pictures uploaded through the admin: checked by content, size-capped, re-encoded."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

from education.models import Exercise
from tests.education.conftest import exercise_form, make_exercise

ADD_URL = "/admin/education/exercise/add/"
NOT_A_PICTURE = "This file is not a picture the portal can read. Upload a JPEG, PNG or WebP."


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def png_with_metadata():
    image = Image.new("RGB", (40, 30), "steelblue")
    exif = Image.Exif()
    exif[0x010E] = "Home of A. Patient"  # ImageDescription
    exif[0x8825] = {1: "N", 2: (45.0, 25.0, 12.0)}  # GPS
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "taken at 12 Elm Street")
    out = io.BytesIO()
    image.save(out, format="PNG", exif=exif, pnginfo=text)
    return out.getvalue()


def upload(name, content, content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_text_file_renamed_png_is_refused_and_nothing_is_saved(client, clinician_a, media_root):
    client.force_login(clinician_a)
    fake = upload("bridge.png", b"This is a shopping list, not a picture.\n" * 20)
    response = client.post(ADD_URL, exercise_form(image=fake))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["image"] == [NOT_A_PICTURE]
    assert NOT_A_PICTURE in response.text
    assert not Exercise.objects.filter(slug="side-plank").exists()  # the form's exercise
    assert list(media_root.iterdir()) == []


def test_a_file_over_5_mb_is_refused_with_its_size(client, clinician_a, media_root):
    client.force_login(clinician_a)
    big = upload("huge.png", b"\0" * (6 * 1024 * 1024))
    response = client.post(ADD_URL, exercise_form(image=big))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["image"] == [
        "The picture is 6.0\xa0MB. The largest allowed is 5.0\xa0MB."
    ]
    assert not Exercise.objects.filter(slug="side-plank").exists()  # the form's exercise
    assert list(media_root.iterdir()) == []


def test_a_picture_needs_a_description(client, clinician_a, media_root):
    client.force_login(clinician_a)
    picture = upload("bridge.png", png_with_metadata())
    response = client.post(ADD_URL, exercise_form(image=picture, image_alt=""))
    assert response.status_code == 200
    # By the description in the editor's language.
    assert response.context["adminform"].form.errors["image_alt_en"] == [
        "Describe the picture for screen readers."
    ]
    assert not Exercise.objects.filter(slug="side-plank").exists()  # the form's exercise


def test_a_real_picture_is_accepted_and_stored_without_its_metadata(
    client, clinician_a, media_root
):
    client.force_login(clinician_a)
    picture = upload("bridge.png", png_with_metadata())
    response = client.post(ADD_URL, exercise_form(image=picture))
    assert response.status_code == 302
    exercise = Exercise.objects.get(slug="side-plank")
    assert exercise.image.name == "exercises/bridge.png"
    with Image.open(exercise.image.path) as stored:
        stored.load()
        assert stored.format == "PNG"
        assert stored.size == (40, 30)
        assert "Comment" not in stored.info
        assert "exif" not in stored.info
        assert dict(stored.getexif()) == {}
    assert b"Elm Street" not in (media_root / exercise.image.name).read_bytes()


def test_a_picture_can_be_added_on_the_change_form(client, clinic_a, clinician_a, media_root):
    exercise = make_exercise("side-plank", name="Side plank", clinic=clinic_a)
    client.force_login(clinician_a)
    response = client.post(
        f"/admin/education/exercise/{exercise.pk}/change/",
        exercise_form(image=upload("plank.jpg", jpeg_bytes(), "image/jpeg")),
    )
    assert response.status_code == 302
    exercise.refresh_from_db()
    assert exercise.image.name == "exercises/plank.jpg"
    assert exercise.image_alt.startswith("A person lying on their side")


def test_the_change_form_refuses_a_non_picture_and_keeps_the_old_one(
    client, clinic_a, clinician_a, media_root
):
    exercise = make_exercise(
        "side-plank", image="exercises/old.png", image_alt="Old picture", clinic=clinic_a
    )
    client.force_login(clinician_a)
    response = client.post(
        f"/admin/education/exercise/{exercise.pk}/change/",
        exercise_form(image=upload("new.png", b"<?php echo 'hi'; ?>")),
    )
    assert response.status_code == 200
    assert NOT_A_PICTURE in response.text
    exercise.refresh_from_db()
    assert exercise.image.name == "exercises/old.png"


def jpeg_bytes():
    out = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(out, format="JPEG")
    return out.getvalue()


def srgb_profile():
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def picture_with_everything(fmt, mode="RGB"):
    """A picture carrying every kind of metadata its format can: a JPEG comment with PHP in
    it, EXIF with a GPS position and an orientation (turned a quarter), XMP, a colour
    profile, PNG text chunks."""
    image = Image.new(mode, (40, 20), "steelblue")
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: turn 90° to show upright
    exif[0x010E] = "Home of A. Patient"  # ImageDescription
    exif[0x8825] = {1: "N", 2: (45.0, 25.0, 12.0)}  # GPS
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "taken at 12 Elm Street")
    text.add_itxt("Description", "GPS 45.25N", zip=True)
    out = io.BytesIO()
    image.save(
        out,
        format=fmt,
        comment=b"<?php system($_GET['c']); ?>",
        exif=exif,
        xmp=b"<x:xmpmeta>Elm Street XMP</x:xmpmeta>",
        icc_profile=srgb_profile(),
        pnginfo=text,
    )
    return out.getvalue()


@pytest.mark.parametrize(
    ("fmt", "mode", "name", "content_type"),
    [
        ("JPEG", "RGB", "plank.jpg", "image/jpeg"),
        ("JPEG", "L", "plank.jpeg", "image/jpeg"),
        ("PNG", "RGB", "plank.png", "image/png"),
        ("PNG", "RGBA", "plank.png", "image/png"),
        ("PNG", "P", "plank.png", "image/png"),
        ("WEBP", "RGB", "plank.webp", "image/webp"),
    ],
)
def test_every_kind_of_metadata_is_stripped_and_the_picture_stays_upright(
    client, clinician_a, media_root, fmt, mode, name, content_type
):
    client.force_login(clinician_a)
    sent = picture_with_everything(fmt, mode)
    assert b"Elm Street" in sent or fmt == "PNG"  # Pillow writes PNG text compressed
    response = client.post(ADD_URL, exercise_form(image=upload(name, sent, content_type)))
    assert response.status_code == 302
    exercise = Exercise.objects.get(slug="side-plank")
    stored_bytes = (media_root / exercise.image.name).read_bytes()
    for secret in (b"<?php", b"Elm Street", b"Patient", b"GPS", b"xmpmeta", b"sRGB"):
        assert secret not in stored_bytes
    with Image.open(exercise.image.path) as stored:
        stored.load()
        assert stored.format == fmt
        assert stored.size == (20, 40)  # the orientation applied to the pixels
        found = {"comment", "exif", "xmp", "icc_profile", "Comment", "Description"}
        assert found & set(stored.info) == set()
        assert dict(stored.getexif()) == {}
