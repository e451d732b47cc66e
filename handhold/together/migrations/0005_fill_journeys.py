"""Fill the couple's journey rows (couples.CoupleJourney, PersonJourney) for every couple paired
before they existed, from the facts they summarise. Lives here, in the last stage, because it
reads every stage's facts. Backwards it empties them: the facts are untouched either way."""

from django.db import migrations


def fill(apps, schema_editor):
    from handhold.together.state import rebuild_journey

    couples = apps.get_model("accounts", "Couple").objects.values_list("pk", flat=True)
    for couple_id in couples.iterator():
        rebuild_journey(couple_id, apps=apps)


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
