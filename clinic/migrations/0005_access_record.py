"""Views, prints and exports get a table of their own (AccessRecord), append-only like the
rest of the trail; the access entries kept so far in auditlog's table move there.

On PostgreSQL the changes trail also gets the index its clinic filter uses (the admin's
"changes" list for a manager): an expression index on the entry's clinic label.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

ACCESS = 3  # auditlog's LogEntry.Action.ACCESS
BATCH = 2000
TABLE = "clinic_accessrecord"
LOGENTRY = "auditlog_logentry"


def move_access_entries(apps, schema_editor):
    LogEntry = apps.get_model("auditlog", "LogEntry")
    AccessRecord = apps.get_model("clinic", "AccessRecord")
    entries = LogEntry.objects.filter(action=ACCESS).select_related("actor").order_by("pk")
    last = 0
    while batch := list(entries.filter(pk__gt=last)[:BATCH]):
        AccessRecord.objects.bulk_create(
            AccessRecord(
                at=entry.timestamp,
                clinic_id=(entry.additional_data or {}).get("clinic"),
                patient_id=(entry.additional_data or {}).get("patient"),
                actor_id=entry.actor_id,
                actor_email=entry.actor_email or "",
                actor_is_staff=bool(entry.actor and entry.actor.is_staff),
                action=(entry.additional_data or {}).get("what") or "view",
                content_type_id=entry.content_type_id,
                object_pk=entry.object_pk[:64],
                object_repr=entry.object_repr[:200],
                remote_addr=entry.remote_addr,
            )
            for entry in batch
        )
        last = batch[-1].pk
    vendor = schema_editor.connection.vendor
    # The audit trail refuses deletes (migration 0004): the move is the one exception.
    if vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {LOGENTRY} DISABLE TRIGGER audit_trail_append_only")
    LogEntry.objects.filter(action=ACCESS).delete()
    if vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {LOGENTRY} ENABLE TRIGGER audit_trail_append_only")


def install(apps, schema_editor):
    """Append-only, as the changes trail: no DELETE, and no UPDATE but the one Django makes
    when an account is deleted (the record keeps actor_email and loses actor_id). SQLite
    gets the UPDATE rule only: its test-database flush deletes rows one by one."""
    with schema_editor.connection.cursor() as cursor:
        description = schema_editor.connection.introspection.get_table_description(cursor, TABLE)
    others = [column.name for column in description if column.name != "actor_id"]
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        unchanged = " AND ".join(f"NEW.{c} IS NOT DISTINCT FROM OLD.{c}" for c in others)
        schema_editor.execute(
            f"""
            CREATE FUNCTION access_record_append_only() RETURNS trigger AS $$
            BEGIN
                IF TG_OP = 'UPDATE' AND NEW.actor_id IS NULL AND {unchanged} THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION 'The audit trail cannot be changed or deleted.';
            END;
            $$ LANGUAGE plpgsql;
            CREATE TRIGGER access_record_append_only BEFORE UPDATE OR DELETE ON {TABLE}
                FOR EACH ROW EXECUTE FUNCTION access_record_append_only();
            CREATE INDEX auditlog_logentry_clinic_time
                ON {LOGENTRY} ((additional_data -> 'clinic'), "timestamp" DESC);
            """
        )
    elif vendor == "sqlite":
        unchanged = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in others)
        schema_editor.execute(
            f"""
            CREATE TRIGGER access_record_no_update BEFORE UPDATE ON {TABLE}
            WHEN NOT (NEW.actor_id IS NULL AND {unchanged})
            BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be changed.'); END;
            """
        )


def remove(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            f"DROP TRIGGER IF EXISTS access_record_append_only ON {TABLE};"
            "DROP FUNCTION IF EXISTS access_record_append_only();"
            "DROP INDEX IF EXISTS auditlog_logentry_clinic_time;"
        )
    elif vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS access_record_no_update;")


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0004_audit_trail_is_append_only"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auditlog", "0017_add_actor_email"),
    ]

    operations = [
        migrations.CreateModel(
            name="AccessRecord",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="when"),
                ),
                ("patient_id", models.UUIDField(null=True, verbose_name="patient")),
                (
                    "actor_email",
                    models.EmailField(blank=True, max_length=254, verbose_name="who (email)"),
                ),
                ("actor_is_staff", models.BooleanField(default=False, verbose_name="staff")),
                (
                    "action",
                    models.CharField(
                        choices=[
                            ("view", "Opened"),
                            ("print", "Printed"),
                            ("pdf", "Downloaded as a PDF"),
                            ("batch_pdf", "Printed in a batch"),
                            ("export_json", "Exported (JSON)"),
                            ("export_csv", "Exported (CSV)"),
                        ],
                        max_length=12,
                        verbose_name="what",
                    ),
                ),
                ("object_pk", models.CharField(max_length=64)),
                ("object_repr", models.CharField(max_length=200, verbose_name="record")),
                (
                    "remote_addr",
                    models.GenericIPAddressField(blank=True, null=True, verbose_name="address"),
                ),
                (
                    "actor",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="who",
                    ),
                ),
                (
                    "clinic",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="clinic.clinic",
                        verbose_name="clinic",
                    ),
                ),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="contenttypes.contenttype",
                    ),
                ),
            ],
            options={
                "verbose_name": "access record",
                "verbose_name_plural": "views, prints and exports",
                "ordering": ["-at"],
                "indexes": [
                    models.Index(fields=["patient_id", "-at"], name="clinic_access_patient_time"),
                    models.Index(fields=["clinic", "-at"], name="clinic_access_clinic_time"),
                ],
            },
        ),
        migrations.RunPython(move_access_entries, migrations.RunPython.noop),
        migrations.RunPython(install, remove),
    ]
