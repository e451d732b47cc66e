import pytest

from handhold.core import usernames
from handhold.core.usernames import lookalike_key, mixes_scripts, normalise, skeleton


def test_fullwidth_letters_are_the_same_name_as_plain_ones():
    assert normalise("ｓａｍ") == "sam"
    assert normalise(" River ") == "River"
    assert lookalike_key("ｓａｍ") == lookalike_key("sam")


@pytest.mark.parametrize(
    ("look_alike", "original"),
    [
        ("s\u0430m", "sam"),  # Cyrillic a
        ("\u0430lex", "alex"),
        ("Iris", "lris"),  # a capital I looks like a small l
        ("B0B", "BOB"),  # a zero looks like a capital O
        ("\u0405\u0410\u041c", "sam"),  # Cyrillic 'ЅАМ' reads as 'SAM', the same name as 'sam'
        ("rnia", "mia"),
        ("\u03c1\u03bf", "po"),  # Greek rho and omicron
    ],
)
def test_names_that_look_alike_share_a_key(look_alike, original):
    assert lookalike_key(look_alike) == lookalike_key(original)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("sam", "sam1"),
        ("alex", "alix"),
        ("river", "rivers"),
        ("mia", "nia"),
        ("ruby", "tuzy"),
        ("\u0455\u0430\u043c", "sam"),  # Cyrillic 'ѕам': its 'м' is a small capital M
    ],
)
def test_names_that_do_not_look_alike_keep_their_own_keys(one, other):
    assert lookalike_key(one) != lookalike_key(other)


def test_the_skeleton_maps_look_alikes_to_one_prototype():
    assert skeleton("\u0430") == skeleton("a") == "a"  # Cyrillic a
    assert skeleton("m") == skeleton("rn") == "rn"  # as in Unicode's own table
    assert skeleton("1") == skeleton("l") == skeleton("I")


def test_the_skeleton_is_stable_for_every_character_in_the_table():
    """Applying it twice changes nothing: each group has one prototype, and keys agree."""
    for char in list(usernames._prototypes()):
        once = skeleton(char)
        assert skeleton(once) == once, repr(char)


@pytest.mark.parametrize(
    "name", ["s\u0430m", "alex\u03b1", "\u043f\u0440\u0438\u0432\u0435\u0442abc", "abcαβγ"]
)
def test_names_that_mix_alphabets_are_spotted(name):
    assert mixes_scripts(name)


@pytest.mark.parametrize(
    "name",
    [
        "river",
        "river_2.0@home+me-too",  # digits and the allowed punctuation belong to every script
        "\u03c3\u03bf\u03c6\u03af\u03b1",  # σοφία, Greek
        "\u0430\u043d\u043d\u0430_77",  # анна_77, Cyrillic
        "\u65e5\u672c\u3072\u3089\u304c\u306a\u30ab\u30bf",  # Japanese: Han, Hiragana, Katakana
        "\ud55c\uad6d\u8a9e",  # Korean: Hangul with Han
        "Zo\u00eb",  # an accented Latin letter is Latin
    ],
)
def test_names_in_one_alphabet_are_welcome(name):
    assert not mixes_scripts(normalise(name))
