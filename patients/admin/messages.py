"""What the portal emailed: the clinic's read-only list of outgoing messages."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from clinic.admin import BigListMixin, isolated, recent_filter
from patients.admin.base import ReadOnlyAdmin
from patients.models import OutgoingMessage


@admin.register(OutgoingMessage)
class OutgoingMessageAdmin(BigListMixin, ReadOnlyAdmin):
    """Kind, recipient, when, and how the delivery went: never what the email said (it
    holds no subject or body). Opening one is recorded like any patient record."""

    list_display = [
        "created_at",
        "kind",
        "recipient_column",
        "state",
        "attempts",
        "failures",
        "sent_at",
        "last_error",
    ]
    list_filter = ["state", "kind", recent_filter("created_at", default="7")]
    list_select_related = ["recipient"]
    search_fields = ["to"]
    ordering = ["-created_at"]
    fields = [
        "kind",
        "recipient_column",
        "patient",
        "alert",
        "on_date",
        "state",
        "attempts",
        "failures",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
    ]
    readonly_fields = fields

    def get_actions(self, request):
        return {}

    @admin.display(description=_("to"), ordering="to")
    def recipient_column(self, obj):
        return isolated(obj.to)
