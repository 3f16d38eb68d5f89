"""A standing guard: no query string, however hostile, makes a page answer 500.

Every admin list (found in the admin registry), its record pages and actions, every
autocomplete, and every page of tests/routes.py are asked with a fixed set of hostile
values (junk and huge ids, out-of-range years, NUL, invalid UTF-8, over-long values), by a
clinician, a manager, the front desk, a superuser, a patient and a visitor. A new admin or
page is covered the moment it exists. A refusal (400), a redirect or an empty list is fine;
a server error is not.

Fast by construction (a few hundred requests): one person sends every value to every name
a page reads, all names at once (the admin checks every filter's value before it answers,
so no filter hides another); the values a filter may take as well formed go to the portal's
own filters one at a time; everyone else sends one mix of values.
"""

import uuid
from urllib.parse import quote

import pytest
from django.contrib import admin
from django.contrib.admin import SimpleListFilter
from django.test import RequestFactory
from django.urls import reverse

from tests.routes import PATIENT, PUBLIC, SIGNED_IN, STAFF, kind_of
from tests.test_access_matrix import route_params

# (label, value as sent in the query string, already percent-encoded)
HOSTILE = [
    ("junk", "abc"),
    ("huge", "1180591620717411303424"),
    ("year", "99999999999"),
    ("digits", "9" * 5000),  # longer than Python turns into an int
    ("unicode-digit", "%C2%B2"),  # "²": a digit to str.isdigit, not to int()
    ("invalid-utf8", "%FF%FE%ED%A0%80"),
    ("long", "x" * 3000 + "+a" * 50),  # long, and many words for a search
    ("nul", "a%00b"),
]
NUL = HOSTILE[-1]
# Values a filter may take as well formed, so that they reach the database and the page.
EXTREME = [(label, value) for label, value in HOSTILE if label in {"huge", "year", "long"}]
# What every list reads besides its filters: search, order, page, show all, popup, error.
LIST_PARAMS = ["q", "o", "p", "all", "_popup", "e"]
# What the portal's own pages read (search forms, print options, redirects).
PAGE_PARAMS = ["q", "condition", "region", "paper", "large", "next", "template", "page"]
STAFF_ACTORS = ["clinician_a", "manager_a", "front_desk_a", "superuser"]


def qs(params: dict[str, str]) -> str:
    return "&".join(f"{quote(name)}={value}" for name, value in params.items())


def every_value(names):
    """One query string per hostile value, given to every name at once."""
    return [(label, qs(dict.fromkeys(names, value))) for label, value in HOSTILE]


def a_mix(names, seed=0):
    """One query string giving each name a different value (not NUL: it stops a request at
    the door, and every_value sends it)."""
    values = [value for label, value in HOSTILE if label != "nul"]
    return [("mix", qs({name: values[(i + seed) % len(values)] for i, name in enumerate(names)}))]


def sign_in(client, request, actor):
    # A server error is an answer here, listed with the others, not raised.
    client.raise_request_exception = False
    client.logout()
    if actor == "anonymous":
        return None
    if actor == "patient":
        user = request.getfixturevalue("patient_a").user
    else:
        user = request.getfixturevalue(actor)
    client.force_login(user)
    return user


def server_errors(client, requests):
    """(label, status) of every request answered with a server error."""
    failed = []
    for label, url, data in requests:
        if data is None:
            response = client.get(url)
        else:
            response = client.post(url, data, content_type="application/x-www-form-urlencoded")
        if response.status_code >= 500:
            failed.append((label, response.status_code))
    return failed


ADMINS = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def list_params(model_admin, user):
    """(every name this list reads for this person, the names its own code reads)."""
    names, own = list(LIST_PARAMS), ["q"]
    if user is None or not user.is_staff:
        return names, []  # turned away before any filter is read
    request = RequestFactory().get("/")
    request.user = user
    for spec in model_admin.get_changelist_instance(request).filter_specs:
        names += spec.expected_parameters()
        if isinstance(spec, SimpleListFilter):
            own += spec.expected_parameters()
    if model_admin.date_hierarchy:
        parts = [f"{model_admin.date_hierarchy}__{part}" for part in ("year", "month", "day")]
        names += parts
        own += parts
    return names, own


@pytest.mark.parametrize("actor", [*STAFF_ACTORS, "patient"])
def test_no_admin_list_answers_500_to_a_hostile_query(client, request, clinic_rows, actor):
    user = sign_in(client, request, actor)
    requests = []
    for model, model_admin in ADMINS:
        url = changelist(model)
        names, own = list_params(model_admin, user)
        if actor != "superuser":
            requests += [
                (f"{url} {label}", f"{url}?{query}", None) for label, query in a_mix(names)
            ]
            continue
        requests += [
            (f"{url} {label}", f"{url}?{query}", None) for label, query in every_value(names)
        ]
        requests += [
            (f"{url} {name}={label}", f"{url}?{qs({name: value})}", None)
            for name in own
            for label, value in EXTREME
            if (label == "long") == (name == "q")  # a search takes text; a filter, ids
        ]
        # Lookups no filter offers are refused, however well formed.
        requests += [
            (f"{url} {lookup}", f"{url}?{qs({lookup: value})}", None)
            for lookup, value in [("pk__in", HOSTILE[1][1]), ("pk__regex", "(((")]
        ]
    assert server_errors(client, requests) == []


def test_no_admin_record_page_or_action_answers_500_to_a_hostile_id(client, request, clinic_rows):
    user = sign_in(client, request, "superuser")
    as_user = RequestFactory().post("/")
    as_user.user = user
    ids = [HOSTILE[0], HOSTILE[1], HOSTILE[3], NUL, ("uuid", str(uuid.uuid4()))]
    requests = []
    for model, model_admin in ADMINS:
        base = changelist(model)
        requests += [(f"{base}{value}/change/", f"{base}{value}/change/", None) for _, value in ids]
        # The other record pages look the record up the same way.
        requests += [
            (f"{base}{value}/{page}/", f"{base}{value}/{page}/", None)
            for _, value in ids[:2]
            for page in ("history", "delete")
        ]
        requests += [
            (f"{base} {action}: {label}", base, f"action={action}&index=0&_selected_action={value}")
            for action in model_admin.get_actions(as_user)
            for label, value in ids[:2]
        ]
    assert server_errors(client, requests) == []


AUTOCOMPLETE = [
    (model._meta.app_label, model._meta.model_name, field)
    for model, model_admin in ADMINS
    for field in model_admin.autocomplete_fields
]


def test_no_autocomplete_answers_500_to_a_hostile_term(client, request, clinic_rows):
    requests, failed = [], []
    for actor in ["clinician_a", "superuser"]:
        sign_in(client, request, actor)
        for app, model_name, field in AUTOCOMPLETE:
            # A term is only ever searched for: the values that make a search hard.
            for label, value in HOSTILE:
                if label not in {"long", "invalid-utf8", "nul"}:
                    continue
                query = {"app_label": app, "model_name": model_name, "field_name": field}
                url = f"/admin/autocomplete/?{qs({**query, 'term': value})}"
                requests.append((f"{actor} {model_name}.{field} {label}", url, None))
        failed += server_errors(client, requests)
        requests = []
    assert failed == []


# Each page is asked by the people it is for (anyone else is turned away before the query
# string is read): the first of them sends every value, the others a mix.
PAGE_ACTORS = {
    PATIENT: ["patient"],
    STAFF: STAFF_ACTORS,
    SIGNED_IN: ["patient", "clinician_a", "superuser"],
    PUBLIC: ["anonymous"],
}
PAGES = [(name, params) for name, params in route_params() if kind_of(name) in PAGE_ACTORS]
PAGE_SLUGS = {
    "education:exercise": "glute-bridge",
    "education:article": "warning-signs",
    "education:programme": "knee-settle-phase-1",
}


def page_url(name, params, clinic_rows):
    plan = clinic_rows["a"]["plan"]
    values = {
        "plan_id": plan.pk,
        "item_id": plan.items.first().pk,
        "assignment_id": clinic_rows["a"]["articleassignment"].pk,
        "entry_id": clinic_rows["a"]["painentry"].pk,
        "schedule_id": uuid.uuid4(),  # no measure due: the form is not found, never a 500
        "slug": PAGE_SLUGS.get(name, "sample"),
        "path": "exercises/none.png",
        "token": "sample",
        "uidb64": "MQ",
    }
    return reverse(name, kwargs={param: values[param] for param in params})


@pytest.mark.parametrize("actor", ["patient", *STAFF_ACTORS, "anonymous"])
def test_no_page_answers_500_to_a_hostile_query(client, request, clinic_rows, actor):
    sign_in(client, request, actor)
    requests = []
    for name, params in PAGES:
        actors = PAGE_ACTORS[kind_of(name)]
        if actor not in actors:
            continue
        url = page_url(name, params, clinic_rows)
        if name.endswith("_pdf"):
            # A PDF takes long to make, and reads only the print options of its print page
            # (asked with every value): one mix is enough.
            queries = a_mix(PAGE_PARAMS)
        elif actor == actors[0]:
            queries = every_value(PAGE_PARAMS)
        else:
            queries = a_mix(PAGE_PARAMS, actors.index(actor))
        requests += [(f"{name} {label}", f"{url}?{query}", None) for label, query in queries]
    assert requests
    assert server_errors(client, requests) == []


STANDARD_PAGES = ("_changelist", "_add", "_change", "_delete", "_history")


def admin_pages():
    """Every other admin page: the index, each app's, and the portal's own (assign, print,
    acknowledge...), with the first record of its model in its address."""
    from django.apps import apps

    from tests.routes import walk

    pages = []
    for name, path in walk():
        if not name.startswith("admin:") or name.endswith(STANDARD_PAGES):
            continue
        parts = path.strip("/").split("/")
        if len(parts) > 3 and parts[3] in {"sample", "1"} and parts[1] in apps.app_configs:
            record = apps.get_model(parts[1], parts[2]).objects.first()
            if record is None:
                continue
            parts[3] = str(record.pk)
        pages.append((name, "/" + "/".join(parts) + ("/" if path.endswith("/") else "")))
    return pages


def test_no_other_admin_page_answers_500_to_a_hostile_query(client, request, clinic_rows):
    sign_in(client, request, "superuser")
    requests = []
    for name, url in admin_pages():
        if name.endswith("_pdf"):
            continue  # the print page below as a PDF, which takes long to make
        # A handout reads only the print options, which the patient's print page is asked
        # with every value (test_no_page_answers_500_to_a_hostile_query): a mix is enough.
        queries = a_mix(PAGE_PARAMS) if "handout" in name else every_value(PAGE_PARAMS)
        requests += [(f"{name} {label}", f"{url}?{query}", None) for label, query in queries]
    assert len({label.split()[0] for label, *_ in requests}) > 10
    assert server_errors(client, requests) == []
