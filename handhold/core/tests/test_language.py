"""The cheap guess at whether a draft is English, which decides whether the pressure checker
(English only) may judge it."""

import pytest

from handhold.core.language import MIN_WORDS, function_word_counts, reads_as_english

ENGLISH = [
    "I find you so attractive. Would you like to talk about something new?",
    "Come on, just try it once.",
    "There's something I've been curious about. No pressure at all, and a no is fine.",
    "Can we talk tonight? I'd love to hear what you think.",
    # English with a Spanish word or two in it is still English.
    "I love you, cariño. Could we talk about something new this weekend?",
]
NOT_ENGLISH = [
    "Me encantas. ¿Te gustaría que hablemos de algo nuevo? Un no está perfectamente bien.",
    "Hay algo que me da curiosidad y quiero hablarlo contigo cuando te venga bien.",
    "Venga, pruébalo una vez, por mí.",
    "J'aimerais te parler de quelque chose, mais seulement si tu veux.",
    "Ich möchte mit dir über etwas reden, aber nur wenn du willst.",
    "Eu gostaria de falar com você sobre uma coisa, mas só se você quiser.",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_is_read_as_english(text):
    assert reads_as_english(text)


@pytest.mark.parametrize("text", NOT_ENGLISH)
def test_another_language_is_not(text):
    assert not reads_as_english(text)


@pytest.mark.parametrize("text", ["", "Hola", "¿Hablamos?", "Te quiero mucho", "Lube? Tonight?"])
def test_too_short_to_tell_is_taken_as_english_and_checked(text):
    """The guess only stands a draft aside when another language clearly wins; a few words
    are checked as before."""
    assert len(text.split()) < MIN_WORDS
    assert reads_as_english(text)


def test_no_function_words_at_all_is_taken_as_english():
    assert reads_as_english("Lube, towels, cushions, music, candles, snacks, water, blankets.")


def test_words_two_languages_share_are_no_evidence():
    # "a", "no" and "me" are English and Spanish alike: they count for neither.
    assert function_word_counts("a no me a no me") == {}
