from functools import wraps

from django.contrib import admin, messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from clinic.forms import WeeklyDigestForm
from clinic.services import set_weekly_digest


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

    def get_urls(self):
        return [
            path("my-emails/", self.admin_view(self.my_emails), name="my_emails"),
            *super().get_urls(),
        ]

    def my_emails(self, request):
        """A staff member's own choice of the emails they get: the weekly digest. Their
        clinic's manager can set it too (staff memberships); this page is for each person."""
        membership = getattr(request.user, "staff_membership", None)
        if membership is None or membership.role == membership.Role.FRONT_DESK:
            raise PermissionDenied  # the digest is about one's own patients
        form = WeeklyDigestForm(
            request.POST if request.method == "POST" else None,
            initial={"weekly_digest": membership.weekly_digest},
        )
        if request.method == "POST" and form.is_valid():
            set_weekly_digest(membership, on=form.cleaned_data["weekly_digest"])
            messages.success(request, _("Your choice is saved."))
            return redirect("admin:my_emails")
        context = {
            **self.each_context(request),
            "title": _("Emails you receive"),
            "form": form,
        }
        return TemplateResponse(request, "admin/my_emails.html", context)

    @login_not_required
    def login(self, request, extra_context=None):
        if request.user.is_authenticated and not self.is_staff_member(request):
            raise PermissionDenied
        return redirect_to_login(request.GET.get("next") or reverse("admin:index"))
