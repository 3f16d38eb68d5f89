from functools import wraps

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class PortalAdminSite(admin.AdminSite):
    site_header = _("Clinic portal administration")
    site_title = _("Clinic portal")
    index_title = _("Clinic work")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # What the apps show on the admin index (e.g. the open-alert count): each app adds
        # its own in AppConfig.ready, so the site knows none of them.
        self.index_context = []

    def add_index_context(self, provider) -> None:
        """`provider(request) -> dict` is added to the index page's context."""
        self.index_context.append(provider)

    def is_staff_member(self, request):
        # Staff reach the admin only through a clinic; patients never do.
        user = request.user
        if not (user.is_active and user.is_staff):
            return False
        return user.is_superuser or hasattr(user, "staff_membership")

    def has_permission(self, request):
        # Patient data needs more than a password: a session verified by a second factor.
        return self.is_staff_member(request) and request.user.is_verified()

    def admin_view(self, view, cacheable=False):
        guarded = super().admin_view(view, cacheable)

        @wraps(guarded)
        def inner(request, *args, **kwargs):
            # One sign-in page for everyone (the portal's own), and a plain refusal
            # for a signed-in person the admin is not for, instead of a sign-in loop.
            if not self.has_permission(request):
                if self.is_staff_member(request):
                    return redirect_to_login(request.get_full_path(), "two_factor_verify")
                if request.user.is_authenticated:
                    raise PermissionDenied
                return redirect_to_login(request.get_full_path())
            return guarded(request, *args, **kwargs)

        return inner

    def index(self, request, extra_context=None):
        extra_context = dict(extra_context or {})
        for provider in self.index_context:
            extra_context.update(provider(request))
        return super().index(request, extra_context)

    @login_not_required
    def login(self, request, extra_context=None):
        if request.user.is_authenticated and not self.is_staff_member(request):
            raise PermissionDenied
        return redirect_to_login(request.GET.get("next") or reverse("admin:index"))
