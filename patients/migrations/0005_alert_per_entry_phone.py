"""One alert per pain entry, with every reason on it; an entry needs only a score or a
warning sign; patients' phone numbers.

Entries that raised several alerts (one per kind) keep one, which carries every reason.
It stays open if any of them was open, so nothing a clinician has not seen is closed.
"""

import uuid

import django.core.validators
import django.db.models.deletion
import phonenumber_field.modelfields
from django.db import migrations, models

WARNING_SIGN_FIELDS = (
    "cannot_bear_weight",
    "swelling",
    "locking_or_giving_way",
    "fever_or_redness",
    "worsening_pain",
)


def one_alert_per_entry(apps, schema_editor):
    Alert = apps.get_model("patients", "Alert")
    by_entry = {}
    for alert in Alert.objects.order_by("pain_entry_id", "created_at"):
        by_entry.setdefault(alert.pain_entry_id, []).append(alert)
    for alerts in by_entry.values():
        kept, others = alerts[0], alerts[1:]
        kinds = {alert.kind for alert in alerts}
        kept.warning_sign = "warning_sign" in kinds
        kept.high_score = "high_score" in kinds
        kept.rising = "rising" in kinds
        kept.advice = "contact" if kinds & {"warning_sign", "high_score"} else "ease_off"
        if any(alert.acknowledged_at is None for alert in alerts):
            kept.acknowledged_at = kept.acknowledged_by = None
        else:
            last = max(alerts, key=lambda alert: alert.acknowledged_at)
            kept.acknowledged_at, kept.acknowledged_by_id = (
                last.acknowledged_at,
                last.acknowledged_by_id,
            )
        kept.note = "\n".join(alert.note for alert in alerts if alert.note)
        kept.save()
        Alert.objects.filter(pk__in=[alert.pk for alert in others]).delete()


def one_alert_per_kind(apps, schema_editor):
    """Back to an alert per kind (the migration undone): one row for each reason."""
    Alert = apps.get_model("patients", "Alert")
    for alert in Alert.objects.all():
        flags = {
            "warning_sign": alert.warning_sign,
            "high_score": alert.high_score,
            "rising": alert.rising,
        }
        kinds = [kind for kind, flag in flags.items() if flag]
        alert.kind = kinds[0]
        alert.save()
        for kind in kinds[1:]:
            alert.pk = None
            alert.id = uuid.uuid4()
            alert.kind = kind
            alert.save()


class Migration(migrations.Migration):
    dependencies = [
        ("patients", "0004_plan_print_handout"),
    ]

    operations = [
        # Patients' phones, for the clinician's call-back.
        migrations.AddField(
            model_name="patient",
            name="phone",
            field=phonenumber_field.modelfields.PhoneNumberField(
                blank=True,
                help_text="For example 613-555-0100. Shown on alerts.",
                max_length=128,
                region=None,
                verbose_name="phone",
            ),
        ),
        migrations.AddField(
            model_name="patient",
            name="phone_other",
            field=phonenumber_field.modelfields.PhoneNumberField(
                blank=True, max_length=128, region=None, verbose_name="other phone"
            ),
        ),
        migrations.AddField(
            model_name="patient",
            name="contact_time",
            field=models.CharField(
                blank=True,
                choices=[
                    ("any", "Any time"),
                    ("morning", "Mornings"),
                    ("afternoon", "Afternoons"),
                    ("evening", "Evenings"),
                ],
                max_length=10,
                verbose_name="best time to call",
            ),
        ),
        # A score or a warning sign is all an entry needs.
        migrations.RemoveConstraint(model_name="painentry", name="patients_painentry_score_range"),
        migrations.AlterField(
            model_name="painentry",
            name="score",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text="0 means no pain, 10 the worst pain you can imagine.",
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(0),
                    django.core.validators.MaxValueValidator(10),
                ],
                verbose_name="pain score",
            ),
        ),
        migrations.AlterField(
            model_name="painentry",
            name="context",
            field=models.CharField(
                blank=True,
                choices=[
                    ("rest", "At rest"),
                    ("during", "During exercise"),
                    ("after", "After exercise"),
                    ("morning", "The next morning"),
                ],
                max_length=10,
                verbose_name="when it hurt",
            ),
        ),
        migrations.AlterField(
            model_name="painentry",
            name="location",
            field=models.CharField(
                blank=True,
                choices=[
                    ("kneecap", "Behind or around the kneecap"),
                    ("outside", "Outside of the knee"),
                    ("below", "Below the kneecap"),
                    ("spot", "One specific spot"),
                    ("elsewhere", "Somewhere else"),
                ],
                max_length=10,
                verbose_name="where it hurts",
            ),
        ),
        migrations.AlterField(
            model_name="painentry",
            name="knee",
            field=models.CharField(
                blank=True,
                choices=[("left", "Left knee"), ("right", "Right knee"), ("both", "Both knees")],
                max_length=5,
                verbose_name="which knee",
            ),
        ),
        migrations.AddConstraint(
            model_name="painentry",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("score__isnull", True),
                    models.Q(("score__gte", 0), ("score__lte", 10)),
                    _connector="OR",
                ),
                name="patients_painentry_score_range",
            ),
        ),
        migrations.AddConstraint(
            model_name="painentry",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("score__isnull", False),
                    *((field, True) for field in WARNING_SIGN_FIELDS),
                    _connector="OR",
                ),
                name="patients_painentry_score_or_warning_sign",
            ),
        ),
        # One alert per entry: the reasons as columns, then the old alerts merged.
        migrations.AddField(
            model_name="alert",
            name="warning_sign",
            field=models.BooleanField(default=False, verbose_name="warning sign"),
        ),
        migrations.AddField(
            model_name="alert",
            name="high_score",
            field=models.BooleanField(default=False, verbose_name="high pain score"),
        ),
        migrations.AddField(
            model_name="alert",
            name="rising",
            field=models.BooleanField(default=False, verbose_name="pain rising above baseline"),
        ),
        migrations.AddField(
            model_name="alert",
            name="advice",
            field=models.CharField(
                choices=[
                    ("contact", "Contact the clinic today"),
                    ("ease_off", "Ease off, and call if it keeps rising"),
                ],
                default="contact",
                max_length=10,
                verbose_name="the patient was told",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="alert",
            name="outcome",
            field=models.CharField(
                blank=True,
                choices=[
                    ("called", "Called the patient"),
                    ("booked", "Booked a visit"),
                    ("advised", "Gave advice"),
                    ("no_answer", "No answer"),
                ],
                max_length=10,
                verbose_name="outcome",
            ),
        ),
        migrations.RemoveConstraint(model_name="alert", name="patients_alert_one_per_kind"),
        migrations.RunPython(one_alert_per_entry, one_alert_per_kind),
        migrations.RemoveField(model_name="alert", name="detail"),
        migrations.RemoveField(model_name="alert", name="kind"),
        migrations.AlterField(
            model_name="alert",
            name="pain_entry",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="alert",
                to="patients.painentry",
                verbose_name="pain entry",
            ),
        ),
        migrations.AddConstraint(
            model_name="alert",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("warning_sign", True), ("high_score", True), ("rising", True), _connector="OR"
                ),
                name="patients_alert_has_a_reason",
            ),
        ),
    ]
