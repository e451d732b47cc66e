# Private matching now names the two people and the couple by their random public ids
# (accounts 0006) instead of their primary keys. A stored match says "a" and "b" for the two
# people in the order of their ids, so where the new order differs from the old one, "a" and
# "b" are swapped, and every match reads as it did. A run still going was hashed with the old
# ids and cannot finish: it is stopped, as either person could have done.

from django.db import migrations
from django.utils import timezone

IN_PROGRESS = ("round_one", "round_two", "mutual")
STEP_FIELDS = (
    "first_round_one",
    "second_round_one",
    "first_round_two",
    "second_round_two",
    "first_mutual",
    "second_mutual",
)


def _swap(text):
    item, receiver, level = text.split("|")
    receiver = {"a": "b", "b": "a"}.get(receiver, receiver)
    return f"{item}|{receiver}|{level}"


def _reorder_matches(apps):
    """Swap "a" and "b" in every stored match whose couple's two ids sort the other way round
    by public id than by primary key. Its own inverse: the same swap undoes it."""
    User = apps.get_model("accounts", "User")
    PrivateMatch = apps.get_model("discovery", "PrivateMatch")
    for match in PrivateMatch.objects.all():
        people = list(User.objects.filter(couple_id=match.couple_id).values_list("pk", "public_id"))
        if len(people) != 2:
            continue
        old_first = min(people, key=lambda p: str(p[0]))
        new_first = min(people, key=lambda p: p[1].hex)
        if old_first != new_first:
            match.tokens = sorted(_swap(t) for t in match.tokens)
            match.save(update_fields=["tokens"])


def to_public_ids(apps, schema_editor):
    _reorder_matches(apps)
    PrivateRun = apps.get_model("discovery", "PrivateRun")
    now = timezone.now()
    for run in PrivateRun.objects.filter(status__in=IN_PROGRESS):
        run.status = "cancelled"
        run.finished_at = now
        for field in STEP_FIELDS:
            setattr(run, field, None)
        run.save()


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0006_public_ids"),
        ("discovery", "0004_private_matching"),
    ]

    operations = [
        migrations.RunPython(to_public_ids, lambda apps, schema_editor: _reorder_matches(apps)),
    ]
