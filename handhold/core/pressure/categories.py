"""The kinds of pressure the checker names, each with why it matters and a kinder way to say it.

Pure Python, no Django.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    name: str
    why: str
    suggestion: str


CATEGORIES: dict[str, Category] = {
    c.name: c
    for c in [
        Category(
            "persistence",
            "Asking again after a no tells your partner their answer does not count.",
            "Accept the answer and let them know they can bring it up themselves, if ever.",
        ),
        Category(
            "guilt",
            "Guilt turns a wish into a debt, so a yes would come from obligation, not desire.",
            "Say what you would like, and that they owe you nothing either way.",
        ),
        Category(
            "relationship_threat",
            "Linking the relationship to a yes makes no feel dangerous.",
            "Make it clear that your relationship is safe whatever they answer.",
        ),
        Category(
            "insult",
            "Calling someone names for their boundaries shames them into silence.",
            "Describe your own wish without judging theirs: 'I'm curious; how do you feel?'",
        ),
        Category(
            "anger",
            "Anger or sulking about an answer makes saying no feel unsafe.",
            "Take time with your own feelings first; talk when you can be warm about any answer.",
        ),
        Category(
            "comparison",
            "Comparing your partner with exes or others makes them compete instead of choose.",
            "Talk about the two of you only: what you would like to explore together.",
        ),
        Category(
            "bargaining",
            "Trading favours or keeping score turns consent into a payment.",
            "Ask for nothing in return, and offer nothing in exchange: only a free yes counts.",
        ),
        Category(
            "arousal_pressure",
            "Using your arousal as a reason makes your partner responsible for it.",
            "Your arousal is yours to handle; ask only when they can answer freely.",
        ),
        Category(
            "minimising",
            "Calling it no big deal, or saying everyone does it, brushes their feelings aside.",
            "Acknowledge that it is a real question, and that every answer is fine.",
        ),
        Category(
            "intoxication",
            "Alcohol or drugs blur consent, and signals such as pain.",
            "Suggest talking, and anything you try, only when you are both sober.",
        ),
        Category(
            "surprise",
            "Springing it on them, or 'just try it once', skips their consent for the real thing.",
            "Offer to go slowly, one step at a time, with them in control and free to stop.",
        ),
        Category(
            "explicit_threat",
            "A threat takes away any real choice.",
            "Remove the threat entirely; a request has to allow a no with no consequences.",
        ),
    ]
}
