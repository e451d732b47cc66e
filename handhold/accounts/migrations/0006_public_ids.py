# Ids that say nothing: each person and each couple gets a random public id, for what private
# matching sends to browsers and hashes, in place of the sequential primary key, which stays for
# joins and never reaches a page.

import uuid

from django.db import migrations, models

MODELS = ("User", "Couple")


def give_each_row_its_own_public_id(apps, schema_editor):
    """A default on the new column would give every existing row the same value, so the column
    comes in empty, each row gets a random id of its own here, and only then does the column
    become unique and required."""
    for name in MODELS:
        model = apps.get_model("accounts", name)
        rows = list(model.objects.filter(public_id__isnull=True).only("pk"))
        for row in rows:
            row.public_id = uuid.uuid4()
        model.objects.bulk_update(rows, ["public_id"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0005_no_last_login"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="public_id",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="couple",
            name="public_id",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(give_each_row_its_own_public_id, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="user",
            name="public_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AlterField(
            model_name="couple",
            name="public_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
