"""Migration 0003 gives existing people their look-alike keys, and renames nobody."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("accounts", "0002_couple_joined_by")]
AFTER = [("accounts", "0003_safe_usernames_and_recovery")]


@pytest.fixture
def latest_afterwards(transactional_db):
    """Back to the latest migrations afterwards, whatever the test did, for the tests after."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_existing_people_get_keys_and_the_first_of_two_look_alikes_keeps_it(latest_afterwards):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_user = executor.loader.project_state(BEFORE).apps.get_model("accounts", "User")
    now = timezone.now()
    for name in ("sam", "\uff53\uff41\uff4d", "Iris", "lris", "\u0430\u043d\u043d\u0430"):
        old_user.objects.create(username=name, password="!", adult_confirmed_at=now)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new_user = executor.loader.project_state(AFTER).apps.get_model("accounts", "User")
    keys = dict(new_user.objects.values_list("username", "username_skeleton"))
    assert keys == {
        "sam": "sarn",
        "\uff53\uff41\uff4d": None,  # fullwidth 'ｓａｍ' came second, and keeps its name
        "Iris": "lris",
        "lris": None,
        "\u0430\u043d\u043d\u0430": "a\u029c\u029ca",  # small capital H, as Unicode says
    }
    assert set(new_user.objects.values_list("recovery_code_hash", flat=True)) == {""}
