from django.db import migrations

from clinic.roles import sync_role_groups


class Migration(migrations.Migration):
    dependencies = [
        ("patients", "0001_initial"),
        ("education", "0002_role_permissions"),
    ]

    operations = [migrations.RunPython(sync_role_groups, migrations.RunPython.noop)]
