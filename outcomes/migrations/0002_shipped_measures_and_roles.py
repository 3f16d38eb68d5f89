from django.db import migrations

from clinic.roles import sync_role_groups


def load_shipped(apps, schema_editor):
    from outcomes import content

    content.load(apps.get_model("outcomes", "Questionnaire"))


class Migration(migrations.Migration):
    dependencies = [("outcomes", "0001_outcome_measures")]

    operations = [
        migrations.RunPython(load_shipped, migrations.RunPython.noop),
        migrations.RunPython(sync_role_groups, migrations.RunPython.noop),
    ]
