"""The audit trail is append-only in the database, not just in the admin.

PostgreSQL (what clinics run) refuses any DELETE, and any UPDATE except the one Django
makes when a user account is deleted (the entry keeps `actor_email`, loses `actor_id`).
SQLite gets the UPDATE rule only: its test-database flush deletes rows one by one.
"""

from django.db import migrations

from clinic.roles import sync_role_groups

TABLE = "auditlog_logentry"


def columns(schema_editor):
    with schema_editor.connection.cursor() as cursor:
        description = schema_editor.connection.introspection.get_table_description(cursor, TABLE)
    return [col.name for col in description if col.name != "actor_id"]


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    unchanged = " AND ".join(
        f"NEW.{c} IS NOT DISTINCT FROM OLD.{c}" for c in columns(schema_editor)
    )
    if vendor == "postgresql":
        schema_editor.execute(
            f"""
            CREATE FUNCTION audit_trail_append_only() RETURNS trigger AS $$
            BEGIN
                IF TG_OP = 'UPDATE' AND NEW.actor_id IS NULL AND {unchanged} THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION 'The audit trail cannot be changed or deleted.';
            END;
            $$ LANGUAGE plpgsql;
            CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE ON {TABLE}
                FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
            """
        )
    elif vendor == "sqlite":
        sqlite_unchanged = unchanged.replace("IS NOT DISTINCT FROM", "IS")
        schema_editor.execute(
            f"""
            CREATE TRIGGER audit_trail_no_update BEFORE UPDATE ON {TABLE}
            WHEN NOT (NEW.actor_id IS NULL AND {sqlite_unchanged})
            BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be changed.'); END;
            """
        )


def remove(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            f"DROP TRIGGER IF EXISTS audit_trail_append_only ON {TABLE};"
            "DROP FUNCTION IF EXISTS audit_trail_append_only();"
        )
    elif vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS audit_trail_no_update;")


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0003_clinic_alert_threshold_and_more"),
        ("auditlog", "0017_add_actor_email"),
    ]

    operations = [
        migrations.RunPython(install, remove),
        migrations.RunPython(sync_role_groups, migrations.RunPython.noop),
    ]
