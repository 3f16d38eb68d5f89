"""Rate limits for the public pages that send email or test a secret.

A fixed window in Django's cache: the first request opens a window of WINDOW seconds and
each request in it is counted, once per client address and once per target (the email
address asked for, the invitation link used). Past LIMIT in either count the request is
refused with HTTP 429 before the view runs, so no email goes out.

Counters live in the default cache: with several server processes, set DJANGO_CACHE_URL
to a shared Redis so that they count together.
"""

import hashlib
from functools import wraps

from django.core.cache import cache
from django.shortcuts import render

from clinic.models import normalize_email
from clinic.security import client_ip

LIMIT = 5
WINDOW = 15 * 60
# Failed sign-ins from one address, whatever the accounts tried, before it must wait: on top
# of django-axes' lockout of one account from one address (5). High enough for a clinic's
# patients behind one network address; low enough that trying account after account stops.
SIGN_IN_FAILURES_PER_ADDRESS = 20


def _cache_key(scope: str, key: str) -> str:
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]  # no address or email in the key
    return f"ratelimit:{scope}:{digest}"


def count(scope: str, key: str) -> int:
    """How many requests were counted against `key` in its current window."""
    return cache.get(_cache_key(scope, key), 0)


def hit(scope: str, key: str, *, limit: int = LIMIT, window: int = WINDOW) -> bool:
    """Count one request against `key`; False once more than `limit` fell in the window."""
    cache_key = _cache_key(scope, key)
    cache.add(cache_key, 0, timeout=window)  # opens the window; incr keeps its expiry
    try:
        count = cache.incr(cache_key)
    except ValueError:  # the window closed between the two calls
        cache.add(cache_key, 1, timeout=window)
        count = 1
    return count <= limit


def rate_limited(scope: str, *, target, limit: int = LIMIT, methods=("POST",)):
    """Refuse a view with 429 past `limit` requests per WINDOW, per address and per target.

    `target(request, *args, **kwargs)` names what the request is aimed at; an empty target
    is counted by address only.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods:
                allowed = hit(f"{scope}:ip", client_ip(request), limit=limit)
                aimed_at = target(request, *args, **kwargs)
                if aimed_at:
                    allowed = hit(f"{scope}:target", aimed_at, limit=limit) and allowed
                if not allowed:
                    return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def sign_in_refused(request) -> bool:
    """Whether this address has failed to sign in too often lately, whatever the accounts."""
    return count("sign_in_failures:ip", client_ip(request)) >= SIGN_IN_FAILURES_PER_ADDRESS


def count_failed_sign_in(request) -> None:
    hit("sign_in_failures:ip", client_ip(request), limit=SIGN_IN_FAILURES_PER_ADDRESS)


def too_many_requests(request, message=None):
    minutes = WINDOW // 60
    context = {"minutes": minutes, "message": message}
    response = render(request, "429.html", context, status=429)
    response["Retry-After"] = str(WINDOW)
    return response


def posted_email(request, *args, **kwargs) -> str:
    return normalize_email(request.POST.get("email", ""))


def url_token(request, token, *args, **kwargs) -> str:
    return token
