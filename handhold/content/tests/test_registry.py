import shutil

import pytest

from handhold.content import registry
from handhold.content.apps import check_content_packs


@pytest.fixture
def second_pack(tmp_path, settings):
    target = tmp_path / "second"
    shutil.copytree(settings.HANDHOLD_DEFAULT_PACK, target)
    manifest = (target / "manifest.yaml").read_text().replace("id: anal-play", "id: second")
    (target / "manifest.yaml").write_text(manifest)
    registry.clear()
    yield target
    registry.clear()


def test_the_default_pack_is_served():
    assert registry.default_pack().id == "anal-play"
    assert "anal-play" in registry.all_packs()


def test_an_educator_adds_a_pack_through_a_setting(settings, second_pack):
    settings.HANDHOLD_EXTRA_PACKS = [second_pack]
    assert set(registry.all_packs()) == {"anal-play", "second"}
    assert check_content_packs() == []


def test_a_broken_extra_pack_fails_the_start_up_check(settings, second_pack):
    (second_pack / "cards.yaml").write_text("- id: [unclosed\n")
    settings.HANDHOLD_EXTRA_PACKS = [second_pack]
    errors = check_content_packs()
    assert len(errors) == 1
    assert errors[0].id == "content.E001"
    assert errors[0].msg.startswith(f"{second_pack}/cards.yaml: line ")
    assert "YAML syntax error" in errors[0].msg
