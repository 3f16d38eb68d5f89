"""Every route × every kind of person × whose object it is → the exact status, no leaks.

Built from the URL inventory in tests/routes.py: a new route is in the matrix the moment
it is classified there, and a route whose parameters this file cannot fill fails loudly.
"""

import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from patients.services import assign_articles, record_pain
from tests.routes import ADMIN, PATIENT, PUBLIC, SIGNED_IN, STAFF, kind_of

ACTORS = [
    "anonymous",
    "owner",  # patient A, whose objects fill the URLs
    "patient_same_clinic",
    "patient_other_clinic",
    "front_desk_a",
    "clinician_a",
    "clinician_b",
    "manager_a",
    "superuser",
]
STAFF_ACTORS = {"front_desk_a", "clinician_a", "clinician_b", "manager_a", "superuser"}
SECRET = "SECRET-NOTE-{}"  # a note only its patient (and their clinic's staff) may read

# Changes are POSTs: a GET is refused before anything is looked up, whoever asks.
POST_ONLY = {"patients:session_done", "logout"}
STAFF_STATUS = {"two_factor_setup": 302}  # staff already enrolled are sent to verify


def route_params():
    """(name, parameter names) for every named, non-admin URL pattern."""

    def walk(patterns, namespace=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                yield from walk(entry.url_patterns, ns)
            elif isinstance(entry, URLPattern) and entry.name:
                yield f"{namespace}{entry.name}", list(entry.pattern.converters)

    return [(n, p) for n, p in walk(get_resolver().url_patterns) if kind_of(n) != ADMIN]


ROUTES = [(n, p) for n, p in route_params() if kind_of(n) in {PATIENT, STAFF, SIGNED_IN}]


@pytest.fixture
def world(library, plan_a, plan_a2, plan_b, patient_a, patient_a2, patient_b, settings, tmp_path):
    from education.models import Article

    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "bridge.png").write_bytes(
        bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            "1f15c4890000000d49444154789c6300010000050001"
            "0d0a2db40000000049454e44ae426082"
        )
    )
    entries = {}
    for patient in (patient_a, patient_a2, patient_b):
        entries[patient.pk], _ = record_pain(
            patient=patient,
            submission_id=uuid.uuid4(),
            score=2,
            context="rest",
            location="kneecap",
            knee="right",
            note=SECRET.format(patient.user.email),
        )
        assign_articles(
            patient=patient,
            articles=[Article.objects.get(slug="warning-signs")],
            assigned_by=None,
        )
    return {
        "plan_id": plan_a.pk,
        "item_id": plan_a.items.first().pk,
        "assignment_id": patient_a.article_assignments.first().pk,
        "entry_id": entries[patient_a.pk].pk,
        "path": "exercises/bridge.png",
        "slug": None,  # filled per route below
        "patients": {"owner": patient_a, "same": patient_a2, "other": patient_b},
    }


SLUGS = {
    "education:exercise": "glute-bridge",
    "education:article": "warning-signs",
    "education:programme": "knee-settle-phase-1",
}


def url_for(name, params, world):
    kwargs = {}
    for param in params:
        value = SLUGS[name] if param == "slug" else world.get(param)
        assert value is not None, f"tests/test_access_matrix.py cannot fill {param} of {name}"
        kwargs[param] = value
    return reverse(name, kwargs=kwargs)


def expected(actor, name):
    kind = kind_of(name)
    if actor == "anonymous":
        return 302  # to the sign-in page
    if name in POST_ONLY:
        return 405
    if kind == SIGNED_IN:
        return 200
    if kind == STAFF:
        return STAFF_STATUS.get(name, 200) if actor in STAFF_ACTORS else 404
    # Patient pages: the owner's own; nobody else's, staff included.
    if actor in STAFF_ACTORS:
        return 302 if name == "home" else 404
    if actor == "owner":
        return 200
    owned = ("plan_id", "assignment_id", "entry_id")
    return 404 if any(p in route_params_by_name()[name] for p in owned) else 200


def route_params_by_name():
    return dict(ROUTES)


def sign_in(client, request, actor, world):
    if actor == "anonymous":
        return
    patients = world["patients"]
    user = {
        "owner": lambda: patients["owner"].user,
        "patient_same_clinic": lambda: patients["same"].user,
        "patient_other_clinic": lambda: patients["other"].user,
    }.get(actor, lambda: request.getfixturevalue(actor))()
    client.force_login(user)


def forbidden_text(actor, world):
    """Other people's secrets this actor must never be shown."""
    patients = world["patients"]
    mine = {
        "owner": {"owner"},
        "patient_same_clinic": {"same"},
        "patient_other_clinic": {"other"},
        "front_desk_a": {"owner", "same"},
        "clinician_a": {"owner", "same"},
        "manager_a": {"owner", "same"},
        "clinician_b": {"other"},
        "superuser": {"owner", "same", "other"},
        "anonymous": set(),
    }[actor]
    return [
        SECRET.format(patient.user.email) for key, patient in patients.items() if key not in mine
    ]


def test_every_patient_staff_and_signed_in_route_is_in_the_matrix():
    assert {name for name, _ in ROUTES} == {
        n for n, _ in route_params() if kind_of(n) in {PATIENT, STAFF, SIGNED_IN}
    }
    assert all(kind_of(n) is not None for n, _ in route_params())
    assert PUBLIC  # public routes are covered by their own tests and the inventory test


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize(("name", "params"), ROUTES, ids=[n for n, _ in ROUTES])
def test_route_answers_each_person_exactly(client, request, world, actor, name, params):
    sign_in(client, request, actor, world)
    response = client.get(url_for(name, params, world))
    assert response.status_code == expected(actor, name)
    if actor == "anonymous":
        assert response["Location"].startswith("/accounts/login/?next=")
    body = b"".join(response) if response.streaming else response.content
    for secret in forbidden_text(actor, world):
        assert secret.encode() not in body


@pytest.mark.parametrize(
    ("actor", "status"),
    [
        ("anonymous", 302),
        ("owner", 403),
        ("patient_other_clinic", 403),
        ("front_desk_a", 200),
        ("clinician_a", 200),
        ("manager_a", 200),
        ("clinician_b", 302),  # "does not exist": another clinic's record
        ("superuser", 200),
    ],
)
def test_the_admin_record_of_a_patient_answers_each_person_exactly(
    client, request, world, actor, status
):
    sign_in(client, request, actor, world)
    patient = world["patients"]["owner"]
    response = client.get(f"/admin/patients/patient/{patient.pk}/change/")
    assert response.status_code == status
    for secret in forbidden_text(actor, world):
        assert secret.encode() not in response.content


@pytest.mark.parametrize("actor", ["patient_same_clinic", "patient_other_clinic", "clinician_a"])
def test_posting_to_another_patients_plan_is_not_found_and_saves_nothing(
    client, request, world, actor
):
    from patients.models import SessionLog

    sign_in(client, request, actor, world)
    url = reverse("patients:session_done", kwargs={"plan_id": world["plan_id"]})
    assert client.post(url).status_code == 404
    assert not SessionLog.objects.filter(plan_id=world["plan_id"]).exists()
