from django.db import migrations

from clinic.roles import sync_role_groups


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0001_initial"),
        ("clinic", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(sync_role_groups, migrations.RunPython.noop)]
