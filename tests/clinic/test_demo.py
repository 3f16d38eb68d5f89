from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

# The demo is loaded once for the module (tests/conftest.py), on a clock that stands still:
# a second run sees the same today.
pytestmark = pytest.mark.django_db

DEMO_LOGINS = [
    "physio@riverside.example",
    "desk@riverside.example",
    "alex@patients.example",
    "sam@patients.example",
    "taylor@patients.example",
    "physio@lakeshore.example",
    "remy@patients.example",
]


def snapshot():
    """Every row of every portal table, so a second run can be compared to the first."""
    rows = {}
    for label in ("clinic", "education", "patients"):
        for model in apps.get_app_config(label).get_models():
            rows[model._meta.label] = sorted(map(str, model.objects.values_list()))
    return rows


def test_demo_prints_every_login_and_the_password(demo):
    for email in DEMO_LOGINS:
        assert email in demo
    assert "demo-portal-2026" in demo


def test_demo_run_twice_leaves_the_same_rows(demo):
    first = snapshot()
    call_command("demo", stdout=StringIO())
    assert snapshot() == first


def test_every_demo_account_can_sign_in(client, demo):
    for email in DEMO_LOGINS:
        response = client.post(
            "/accounts/login/", {"username": email, "password": "demo-portal-2026"}
        )
        assert response.status_code == 302, email
        client.post("/accounts/logout/")
