from unittest import mock

from django.db import OperationalError


def test_healthz_answers_ok_without_signing_in(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_answers_503_when_the_database_is_unreachable(client, db):
    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.cursor",
        side_effect=OperationalError("connection refused"),
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
    assert "refused" not in response.text


def test_readyz_answers_ready_when_the_database_is_migrated_and_the_cache_answers(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "checks": {"database": "ok", "cache": "ok"},
    }
    assert "no-cache" in response["Cache-Control"]


def test_readyz_is_not_ready_before_the_releases_migrations_ran(client, db, monkeypatch):
    monkeypatch.setattr("clinic.views._migrated", False)
    with mock.patch(
        "django.db.migrations.executor.MigrationExecutor.migration_plan",
        return_value=[("a migration", False)],
    ):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "unavailable", "cache": "ok"}


def test_readyz_is_not_ready_when_the_cache_does_not_answer(client, db):
    with mock.patch(
        "django.core.cache.backends.locmem.LocMemCache.set",
        side_effect=ConnectionError("redis://secret-host:6379 refused"),
    ):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "unavailable"}
    assert "secret-host" not in response.text
