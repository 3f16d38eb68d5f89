from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class ClinicConfig(AppConfig):
    name = "clinic"
    verbose_name = _("Clinics and staff")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from clinic.middleware import start_session_clock

        user_logged_in.connect(start_session_clock, dispatch_uid="clinic.session_clock")


class PortalAdminConfig(AdminConfig):
    default_site = "clinic.admin_site.PortalAdminSite"
