"""Every route × every kind of person × whose object it is → the exact status, no leaks.

Built from the URL inventory in tests/routes.py: a new route is in the matrix the moment
it is classified there, and a route whose parameters this file cannot fill fails loudly.
The people and their objects are the session's cast (tests/conftest.py); for this module,
each patient also has a pain entry whose note only they (and their clinic's staff) may read.
"""

import uuid
from urllib.parse import quote

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from patients import handouts
from patients.models import PainEntry, SessionLog
from tests import routes as inventory
from tests.conftest import CAST_PKS, make_pain_entry, make_user, rows_for_the_module
from tests.routes import ADMIN, PATIENT, PUBLIC, SIGNED_IN, STAFF, kind_of

ACTORS = [
    "anonymous",
    "owner",  # patient A, whose objects fill the URLs
    "patient_same_clinic",
    "patient_other_clinic",
    "account_only",  # signed in, but neither a patient nor staff
    "front_desk_a",
    "clinician_a",
    "clinician_b",
    "manager_a",
    "superuser",
]
STAFF_ACTORS = {"front_desk_a", "clinician_a", "clinician_b", "manager_a", "superuser"}
PATIENT_ACTORS = {
    "owner": "patient_a",
    "patient_same_clinic": "patient_a2",
    "patient_other_clinic": "patient_b",
}
PATIENT_KEYS = {"owner": "patient_a", "same": "patient_a2", "other": "patient_b"}
SECRET = "SECRET-NOTE-{}"  # a note only its patient (and their clinic's staff) may read
LOGIN = "/accounts/login/"

# Changes are POSTs: a GET is refused before anything is looked up, whoever asks.
POST_ONLY = {"patients:session_done", "patients:article_check", "logout"}
# Staff already enrolled are sent from the second-factor setup to its check.
STAFF_REDIRECTS = {"two_factor_setup": "/accounts/two-factor/"}
# URL parameters that name one patient's own objects.
OWNED = {"plan_id", "item_id", "assignment_id", "entry_id", "schedule_id"}
# Patient pages that are not HTML (downloads): the inline check reads only HTML.
NOT_HTML = {
    "patients:my_data_json",
    "patients:my_data_csv",
    "patients:plan_handout_pdf",
    "patients:article_handout_pdf",
    "outcomes:fhir_bundle",
}


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
PARAMS = dict(ROUTES)
PUBLIC_ROUTES = sorted({n for n, _ in route_params() if kind_of(n) == PUBLIC} | {"admin:login"})
GET_ROUTES = [name for name, _ in ROUTES if name not in POST_ONLY]
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6300010000050001"
    "0d0a2db40000000049454e44ae426082"
)


@pytest.fixture(scope="module")
def media_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("media")
    (root / "exercises").mkdir()
    (root / "exercises" / "bridge.png").write_bytes(PNG)
    return root


@pytest.fixture(scope="module")
def secret_entries(django_db_setup, django_db_blocker):
    """For the whole module: each cast patient's pain entry with a note only they (and
    their clinic's staff) may read, by patient key."""
    from patients.models import Patient

    with rows_for_the_module(django_db_blocker):
        entries = {}
        for key, name in PATIENT_KEYS.items():
            patient = Patient.objects.select_related("user").get(pk=CAST_PKS[name])
            note = SECRET.format(patient.user.email)
            entries[key] = make_pain_entry(patient, score=2, note=note).pk
        yield entries


@pytest.fixture
def world(plan_a, plan_a2, plan_b, secret_entries, settings, media_root, monkeypatch):
    settings.MEDIA_ROOT = media_root
    # A handout's HTML stands in for its PDF: the leak check then reads what would be
    # printed (text in a real PDF is compressed, where no search would find a leak).
    # tests/handouts checks the real PDFs.
    monkeypatch.setattr(
        handouts, "render_pdf", lambda html, base_url: b"%PDF-1.7\n" + html.encode()
    )
    from outcomes.models import MeasureSchedule, Questionnaire

    # Patient A's plan asks for the PSFS: due, so its form opens for A alone.
    schedule = MeasureSchedule.objects.create(
        clinic=plan_a.patient.clinic,
        questionnaire=Questionnaire.objects.get(code="psfs"),
        plan=plan_a,
        attached_on=plan_a.start_date,
    )
    return {
        "schedule_id": schedule.pk,
        "plan_id": plan_a.pk,
        "item_id": plan_a.items.order_by("position").first().pk,
        "assignment_id": plan_a.patient.article_assignments.first().pk,
        "entry_id": secret_entries["owner"],
        "path": "exercises/bridge.png",
        "patients": {"owner": plan_a.patient, "same": plan_a2.patient, "other": plan_b.patient},
        "plans": {"owner": plan_a, "same": plan_a2, "other": plan_b},
    }


SLUGS = {
    "education:exercise": "glute-bridge",
    "education:article": "warning-signs",
    "education:programme": "knee-settle-phase-1",
}


def url_for(name, world):
    kwargs = {}
    for param in PARAMS[name]:
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
        if actor not in STAFF_ACTORS:
            return 404
        return 302 if name in STAFF_REDIRECTS else 200
    # Patient pages: the owner's own; nobody else's, staff included.
    if actor in STAFF_ACTORS:
        return 302 if name == "home" else 404  # home sends staff to the admin
    if actor == "owner":
        return 200
    if actor == "account_only":
        return 404  # no patient record: no patient page at all
    # Another patient opens their own lists, and none of the owner's objects.
    return 404 if OWNED & set(PARAMS[name]) else 200


def expected_location(actor, name, path):
    if actor == "anonymous":
        return f"{LOGIN}?next={quote(path)}"
    if name == "home":
        return "/admin/"
    return STAFF_REDIRECTS[name]


def sign_in(client, request, actor, world):
    if actor == "anonymous":
        return None
    if actor in PATIENT_ACTORS:
        user = request.getfixturevalue(PATIENT_ACTORS[actor]).user
    elif actor == "account_only":
        user = make_user("no-record@example.com", first_name="Noa", last_name="Account")
    else:
        user = request.getfixturevalue(actor)
    client.force_login(user)
    return user


def forbidden_text(actor, world):
    """Other people's data this actor must never be shown: each other patient's secret
    note, email address and plan id."""
    mine = {
        "owner": {"owner"},
        "patient_same_clinic": {"same"},
        "patient_other_clinic": {"other"},
        "account_only": set(),
        "front_desk_a": {"owner", "same"},
        "clinician_a": {"owner", "same"},
        "manager_a": {"owner", "same"},
        "clinician_b": {"other"},
        "superuser": {"owner", "same", "other"},
        "anonymous": set(),
    }[actor]
    texts = []
    for key, patient in world["patients"].items():
        if key not in mine:
            email = patient.user.email
            texts += [SECRET.format(email), email, str(world["plans"][key].pk)]
    return texts


def body_of(response):
    return b"".join(response) if response.streaming else response.content


def test_the_matrix_covers_exactly_the_routes_the_inventory_names():
    # A name in tests/routes.py that no longer resolves, or a route without a class, fails.
    assert {name for name, _ in ROUTES} | set(PUBLIC_ROUTES) == set(inventory.ROUTES)


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("name", [n for n, _ in ROUTES])
def test_route_answers_each_person_exactly(client, request, world, actor, name):
    sign_in(client, request, actor, world)
    path = url_for(name, world)
    response = client.get(path)
    status = expected(actor, name)
    assert response.status_code == status
    if status == 302:
        assert response["Location"] == expected_location(actor, name, path)
    body = body_of(response)
    for secret in forbidden_text(actor, world):
        assert secret.encode() not in body
    if actor == "owner" and kind_of(name) == PATIENT and name not in NOT_HTML:
        # A strict Content-Security-Policy: styles live in static/css/portal.css.
        assert b"<script" not in body
        assert b" style=" not in body


# What an anonymous visitor gets on each public page: never sent to sign in first.
PUBLIC_STATUS = {
    "admin:login": 302,  # it is the portal's own sign-in page (tests/clinic/test_admin_access.py)
    "invitation": 404,  # the sample token is no invitation (tests/clinic/test_invitation.py)
    "patients:unsubscribe": 400,  # nor an unsubscribe link (tests/patients/test_unsubscribe.py)
    "set_language": 405,  # a POST (tests/clinic/test_language_switch.py)
}


@pytest.mark.parametrize("name", PUBLIC_ROUTES)
def test_public_routes_open_without_signing_in(client, db, name):
    path = dict(inventory.walk())[name]
    response = client.get(path)
    assert response.status_code == PUBLIC_STATUS.get(name, 200)
    if response.status_code == 302:
        assert response["Location"] == f"{LOGIN}?next=/admin/"


@pytest.mark.parametrize(
    ("actor", "status"),
    [
        ("anonymous", 302),
        ("owner", 403),
        ("patient_other_clinic", 403),
        ("account_only", 403),
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


@pytest.mark.parametrize("actor", [a for a in ACTORS if a not in {"anonymous", "owner"}])
def test_posting_to_another_patients_plan_is_not_found_and_saves_nothing(
    client, request, world, actor
):
    sign_in(client, request, actor, world)
    url = reverse("patients:session_done", kwargs={"plan_id": world["plan_id"]})
    assert client.post(url).status_code == 404
    assert not SessionLog.objects.filter(plan_id=world["plan_id"]).exists()


@pytest.mark.parametrize("actor", ["account_only", *sorted(STAFF_ACTORS)])
def test_only_a_patient_can_record_pain(client, request, world, actor):
    sign_in(client, request, actor, world)
    response = client.post("/pain/", {"score": "3", "submission_id": str(uuid.uuid4())})
    assert response.status_code == 404
    assert PainEntry.objects.count() == 3  # the world's three, nothing more


# Patient pages with a form of their own: a POST is how they save.
FORM_PAGES = {"patients:pain_diary", "patients:reminders", "outcomes:answer"}


@pytest.mark.parametrize(
    "name", [n for n in GET_ROUTES if kind_of(n) == PATIENT and n not in FORM_PAGES]
)
def test_post_on_a_read_only_page_is_not_allowed(client, request, world, name):
    sign_in(client, request, "owner", world)
    assert client.post(url_for(name, world)).status_code == 405


def test_an_exercise_of_another_plan_is_not_found_under_mine(client, request, world):
    sign_in(client, request, "owner", world)
    other_item = world["plans"]["same"].items.first()
    response = client.get(f"/plans/{world['plan_id']}/exercises/{other_item.pk}/")
    assert response.status_code == 404


# A clinic's own library items (education.models.LibraryItem): for its staff and patients
# alone. Clinic B owns these; the matrix's actors are mostly of clinic A.
OWN_LIBRARY = {
    "education:exercise": "b-own-exercise",
    "education:article": "b-own-article",
    "education:programme": "b-own-programme",
}
CLINIC_B = {"patient_other_clinic", "clinician_b", "superuser"}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("name", list(OWN_LIBRARY))
def test_another_clinics_library_items_answer_each_person_exactly(
    client, request, world, clinic_b, actor, name
):
    from tests.education.conftest import make_article, make_exercise, make_programme

    exercise = make_exercise("b-own-exercise", clinic=clinic_b)
    make_article("b-own-article", clinic=clinic_b)
    make_programme("b-own-programme", [exercise], clinic=clinic_b)
    sign_in(client, request, actor, world)
    response = client.get(reverse(name, args=[OWN_LIBRARY[name]]))
    if actor == "anonymous":
        status = 302
    elif actor not in CLINIC_B:
        status = 404  # another clinic's: not found, whoever asks
    elif name == "education:programme" and actor not in STAFF_ACTORS:
        status = 404  # templates are for staff
    else:
        status = 200
    assert response.status_code == status
