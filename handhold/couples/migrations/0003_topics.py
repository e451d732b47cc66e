"""A couple chooses its topic: the suggestions, the topic in the journey row, and "we talked"
kept by topic. Everything said so far was about the default pack, so that is what the existing
confirmations and journey rows are given."""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def about_the_default_pack(apps, schema_editor):
    from handhold.content.registry import default_pack

    default = default_pack().id
    apps.get_model("couples", "TalkConfirmation").objects.update(pack_id=default)
    apps.get_model("couples", "CoupleJourney").objects.update(topic=default)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_no_last_login"),
        ("couples", "0002_journey"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="talkconfirmation",
            name="pack_id",
            field=models.CharField(default="", max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="couplejourney",
            name="topic",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name="couplejourney",
            name="topic_suggested_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(about_the_default_pack, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name="talkconfirmation",
            name="one_confirmation_each",
        ),
        migrations.AddConstraint(
            model_name="talkconfirmation",
            constraint=models.UniqueConstraint(
                fields=("couple", "person", "pack_id"), name="one_confirmation_each_per_topic"
            ),
        ),
        migrations.CreateModel(
            name="TopicSuggestion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("public_id", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("pack_id", models.CharField(max_length=64)),
                ("suggested_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "answer",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("yes", "Yes, let's explore it"),
                            ("not_now", "Not now"),
                            ("not_for_me", "Not for me"),
                        ],
                        max_length=12,
                    ),
                ),
                ("answered_at", models.DateTimeField(blank=True, null=True)),
                ("withdrawn", models.BooleanField(default=False)),
                (
                    "couple",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="topic_suggestions",
                        to="accounts.couple",
                    ),
                ),
                (
                    "suggested_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={"ordering": ["-suggested_at", "-pk"]},
        ),
    ]
