"""Fill the couple's journey rows (couples.CoupleJourney, PersonJourney) for every couple, from
the facts they summarise: for couples paired before the rows existed, and again for every
couple now that the rows keep the couple's topic. Lives here, in the last stage, because it
reads every stage's facts.

It runs today's rebuilding code (handhold.together.state) on the models as they stand here.
When a later migration adds a fact that code reads, this one must become a no-op as 0005 did,
and the new migration fill the rows instead."""

from django.db import migrations


def fill(apps, schema_editor):
    from handhold.together.state import rebuild_journey

    couples = apps.get_model("accounts", "Couple").objects.values_list("pk", flat=True)
    for couple_id in couples.iterator():
        rebuild_journey(couple_id, apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("couples", "0003_topics"),
        ("discovery", "0004_private_matching"),
        ("together", "0005_fill_journeys"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
