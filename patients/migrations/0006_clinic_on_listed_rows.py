"""Pain entries, sessions and alerts carry their patient's clinic, so that each staff list
("this clinic's newest rows") is served by one index rather than a join through every
patient. Existing rows take their patient's clinic."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_clinics(apps, schema_editor):
    Patient = apps.get_model("patients", "Patient")
    clinic = Subquery(Patient.objects.filter(pk=OuterRef("patient_id")).values("clinic_id")[:1])
    for model in ("PainEntry", "SessionLog", "Alert"):
        apps.get_model("patients", model).objects.update(clinic_id=clinic)


def clinic_field(null):
    return models.ForeignKey(
        editable=False,
        null=null,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="clinic.clinic",
        verbose_name="clinic",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0005_access_record"),
        ("patients", "0005_alert_per_entry_phone"),
    ]

    operations = [
        *(
            migrations.AddField(model_name=model, name="clinic", field=clinic_field(True))
            for model in ("painentry", "sessionlog", "alert")
        ),
        migrations.RunPython(copy_clinics, migrations.RunPython.noop),
        *(
            migrations.AlterField(model_name=model, name="clinic", field=clinic_field(False))
            for model in ("painentry", "sessionlog", "alert")
        ),
        migrations.AddIndex(
            model_name="alert",
            index=models.Index(
                fields=["clinic", "acknowledged_at", "-warning_sign", "-created_at"],
                name="patients_alert_clinic_queue",
            ),
        ),
        migrations.AddIndex(
            model_name="painentry",
            index=models.Index(fields=["clinic", "-recorded_at"], name="patients_pain_clinic_time"),
        ),
        migrations.AddIndex(
            model_name="sessionlog",
            index=models.Index(fields=["clinic", "-date"], name="patients_session_clinic_date"),
        ),
    ]
