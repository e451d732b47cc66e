from handhold.core import recovery_codes
from handhold.core.recovery_codes import new_recovery_code, normalise_recovery_code


def test_a_code_carries_at_least_100_random_bits():
    code = new_recovery_code()
    canonical = normalise_recovery_code(code)
    assert canonical is not None
    assert len(canonical) * 5 == recovery_codes.CODE_BITS >= 100
    assert len({new_recovery_code() for _ in range(1000)}) == 1000


def test_a_code_is_grouped_in_fours_for_copying():
    groups = new_recovery_code().split("-")
    assert len(groups) == 6
    assert all(len(group) == 4 for group in groups)


def test_typing_a_code_back_forgives_case_spaces_dashes_and_look_alikes():
    code = new_recovery_code()
    typed = "  " + code.lower().replace("-", " ") + "\n"
    assert normalise_recovery_code(typed) == code.replace("-", "")
    assert normalise_recovery_code("O" * 24) == "0" * 24
    assert normalise_recovery_code("IL" * 12) == "1" * 24


def test_something_that_cannot_be_a_code_is_refused():
    assert normalise_recovery_code("") is None
    assert normalise_recovery_code("ABCD-EFGH") is None
    assert normalise_recovery_code("U" * 24) is None  # U is not in the alphabet
