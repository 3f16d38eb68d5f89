from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

# Both runs of the demo see the same today.
pytestmark = pytest.mark.usefixtures("frozen_clock")

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


def test_demo_prints_every_login_and_the_password(db):
    out = StringIO()
    call_command("demo", stdout=out)
    for email in DEMO_LOGINS:
        assert email in out.getvalue()
    assert "demo-portal-2026" in out.getvalue()


def test_demo_run_twice_leaves_the_same_rows(db):
    call_command("demo", stdout=StringIO())
    first = snapshot()
    call_command("demo", stdout=StringIO())
    assert snapshot() == first


def test_every_demo_account_can_sign_in(client, db):
    call_command("demo", stdout=StringIO())
    for email in DEMO_LOGINS:
        response = client.post(
            "/accounts/login/", {"username": email, "password": "demo-portal-2026"}
        )
        assert response.status_code == 302, email
        client.post("/accounts/logout/")
