import pytest

from handhold.content.registry import default_pack
from handhold.notice.services import log_reaction


@pytest.fixture
def log():
    """log(person, reaction, idea_id="", note="") adds one entry to that person's own log."""

    def add(person, reaction, idea_id="", note=""):
        return log_reaction(
            author=person, pack=default_pack(), reaction=reaction, idea_id=idea_id, note=note
        )

    return add
