# The consent rules (issue 12): a pause and "we talked" move to the couples app, where every
# stage can read them; "held back" items become halts by level after a red or a stop; a session
# knows the step the two are at.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def move_to_couples_and_halts(apps, schema_editor):
    """Copy pauses and "we talked" marks into the couples app (one confirmation per person,
    their earliest), and turn each person's held-back items into one halt at the lowest of
    their levels, on the couple's latest ended session."""
    from handhold.content.registry import all_packs

    Pause = apps.get_model("together", "Pause")
    TalkedMark = apps.get_model("together", "TalkedMark")
    HeldBack = apps.get_model("together", "HeldBack")
    SessionPlan = apps.get_model("together", "SessionPlan")
    Halt = apps.get_model("together", "Halt")
    NewPause = apps.get_model("couples", "Pause")
    TalkConfirmation = apps.get_model("couples", "TalkConfirmation")

    for pause in Pause.objects.all():
        NewPause.objects.create(
            couple_id=pause.couple_id, paused_by_id=pause.paused_by_id, paused_at=pause.paused_at
        )
    earliest = {}
    for mark in TalkedMark.objects.order_by("marked_at"):
        earliest.setdefault((mark.couple_id, mark.person_id), mark.marked_at)
    for (couple_id, person_id), moment in earliest.items():
        TalkConfirmation.objects.create(
            couple_id=couple_id, person_id=person_id, confirmed_at=moment
        )
    packs = all_packs()
    lowest = {}
    for held in HeldBack.objects.all():
        level = min((p.level_of(held.item_id, default=1) for p in packs.values()), default=1)
        key = (held.couple_id, held.held_by_id)
        if key not in lowest or level < lowest[key][0]:
            lowest[key] = (level, held.since)
    for (couple_id, person_id), (level, since) in lowest.items():
        plan = (
            SessionPlan.objects.filter(couple_id=couple_id, status="ended")
            .order_by("-ended_at", "-pk")
            .first()
        )
        if plan is not None:
            Halt.objects.get_or_create(
                plan=plan,
                why="stop",
                held_by_id=person_id,
                defaults={"couple_id": couple_id, "level": level, "since": since},
            )


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
        ('couples', '0001_initial'),
        ('together', '0002_alter_debrief_change_alter_debrief_felt_and_more'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='sessionplan',
            name='current_position',
            field=models.PositiveSmallIntegerField(default=1),
        ),
        migrations.CreateModel(
            name='Halt',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('why', models.CharField(choices=[('red', 'Red at a check-in'), ('stop', 'A debrief said stop')], max_length=4)),
                ('level', models.PositiveSmallIntegerField()),
                ('since', models.DateTimeField(default=django.utils.timezone.now)),
                ('opened_at', models.DateTimeField(blank=True, null=True)),
                ('couple', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='halts', to='accounts.couple')),
                ('held_by', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('plan', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='halts', to='together.sessionplan')),
            ],
            options={
                'ordering': ['level', 'pk'],
            },
        ),
        migrations.AddConstraint(
            model_name='halt',
            constraint=models.UniqueConstraint(fields=('plan', 'why', 'held_by'), name='one_halt_per_event'),
        ),
        migrations.RunPython(move_to_couples_and_halts, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='pause',
            name='couple',
        ),
        migrations.RemoveField(
            model_name='pause',
            name='paused_by',
        ),
        migrations.RemoveField(
            model_name='talkedmark',
            name='couple',
        ),
        migrations.RemoveField(
            model_name='talkedmark',
            name='person',
        ),
        migrations.DeleteModel(
            name='HeldBack',
        ),
        migrations.DeleteModel(
            name='Pause',
        ),
        migrations.DeleteModel(
            name='TalkedMark',
        ),
    ]
