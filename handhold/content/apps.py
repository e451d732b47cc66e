from django.apps import AppConfig
from django.core import checks


class ContentConfig(AppConfig):
    """Content packs: topics kept in YAML files, validated at start-up."""

    name = "handhold.content"
    label = "content"

    def ready(self) -> None:
        checks.register(check_content_packs, "content")


def check_content_packs(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """A broken pack stops Handhold from starting, with one line per problem.

    `handhold serve` runs the system checks before it starts the server, so an educator's typo
    is reported at once, in the same words as `handhold content check`.
    """
    from handhold.content import registry
    from handhold.core.packs import PackError, load_packs

    try:
        load_packs(registry.pack_folders())
    except PackError as error:
        return [checks.Error(line, id="content.E001") for line in error.problems]
    return []
