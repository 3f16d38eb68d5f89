"""Uploaded pictures in an S3-compatible object store (DJANGO_MEDIA_STORAGE=s3), against a
local moto server: the upload, the media view with all its checks, and the PDF renderer work
as they do with files on disk, and nothing is written to the local media folder."""

import io
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from PIL import Image

from education.models import Exercise
from tests import s3
from tests.education.conftest import exercise_form
from tests.handouts.conftest import pdf_of
from tests.security.conftest import LOGIN

ADD_URL = "/admin/education/exercise/add/"


def image_bytes(fmt, size=(40, 30)):
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, format=fmt)
    return out.getvalue()


def put(endpoint, bucket, key, body):
    s3.client(endpoint).put_object(Bucket=bucket, Key=f"media/{key}", Body=body)


def upload_picture(client, name="bridge.png"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    picture = SimpleUploadedFile(name, image_bytes("PNG"), content_type="image/png")
    response = client.post(ADD_URL, exercise_form(image=picture))
    assert response.status_code == 302
    return Exercise.objects.get(slug="side-plank")


def test_an_upload_goes_to_the_bucket_and_is_served_by_the_portal(
    client, clinician_a, patient_a, s3_media, s3_endpoint
):
    bucket, media_root = s3_media
    client.force_login(clinician_a)
    exercise = upload_picture(client)

    assert exercise.image.name == "exercises/bridge.png"
    assert s3.keys(s3_endpoint, bucket) == ["media/exercises/bridge.png"]
    assert not media_root.exists()
    # The page links to the portal's own address, never to the store.
    assert exercise.image.url == "/media/exercises/bridge.png"

    client.force_login(patient_a.user)
    response = client.get("/media/exercises/bridge.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    stored = s3.client(s3_endpoint).get_object(Bucket=bucket, Key="media/exercises/bridge.png")
    assert b"".join(response.streaming_content) == stored["Body"].read()


def test_a_second_upload_of_the_same_name_keeps_both(client, clinician_a, s3_media, s3_endpoint):
    bucket, _media_root = s3_media
    client.force_login(clinician_a)
    first = upload_picture(client)
    first.slug = "first"
    first.save()
    second = upload_picture(client)
    assert first.image.name != second.image.name
    assert len(s3.keys(s3_endpoint, bucket)) == 2


def test_the_objects_are_private(client, clinician_a, s3_media, s3_endpoint):
    bucket, _media_root = s3_media
    client.force_login(clinician_a)
    upload_picture(client)
    acl = s3.client(s3_endpoint).get_object_acl(Bucket=bucket, Key="media/exercises/bridge.png")
    grantees = {grant["Grantee"].get("URI") for grant in acl["Grants"]}
    assert "http://acs.amazonaws.com/groups/global/AllUsers" not in grantees
    assert "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" not in grantees


def test_a_signed_link_to_the_store_is_short_lived(s3_media):
    from django.core.files.storage import default_storage

    link = default_storage.signed_url("exercises/bridge.png")
    expires = int(parse_qs(urlsplit(link).query)["Expires"][0])
    assert 0 < expires - time.time() <= 300


def test_anonymous_visitors_are_sent_to_sign_in(client, s3_media, s3_endpoint):
    bucket, _media_root = s3_media
    put(s3_endpoint, bucket, "exercises/bridge.png", image_bytes("PNG"))
    response = client.get("/media/exercises/bridge.png")
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=/media/exercises/bridge.png"


@pytest.mark.parametrize(
    "path",
    [
        "/media/exercises/missing.png",
        "/media/exercises/page.html",  # not a picture
        "/media/exercises/fake.png",  # a script named .png
        "/media/exercises/real.html",  # a picture named .html
        "/media/exercises/jpeg.png",  # a JPEG named .png
        "/media/exercises/old.gif",  # another image type
        "/media/../outside.png",
        "/media/exercises/../../outside.png",
        "/media/%2e%2e/outside.png",
        "/media//media/exercises/bridge.png",
        "/media/exercises/",
    ],
)
def test_the_media_views_checks_hold_for_the_store(patient_a, client, s3_media, s3_endpoint, path):
    bucket, _media_root = s3_media
    put(s3_endpoint, bucket, "exercises/bridge.png", image_bytes("PNG"))
    put(s3_endpoint, bucket, "exercises/page.html", b"<script>alert(1)</script>")
    put(s3_endpoint, bucket, "exercises/fake.png", b"<script>alert(1)</script>")
    put(s3_endpoint, bucket, "exercises/real.html", image_bytes("PNG"))
    put(s3_endpoint, bucket, "exercises/jpeg.png", image_bytes("JPEG"))
    put(s3_endpoint, bucket, "exercises/old.gif", image_bytes("GIF"))
    s3.client(s3_endpoint).put_object(Bucket=bucket, Key="outside.png", Body=image_bytes("PNG"))
    client.force_login(patient_a.user)
    assert client.get("/media/exercises/bridge.png").status_code == 200
    assert client.get(path).status_code == 404


def test_a_picture_in_the_store_prints_on_the_handout(
    client, clinician_a, plan_a, s3_media, s3_endpoint
):
    bucket, media_root = s3_media
    put(s3_endpoint, bucket, "exercises/quad.png", image_bytes("PNG"))
    exercise = plan_a.items.order_by("position").first().exercise
    exercise.image = "exercises/quad.png"
    exercise.image_alt = "A person lying with a towel under the knee"
    exercise.save()
    client.force_login(clinician_a)
    response = client.get(f"/admin/patients/plan/{plan_a.pk}/handout.pdf")
    assert len(pdf_of(response).pages[0].images) == 1
    assert not media_root.exists()


def test_the_renderer_refuses_what_the_media_view_refuses(s3_media, s3_endpoint):
    from patients.pdf import PortalURLFetcher, RefusedURL

    bucket, _media_root = s3_media
    put(s3_endpoint, bucket, "exercises/fake.png", b"<svg onload='alert(1)'/>")
    with pytest.raises(RefusedURL):
        PortalURLFetcher("https://portal.example/").fetch(
            "https://portal.example/media/exercises/fake.png"
        )


def test_the_environment_chooses_the_storage(fresh_settings):
    default = fresh_settings(DJANGO_DEBUG="true").STORAGES["default"]
    assert default["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    store = fresh_settings(
        DJANGO_DEBUG="true",
        DJANGO_MEDIA_STORAGE="s3",
        DJANGO_S3_BUCKET="clinic-group-media",
        DJANGO_S3_ENDPOINT_URL="https://objects.example",
    ).STORAGES["default"]
    assert store["BACKEND"] == "clinic.storage.PrivateS3Storage"
    assert store["OPTIONS"]["bucket_name"] == "clinic-group-media"
    assert store["OPTIONS"]["endpoint_url"] == "https://objects.example"
    assert store["OPTIONS"]["default_acl"] is None
    assert store["OPTIONS"]["querystring_expire"] == 300


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DJANGO_MEDIA_STORAGE": "s3"}, "needs DJANGO_S3_BUCKET"),
        ({"DJANGO_MEDIA_STORAGE": "ftp"}, "is not a media storage"),
    ],
)
def test_a_storage_the_portal_cannot_use_stops_start_up(fresh_settings, env, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        fresh_settings(DJANGO_DEBUG="true", **env)
