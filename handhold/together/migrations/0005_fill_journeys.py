"""Once filled the couple's journey rows for every couple paired before they existed. The
filling now happens in 0006, after the topic was added to the facts: the rebuilding code reads
today's facts, which the models as they stood here do not all have. Backwards it empties them:
the facts are untouched either way."""

from django.db import migrations


def fill(apps, schema_editor):
    """Nothing: 0006_fill_journeys_by_topic fills (or fills again) every couple's rows."""


def empty(apps, schema_editor):
    apps.get_model("couples", "CoupleJourney").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_no_last_login"),
        ("conversation", "0003_talkinvitation_public_id"),
        ("couples", "0002_journey"),
        ("discovery", "0003_openedlevel"),
        ("together", "0004_public_ids"),
    ]

    operations = [migrations.RunPython(fill, empty)]
