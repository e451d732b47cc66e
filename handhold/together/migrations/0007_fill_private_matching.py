"""Copy whether private matching is on (both partners ticked it) into the couple's journey row,
for couples that switched it on before the row had the field. Lives here, in the last stage,
beside the fillings of the rows (0005, 0006), because it reads discovery's ticks."""

from django.db import migrations
from django.db.models import Count


def fill(apps, schema_editor):
    ticks = apps.get_model("discovery", "PrivateMatchingTick").objects
    on = ticks.values("couple_id").annotate(n=Count("pk")).filter(n__gte=2)
    apps.get_model("couples", "CoupleJourney").objects.filter(
        couple_id__in=on.values("couple_id")
    ).update(private_matching=True)


class Migration(migrations.Migration):
    dependencies = [
        ("couples", "0004_couplejourney_private_matching"),
        ("discovery", "0004_private_matching"),
        ("together", "0006_fill_journeys_by_topic"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
