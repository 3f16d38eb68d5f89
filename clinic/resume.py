"""A form posted after its sender was signed out is kept, and finished after they sign in.

A patient who types a pain entry, is called away and presses Save half an hour later has
been signed out in between. Their post is not thrown away: the sign-out paths
(clinic.middleware) keep it in the new, anonymous session, which lives in the server's
session store (never in a URL or a log), and the sign-in that follows hands it to the
view's resume handler, which saves it or brings the form back filled in.

Only views marked `@resumable` are kept, only after the CSRF check passed, and only for the
account that rendered the form: a form carries a signed owner token (`ResumableFormMixin`),
and a post is resumed only for that account.
"""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.http import QueryDict

SESSION_KEY = "portal_resume"
OWNER_FIELD = "resume_owner"
SALT = "clinic.resume"

# view name -> handler(request, data: QueryDict, kwargs: dict, posted_at: float) -> URL
_handlers = {}


def resumable(view):
    """Mark a POST view whose form is kept across a sign-out."""
    view.resumable = True
    return view


def register(view_name: str, handler) -> None:
    _handlers[view_name] = handler


def owner_token(user) -> str:
    return signing.dumps(user.pk, salt=SALT, compress=True)


def owner_of(token: str | None):
    try:
        return signing.loads(token or "", salt=SALT)
    except signing.BadSignature:
        return None


class ResumableFormMixin:
    """Adds the hidden owner token to a form rendered for `owner`."""

    def add_owner_field(self, owner) -> None:
        self.fields[OWNER_FIELD] = forms.CharField(
            widget=forms.HiddenInput, required=False, initial=owner_token(owner)
        )


def keep(request, *, user_id=None) -> bool:
    """Keep this POST for after the next sign-in, if its view is resumable.

    `user_id`: the account just signed out, if known; else the form's owner token says.
    """
    match = request.resolver_match
    if request.method != "POST" or match is None or not getattr(match.func, "resumable", False):
        return False
    owner = owner_of(request.POST.get(OWNER_FIELD))
    if owner is None or (user_id is not None and owner != user_id):
        return False
    data = request.POST.copy()
    data.pop("csrfmiddlewaretoken", None)
    request.session[SESSION_KEY] = {
        "view": match.view_name,
        "kwargs": {key: str(value) for key, value in match.kwargs.items()},
        "data": data.urlencode(),
        "owner": owner,
        "at": time.time(),
    }
    return True


def resume(request) -> str | None:
    """After a sign-in: finish the kept post of this account, and say where to go next."""
    kept = request.session.pop(SESSION_KEY, None)
    if not kept or kept["owner"] != request.user.pk:
        return None  # someone else signed in on this browser: their post is not theirs
    if time.time() - kept["at"] > settings.SESSION_MAX_HOURS * 60 * 60:
        return None
    handler = _handlers.get(kept["view"])
    if handler is None:
        return None
    data = QueryDict(kept["data"])
    return handler(request, data, kept["kwargs"], kept["at"])
