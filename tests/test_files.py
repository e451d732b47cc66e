"""Keys and secrets are written whole, readable by their owner only, or not at all."""

import os

import pytest

from handhold.config.env import secret_from_data_dir
from handhold.files import private_file, write_private_file


def mode(path) -> int:
    return path.stat().st_mode & 0o777


def test_a_private_file_is_0600_even_when_the_umask_would_share_it(tmp_path):
    old_umask = os.umask(0)
    try:
        write_private_file(tmp_path / "key", "new")
    finally:
        os.umask(old_umask)
    assert (tmp_path / "key").read_text() == "new" and mode(tmp_path / "key") == 0o600


def test_it_is_0600_while_it_is_written_not_only_once_done(tmp_path):
    with private_file(tmp_path / "key") as temporary:
        assert temporary.parent == tmp_path and mode(temporary) == 0o600
        temporary.write_text("new")
    assert mode(tmp_path / "key") == 0o600


def test_replacing_a_shared_file_leaves_it_private(tmp_path):
    target = tmp_path / "key"
    target.write_text("old")
    target.chmod(0o644)
    write_private_file(target, "new")
    assert target.read_text() == "new" and mode(target) == 0o600


def test_a_failed_rename_leaves_the_old_file_whole_and_no_temporary_behind(tmp_path, monkeypatch):
    target = tmp_path / "key"
    write_private_file(target, "old")

    def power_cut(source, destination):
        raise OSError("the machine stopped here")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError):
        write_private_file(target, "new")
    assert target.read_text() == "old" and mode(target) == 0o600
    assert list(tmp_path.iterdir()) == [target]


def test_a_failed_write_leaves_the_old_file_whole_and_no_temporary_behind(tmp_path):
    target = tmp_path / "key"
    write_private_file(target, "old")
    with pytest.raises(RuntimeError), private_file(target) as temporary:
        temporary.write_text("half of the ne")
        raise RuntimeError("the disk filled up")
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_only_if_absent_never_replaces_what_is_there(tmp_path):
    target = tmp_path / "secret"
    write_private_file(target, "first", only_if_absent=True)
    with pytest.raises(FileExistsError):
        write_private_file(target, "second", only_if_absent=True)
    assert target.read_text() == "first"
    assert list(tmp_path.iterdir()) == [target]


def test_a_generated_secret_is_made_once_0600_and_then_only_read(tmp_path):
    made = []

    def make():
        made.append(1)
        return "generated"

    assert secret_from_data_dir(tmp_path / "secret_key", make) == "generated"
    assert secret_from_data_dir(tmp_path / "secret_key", make) == "generated"
    assert made == [1] and mode(tmp_path / "secret_key") == 0o600


def test_a_secret_written_by_another_process_meanwhile_is_the_one_used(tmp_path):
    target = tmp_path / "secret_key"

    def make():
        # Another worker, starting at the same moment, gets there first.
        write_private_file(target, "theirs", only_if_absent=True)
        return "ours"

    assert secret_from_data_dir(target, make) == "theirs"
    assert target.read_text() == "theirs" and list(tmp_path.iterdir()) == [target]
