"""The inventory of every URL the portal serves, by who it is for.

A new route that is missing here fails `test_url_inventory`, so nobody adds a page
without deciding who may open it (and the access tests then cover it).
"""

import re
import uuid

from django.urls import URLPattern, URLResolver, get_resolver

PUBLIC = "public"
PATIENT = "patient"
STAFF = "staff"  # clinic staff outside the admin; anyone else gets 404
ADMIN = "admin"
SIGNED_IN = "signed-in"  # any signed-in person (what they see may still depend on who they are)

ROUTES = {
    "healthz": PUBLIC,
    "readyz": PUBLIC,  # readiness for the load balancer: tests/clinic/test_healthz.py
    "accessibility": PUBLIC,  # the accessibility statement
    "set_language": PUBLIC,  # the language switch (POST): tests/clinic/test_language_switch.py
    "login": PUBLIC,
    "password_reset": PUBLIC,
    "password_reset_done": PUBLIC,
    "password_reset_confirm": PUBLIC,
    "password_reset_complete": PUBLIC,
    "invitation": PUBLIC,  # the signed token is the key; see tests/clinic/test_invitation.py
    "admin:login": PUBLIC,  # only redirects to the portal's sign-in page
    "two_factor_verify": STAFF,
    "two_factor_setup": STAFF,
    "logout": SIGNED_IN,
    "password_change": SIGNED_IN,
    "password_change_done": SIGNED_IN,
    "home": PATIENT,
    "patients:plans": PATIENT,
    "patients:plan": PATIENT,
    "patients:plan_exercise": PATIENT,
    "patients:session_done": PATIENT,
    "patients:plan_handout": PATIENT,
    "patients:plan_handout_pdf": PATIENT,
    "patients:article_handout_pdf": PATIENT,
    "patients:articles": PATIENT,
    "patients:article": PATIENT,
    "patients:article_check": PATIENT,  # the teach-back's answers (POST)
    "patients:pain_diary": PATIENT,
    "patients:pain_saved": PATIENT,
    "patients:reminders": PATIENT,
    # The signed token is the key (a mail program's one click): tests/patients/test_unsubscribe.py
    "patients:unsubscribe": PUBLIC,
    "patients:my_data": PATIENT,
    "patients:my_data_json": PATIENT,
    "patients:my_data_csv": PATIENT,
    "outcomes:progress": PATIENT,
    "outcomes:answer": PATIENT,
    "outcomes:fhir_bundle": PATIENT,
    "education:index": STAFF,
    "education:programme": STAFF,
    "education:exercise": SIGNED_IN,  # patients see published exercises only
    "education:article": SIGNED_IN,  # patients see published articles only
    "media": SIGNED_IN,  # exercise pictures: library content, not patient data
}

SAMPLE_VALUES = {"int": "1", "uuid": str(uuid.uuid4())}


def walk(patterns=None, prefix="", namespace=""):
    """Yield (route name, sample path) for every named URL pattern."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, prefix + sample(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", "/" + prefix + sample(entry.pattern)


def sample(pattern):
    """A concrete path for a route or regex pattern, with sample values for parameters."""
    text = str(pattern)
    text = re.sub(r"\(\?P<app_label>[^)]*\)", "clinic", text)
    text = re.sub(r"\(\?P<\w+>[^)]*\)", "1", text)
    text = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE_VALUES.get(m[1], "sample"), text)
    return text.lstrip("^").rstrip("$").replace("\\", "")


def kind_of(name):
    if name in ROUTES:
        return ROUTES[name]
    if name.startswith("admin:"):
        return ADMIN
    return None
