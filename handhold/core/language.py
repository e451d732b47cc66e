"""Is a draft written in English? A cheap guess, for the pressure checker, which reads English
only: on a draft in another language it would judge words it cannot read, so the planner says
so plainly and gives no verdict instead.

The guess counts the most common function words ("the", "and", "you" against "que", "y",
"tú", ...): every language leans on a small set of them, whatever the topic, so even a few
sentences tell. A word that two of these languages share ("a", "no", "me") says nothing and
is left out. When a text is too short to tell, or holds no function word at all, it is taken
to be English, and checked as before: the guess only ever stands a draft aside when another
language clearly outweighs English.

Pure Python, no Django import.
"""

from __future__ import annotations

import re
from collections import Counter


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The commonest function words of each language: articles, pronouns, prepositions,
# conjunctions and everyday verbs. Lower case; accents as written.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the and to of in is it you that this for with be are was not but what have do if "
        "would like we our your my i i'm i'd it's don't can about just so at or on they "
        "them their there how when want think feel something maybe could should will "
        "me a no"
    ),
    "es": _words(
        "el la los las y que de en es un una por para con del al lo se tu tú mi yo te "
        "nos nuestro nuestra pero como si más qué cómo cuando quiero quieres algo "
        "me gustaría podemos hablar sobre esto eso está estás ser hacer también muy "
        "sé puedes creo siento a no"
    ),
    "fr": _words(
        "le les et est une des du pour avec pas je tu nous vous mais que qui dans sur "
        "ce cette mon ton être avoir très quelque chose"
    ),
    "pt": _words(
        "o os e é um uma do da dos das em para com não eu você nós mas que isso isto "
        "meu minha muito também quero gostaria"
    ),
    "de": _words(
        "der die das und ist ein eine nicht ich du wir mit für auf aber wie was zu "
        "mein dein sehr auch möchte etwas"
    ),
    "it": _words(
        "il lo gli e è un una di da per con non io tu noi ma che questo mio tuo "
        "molto anche vorrei qualcosa"
    ),
}

# A word two languages share is no evidence for either.
_SHARED = frozenset(
    word
    for language, words in FUNCTION_WORDS.items()
    for other, other_words in FUNCTION_WORDS.items()
    if other != language
    for word in words & other_words
)
_EVIDENCE = {language: words - _SHARED for language, words in FUNCTION_WORDS.items()}

# Fewer words than this, and there is too little to tell: taken as English.
MIN_WORDS = 4

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def function_word_counts(text: str) -> Counter[str]:
    """How many of each language's (unshared) function words `text` holds."""
    counts: Counter[str] = Counter()
    for word in _WORD.findall(text.lower()):
        word = word.replace("’", "'")
        for language, words in _EVIDENCE.items():
            if word in words:
                counts[language] += 1
    return counts


def reads_as_english(text: str) -> bool:
    """False only when `text` is clearly in another language: at least MIN_WORDS words, and
    more function words of some other language than of English."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return True
    counts = function_word_counts(text)
    english = counts.pop("en", 0)
    return not counts or english >= max(counts.values())
