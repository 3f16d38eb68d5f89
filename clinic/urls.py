from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from clinic import media, two_factor, views
from clinic.forms import LanguageOfAccountPasswordResetForm
from clinic.ratelimit import posted_email, rate_limited

urlpatterns = [
    path("", include("patients.root_urls")),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("language/", views.set_language, name="set_language"),
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/change/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "accounts/password/reset/",
        rate_limited("password_reset", target=posted_email)(
            auth_views.PasswordResetView.as_view(form_class=LanguageOfAccountPasswordResetForm)
        ),
        name="password_reset",
    ),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("library/", include("education.urls")),
    path("", include("patients.urls")),
    path("measures/", include("outcomes.urls")),
    path("accounts/two-factor/", two_factor.verify, name="two_factor_verify"),
    path("accounts/two-factor/setup/", two_factor.setup, name="two_factor_setup"),
    path("admin/", admin.site.urls),
    path("media/<path:path>", media.serve, name="media"),
]

handler400 = "clinic.views.bad_request"
handler500 = "clinic.views.server_error"
