"""The portal's URLs, plus `/bench/bare/`: the floor a patient page is measured against.

The bare view makes no query of its own and renders no template. It is not marked
`@login_not_required`, so it passes through exactly the same middleware as every patient
page (session, authentication, OTP, login required, language, time zone, audit, session
timeout, ...): the difference between the two is the page's own work.
"""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from clinic.urls import urlpatterns as portal_urlpatterns


@require_safe
@never_cache
def bare(request):
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    *portal_urlpatterns,
]
