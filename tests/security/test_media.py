"""/media/<path>: exercise pictures for signed-in people, as images and nothing else."""

import io

import pytest
from PIL import Image

from tests.security.conftest import LOGIN


def image_bytes(fmt):
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(out, format=fmt)
    return out.getvalue()


@pytest.fixture
def media_root(settings, tmp_path):
    root = tmp_path / "media"
    (root / "exercises").mkdir(parents=True)
    settings.MEDIA_ROOT = root
    (root / "exercises" / "bridge.png").write_bytes(image_bytes("PNG"))
    (root / "exercises" / "squat.jpg").write_bytes(image_bytes("JPEG"))
    (root / "exercises" / "lunge.webp").write_bytes(image_bytes("WEBP"))
    (tmp_path / "outside.png").write_bytes(image_bytes("PNG"))
    return root


@pytest.fixture
def patient_client(client, patient_a):
    client.force_login(patient_a.user)
    return client


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("bridge.png", "image/png"), ("squat.jpg", "image/jpeg"), ("lunge.webp", "image/webp")],
)
def test_a_picture_is_served_with_its_type(patient_client, media_root, name, content_type):
    response = patient_client.get(f"/media/exercises/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == "inline"
    assert b"".join(response.streaming_content) == (media_root / "exercises" / name).read_bytes()


def test_staff_see_pictures_too(client, clinician_a, media_root):
    client.force_login(clinician_a)
    assert client.get("/media/exercises/bridge.png").status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(client, media_root):
    response = client.get("/media/exercises/bridge.png")
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=/media/exercises/bridge.png"


@pytest.mark.parametrize(
    "path",
    [
        "/media/../outside.png",
        "/media/exercises/../../outside.png",
        "/media/%2e%2e/outside.png",
        "/media/..%2foutside.png",
        "/media//etc/passwd",
        "/media/exercises/",
        "/media/exercises/missing.png",
    ],
)
def test_nothing_outside_the_media_folder_or_missing_is_served(patient_client, media_root, path):
    assert patient_client.get(path).status_code == 404


def test_an_html_file_in_the_media_folder_is_not_served(patient_client, media_root):
    (media_root / "exercises" / "page.html").write_text("<script>alert(1)</script>")
    assert patient_client.get("/media/exercises/page.html").status_code == 404


def test_a_file_whose_name_and_content_disagree_is_not_served(patient_client, media_root):
    (media_root / "exercises" / "fake.png").write_text("<script>alert(1)</script>")
    (media_root / "exercises" / "real.html").write_bytes(image_bytes("PNG"))
    (media_root / "exercises" / "jpeg.png").write_bytes(image_bytes("JPEG"))
    for name in ["fake.png", "real.html", "jpeg.png"]:
        assert patient_client.get(f"/media/exercises/{name}").status_code == 404, name


def test_other_image_types_are_not_served(patient_client, media_root):
    (media_root / "exercises" / "old.gif").write_bytes(image_bytes("GIF"))
    assert patient_client.get("/media/exercises/old.gif").status_code == 404


def test_a_link_out_of_the_media_folder_is_not_followed(patient_client, media_root, tmp_path):
    (media_root / "exercises" / "link.png").symlink_to(tmp_path / "outside.png")
    assert patient_client.get("/media/exercises/link.png").status_code == 404


def test_a_post_is_refused(patient_client, media_root):
    assert patient_client.post("/media/exercises/bridge.png").status_code == 405
