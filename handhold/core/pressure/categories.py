"""The kinds of pressure the checker names, each with why it matters and a kinder way to say it.

Twelve are the checker's first categories; ten more come from the research on sexual coercion
in relationships (issue #14). Their names are fixed: the labelled messages in eval/pressure
use them. `sources` names the research each one comes from, by short key; the full citations,
and a table of every category for educators, are in docs/pressure-checker.md. "Handhold" marks
a category that is our own, from the advice Handhold is built on or from our labelled messages.

Pure Python, no Django.
"""

from __future__ import annotations

from dataclasses import dataclass

# The keys `sources` may use, each cited in full in docs/pressure-checker.md.
SOURCES = (
    "SCIRS",  # Shackelford & Goetz 2004, Sexual Coercion in Intimate Relationships Scale
    "SES",  # Koss et al. 2007, the revised Sexual Experiences Survey, verbal-coercion items
    "TOSS",  # Camilleri, Quinsey & Tapscott 2009, Tactics to Obtain Sex Scale
    "Stark 2007",  # Coercive Control
    "Duluth",  # the Power and Control Wheel, Domestic Abuse Intervention Programs
    "Forward 1997",  # Forward & Frazier, Emotional Blackmail
    "Goetz & Shackelford 2009",  # suspicion of infidelity and sexual coercion
    "Handhold",  # our own
)


@dataclass(frozen=True)
class Category:
    name: str
    why: str  # one sentence, said to the asker
    suggestion: str  # a kinder way to say it, said to the asker
    sources: tuple[str, ...] = ()


CATEGORIES: dict[str, Category] = {
    c.name: c
    for c in [
        # The checker's first twelve --------------------------------------------------------
        Category(
            "persistence",
            "Asking again after a no tells your partner their answer does not count.",
            "Take their answer warmly, and leave the next word on it to them, whenever they "
            "like, if ever.",
            ("SES",),
        ),
        Category(
            "guilt",
            "Guilt turns a wish into a debt, so a yes would come from obligation, not desire.",
            "Say what you would like, and that they owe you nothing either way.",
            ("SCIRS", "Forward 1997", "Duluth"),
        ),
        Category(
            "relationship_threat",
            "Linking the relationship to a yes makes a no feel dangerous.",
            "Make it clear that your relationship is safe whatever they answer.",
            ("SES", "SCIRS"),
        ),
        Category(
            "insult",
            "Calling someone names for their boundaries shames them into silence.",
            "Describe your own wish without judging theirs: 'I'm curious; how do you feel?'",
            ("SES", "Duluth"),
        ),
        Category(
            "anger",
            "Anger about an answer makes saying no feel unsafe.",
            "Take time with your own feelings first; talk when you can be warm about any answer.",
            ("SES",),
        ),
        Category(
            "comparison",
            "Comparing your partner with exes or others makes them compete instead of choose.",
            "Talk about the two of you only: what you would like to explore together.",
            ("SCIRS", "Handhold"),
        ),
        Category(
            "bargaining",
            "Trading favours or keeping score turns consent into a payment.",
            "Ask for nothing in return, and offer nothing in exchange: only a free yes counts.",
            ("TOSS", "Handhold"),
        ),
        Category(
            "arousal_pressure",
            "Using your arousal as a reason makes your partner responsible for it.",
            "Your arousal is yours to enjoy or let pass; ask when they can answer freely.",
            ("Handhold",),
        ),
        Category(
            "minimising",
            "Calling it no big deal, or saying everyone does it, brushes their feelings aside.",
            "Say that it is a real question, and that every answer is a good one.",
            ("Handhold",),
        ),
        Category(
            "intoxication",
            "Alcohol or drugs blur consent, and blur signals such as pain.",
            "Suggest talking, and exploring anything, only when you are both sober.",
            ("SES",),
        ),
        Category(
            "surprise",
            "Springing it on them, or 'just try it once', skips their consent for the real thing.",
            "Offer to go slowly, one step at a time, with them in control and free to stop.",
            ("Handhold",),
        ),
        Category(
            "explicit_threat",
            "A threat takes away any real choice.",
            "Take the threat out entirely; a real question leaves room for a no that costs "
            "nothing.",
            ("SCIRS", "SES", "Duluth"),
        ),
        # Ten from the research (issue #14) --------------------------------------------------
        Category(
            "obligation",
            "Talk of duty, or of what couples are supposed to do, makes a yes sound owed "
            "rather than wanted.",
            "Say what you would love, and that nobody owes anybody this: a yes only counts "
            "when it is wanted.",
            ("SCIRS", "Duluth", "Forward 1997"),
        ),
        Category(
            "resource_manipulation",
            "Tying money, a home, a lift, help or your affection to an answer makes a no cost "
            "them something they need.",
            "Tell them that everything else stays as it is whatever they answer: your help and "
            "your affection come with no conditions.",
            ("SCIRS", "Stark 2007", "Duluth"),
        ),
        Category(
            "deception",
            "A promise you may not keep, or a claim that is not true, means a yes would be "
            "given to something that is not real.",
            "Say honestly what you would like and what you can promise, such as going slowly "
            "and stopping the moment they want to.",
            ("SES", "Forward 1997"),
        ),
        Category(
            "jealousy",
            "Suspicion or jealousy turns a no into something they have to defend.",
            "If you feel insecure, talk about that feeling on its own, kindly, and keep it "
            "apart from this question.",
            ("Duluth", "Stark 2007", "Goetz & Shackelford 2009"),
        ),
        Category(
            "emotional_blackmail",
            "Hinting at despair or harm to yourself makes your partner responsible for your "
            "safety, so a no feels impossible.",
            "If you are really struggling, that matters and deserves support of its own, from "
            "someone you trust or a helpline, whatever your partner answers.",
            ("Forward 1997", "Duluth"),
        ),
        Category(
            "sulking",
            "Going quiet, cold or gloomy after a no makes your partner pay for their answer.",
            "Let them know a no leaves your mood and your warmth exactly as they are; a cuddle is "
            "a lovely evening too.",
            ("SES", "Forward 1997"),
        ),
        Category(
            "deadline",
            "A time limit, a last chance or a promise to keep asking hurries a decision that "
            "deserves all the time it needs.",
            "Take the clock away: there is no rush, and they can answer whenever they like, "
            "or never.",
            ("Forward 1997", "Handhold"),
        ),
        Category(
            "sunk_cost",
            "Pointing to money, effort or waiting already spent turns what you gave into a bill.",
            "Let what you have done or bought be a gift, and ask with no strings attached.",
            ("Forward 1997", "Handhold"),
        ),
        Category(
            "dismissing_reasons",
            "Claiming to know their body or wishes better than they do sets aside the one "
            "person who gets to decide.",
            "Trust what they tell you about themselves, and ask how they feel rather than "
            "telling them.",
            ("SES", "Duluth"),
        ),
        Category(
            "respect_then_cost",
            "Saying a no is fine and then naming a price for it takes the freedom back in the "
            "same breath.",
            "Keep the first half and let the second go: a no that is fine costs nothing, so "
            "say only that.",
            ("Handhold",),
        ),
    ]
}
