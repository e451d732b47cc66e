from datetime import UTC, datetime, timedelta

from handhold.core import invitations


def test_a_code_carries_at_least_80_random_bits():
    code = invitations.new_invitation_code()
    canonical = invitations.normalise_code(code)
    assert canonical is not None
    # 20 symbols from a 32-letter alphabet: 100 bits.
    assert len(canonical) * 5 >= 80
    assert len(set(invitations.new_invitation_code() for _ in range(1000))) == 1000


def test_typing_a_code_back_forgives_case_spaces_dashes_and_look_alikes():
    code = invitations.new_invitation_code()
    canonical = invitations.normalise_code(code)
    typed = " " + code.lower().replace("-", " ") + " "
    assert invitations.normalise_code(typed) == canonical
    assert invitations.normalise_code("O" * 20) == "0" * 20
    assert invitations.normalise_code("il" * 10) == "1" * 20


def test_something_that_cannot_be_a_code_is_refused():
    assert invitations.normalise_code("") is None
    assert invitations.normalise_code("ABC") is None
    assert invitations.normalise_code("U" * 20) is None  # U is not in the alphabet


def test_the_stored_hash_matches_however_the_code_was_typed():
    code = invitations.new_invitation_code()
    assert invitations.hash_code(code) == invitations.hash_code(code.lower().replace("-", ""))
    assert code.replace("-", "") not in invitations.hash_code(code)


def test_a_code_is_usable_only_before_it_expires():
    created = datetime(2026, 1, 1, tzinfo=UTC)
    expires = invitations.expires_at(created, timedelta(hours=24))
    assert invitations.is_usable(expires, created + timedelta(hours=23, minutes=59))
    assert not invitations.is_usable(expires, created + timedelta(hours=24))
