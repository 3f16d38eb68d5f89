"""Media in the object store: a moto server for the module, a fresh bucket per test, and
Django's default storage pointed at it exactly as DJANGO_MEDIA_STORAGE=s3 would."""

import pytest

from clinic.env import env_media_storage
from tests import s3


@pytest.fixture(scope="session")
def s3_endpoint():
    with s3.moto_server() as endpoint:
        yield endpoint


@pytest.fixture
def s3_media(settings, monkeypatch, s3_endpoint, tmp_path):
    """The default storage is a fresh private bucket; MEDIA_ROOT an empty folder that must
    stay empty. Returns (bucket, media_root)."""
    bucket = s3.new_bucket(s3_endpoint)
    for name, value in s3.environment(s3_endpoint, bucket).items():
        monkeypatch.setenv(name, value)
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": env_media_storage()}
    return bucket, settings.MEDIA_ROOT
