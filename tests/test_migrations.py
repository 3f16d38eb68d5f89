from io import StringIO

from django.core.management import call_command


def test_no_model_change_is_missing_a_migration(db):
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:
        raise AssertionError(f"Migrations are pending:\n{out.getvalue()}") from None
