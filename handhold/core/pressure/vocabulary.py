"""Every word list the pressure checker uses, each once, as a named regex fragment.

Fragments are non-capturing groups without word boundaries, so a rule can say
`rf"\\b{YOU}'?re {INTENSIFIER}?{TRAIT}\\b"`. Compile with re.IGNORECASE.

Pure Python, no Django.
"""

from __future__ import annotations

# The partner, as texters write it.
YOU = r"(?:you|u|ya)"
# "You are", with or without the apostrophe or the verb.
YOURE = r"(?:you'?re|you are|ur|u r|u are)"
# The writer.
I_WILL = r"(?:i'?ll|i will|i'?m (?:going to|gonna)|i am going to)"
# The writer, in the conditional.
I_WOULD = r"(?:i'?d|i would)"
# The thing being asked about, said plainly or indirectly.
TOPIC = (
    r"(?:it|this|that|anal|butt stuff|back door(?: thing)?|the plug|a plug|the toy|pegging|sex|"
    r"the thing)"
)
# Words that make the next one stronger, zero or more of them.
INTENSIFIER = (
    r"(?:(?:so|such an?|really|totally|kind of|kinda|a bit|too|being|a|an|just|terribly|"
    r"weirdly|honestly) )*"
)
# Words that negate what follows in the same clause.
NEGATOR = (
    r"(?:\b(?:not|never|no|don'?t|doesn'?t|didn'?t|won'?t|wouldn'?t|isn'?t|aren'?t|wasn'?t|"
    r"can'?t|cannot|shouldn'?t|mustn'?t|nobody|nothing|without|neither|nor)\b|n't\b)"
)
# Words that look like a negator but are not one ("no problem" says yes; "if you don't" is a
# condition, "why can't you" a complaint): masked before a negator is looked for.
NOT_A_NEGATOR = (
    rf"(?:\bno (?:problem|issue|trouble)s?\b|\bif (?:{YOU}|we) (?:don'?t|do not|won'?t|can'?t|"
    rf"say no|refuse)\b|\bif not\b|\bwhy (?:can'?t|won'?t|don'?t|wouldn'?t|not) (?:{YOU}|we)\b)"
)
# Words after which the earlier part of a sentence no longer speaks for what follows.
CONTRAST = r"(?:\b(?:but|though|although|however|except|that said|then again)\b)"
# Where a negation stops reaching within a clause: a comma, a dash between words, or a contrast.
SCOPE_BREAK = rf"(?:,|\s[-\u2013\u2014]\s|{CONTRAST})"
# The turn from a respect phrase to a cost: a contrast, or a softer word that does the same.
TURN = rf"(?:{CONTRAST}|\b(?:just|only|also|still|well|i'?ll be honest)\b)"
# Phrases that say a no is welcome. They never cancel what follows them.
RESPECT = (
    rf"(?:\b(?:no|zero|without any) pressure\b|\b{YOU} (?:can|could) (?:\w+ )?(?:say no|"
    rf"decline|pass)\b|\b(?:{YOURE}|feel) (?:\w+ )?(?:free|allowed) to (?:say no|decline)\b|"
    rf"\bsay no if {YOU}\b|\b(?:totally |entirely |completely |100% )?(?:{YOU}r|your) "
    rf"(?:call|choice|decision)\b|\b(?:it'?s |its )?(?:totally |entirely )?up to {YOU}\b|"
    rf"\bno is (?:a |an )?(?:\w+ )?(?:answer|sentence)\b|\bno wrong answer\b|"
    rf"\bno hard feelings\b|\b(?:it'?s|its|totally) fine if\b|\bdon'?t feel obliged\b|"
    rf"\byour body,? your choice\b|\bfree choice\b|\byour consent matters\b|"
    rf"\bhold space\b|\bof course {YOU} can\b)"
)
# What a no will cost the partner, said by the writer after a respect phrase.
COST_OF_NO = (
    rf"(?:\b(?:{I_WILL}|{I_WOULD}|i(?:'?m| am)|i) (?:\w+ ){{0,3}}(?:be|feel|get) (?:\w+ ){{0,3}}"
    rf"(?:hurt|disappointed|upset|sad|gutted|crushed|heartbroken|insufferable|quieter|"
    rf"distant|cold)\b|"
    rf"\ba no (?:\w+ ){{0,2}}(?:hurt|tells? me|means?|confirms?|says)\b|"
    rf"\bhard to feel close\b|\bhard on my\b|\bpull back\b|\b(?:the couch|spare room)\b|"
    rf"\bstop (?:bringing (?:up )?(?:anything )?new|asking what)\b|"
    rf"\b(?:rethink|reconsider) (?:some )?(?:things|us|this)\b|\blook elsewhere\b|"
    rf"\bfind someone (?:else|who)\b|\bwith my other partner\b|\bwon'?t bother\b|"
    rf"\b(?:won'?t|not) (?:be )?in (?:the|much of a) mood\b|\bsulk\w*|"
    rf"\bnot as compatible\b|\b(?:says|tells me) (?:a lot|where)\b|"
    rf"\bchange how i see us\b|\bwhether this marriage\b|\bkeep raising\b|"
    rf"\bnot (?:feel like )?doing the things {YOU} like\b|\bnot going to pretend i'?m okay\b|"
    rf"\bmakes me look\b|\bfew hard feelings\b|\bgo without\b)"
)
# Names for the partner's character that shame a boundary.
TRAIT = (
    r"(?:prude|prudish|frigid|uptight|vanilla|boring|closed[- ]?minded|narrow[- ]minded|"
    r"killjoy|buzzkill|lame|pathetic|childish|immature|repressed|old[- ]fashioned|square|"
    r"no fun|a nun|a baby|a child|cold fish|selfish|judgy|judgmental|unadventurous|"
    r"a coward|a wimp|scaredy[- ]?cat|dramatic|ridiculous|stuck[- ]up)"
)
# Anger, as the writer says it of themself.
ANGRY = (
    r"(?:angry|pissed(?: off)?|mad|furious|fed up|annoyed|irritated|livid|sick|tired|"
    r"frustrated)"
)
# Alcohol and drugs.
INTOXICANT = (
    r"(?:drinks?|drunk|tipsy|buzzed|merry|wasted|hammered|stoned|high|wine|beers?|vodka|"
    r"tequila|whiske?y|gin|rum|shots?|cocktails?|margaritas?|prosecco|champagne|booze|alcohol|joint|weed|"
    r"edibles?|gummies|molly|mdma|pills?|poppers)"
)
# Being under the influence.
INTOXICATED = r"(?:drunk|tipsy|buzzed|merry|wasted|hammered|stoned|high|faded|sloshed|lit)"
# What the writer hopes drink or drugs will do to the partner's answer.
LOOSENED = (
    r"(?:relax|loosen(?:ed)? up|loose|less (?:nervous|tense|uptight|scared)|more (?:fun|open|"
    r"relaxed|adventurous|game)|up for (?:anything|it)|game|easier|won'?t (?:care|mind)|"
    r"say yes|into it|in the mood)"
)
# A partner, someone else's or a former one.
PARTNER = r"(?:partner|girlfriend|boyfriend|wife|husband|gf|bf|lover)"
# Someone the writer was with before.
EX = rf"(?:my (?:ex|former|last|previous|old)(?:[- ]?{PARTNER})?)"
# Other people, as a standard to meet.
OTHERS = r"(?:other (?:women|men|girls|guys|people|couples|partners)|everyone else)"
# What someone did or liked, in a comparison.
WAS_GAME = (
    r"(?:(?:(?:all|always|actually|happily|even|totally|used to|would|will|did|was|were) )*"
    r"(?:love[sd]?|like[sd]?|enjoy(?:s|ed)?|let me|begged|into it|up for it|had no problem|"
    r"did it|did this|(?:is|are|was|were|would be) (?:happy to|fine with|up for it|into)|"
    r"does it|do it|lets))"
)
# A body made to feel it, as the writer says it.
AROUSED = r"(?:horny|hard|wet|turned on|worked up|aroused|desperate)"

# A message that credibly says a no costs nothing (to be replaced by a classifier, #14).
SAYS_NO_IS_FINE = (
    r"\b(?:(?:a |your )?no is (?:completely |totally |perfectly |absolutely |100% |always )?"
    r"(?:fine|okay|ok|alright|all right|welcome|an answer|a full answer|respected)|"
    r"(?:it'?s|that'?s|that would be|would be) (?:completely |totally |perfectly |absolutely |"
    r"100% |also |still )?(?:fine|okay|ok|alright|all right|cool) (?:if (?:you|not|the answer)|"
    r"to say no|either way|too)|(?:you can|feel free to|free to|you'?re allowed to|"
    r"it'?s okay to|it'?s ok to|it'?s fine to) (?:always )?(?:say no|decline|stop|pass|"
    r"change your mind)|no pressure|zero pressure|without (?:any )?pressure|"
    r"no (?:hard feelings|strings)|(?:happy|happily|glad) (?:to )?(?:just )?cuddle|"
    r"nothing changes between us|if (?:it'?s|the answer is) (?:a )?no,? (?:that'?s|it'?s) "
    r"(?:fine|okay|ok|alright)|we (?:can|could) (?:always )?(?:stop|pause) (?:at )?any(?: )?time|"
    r"you(?:'re| are) (?:always )?in (?:control|charge)|you can stop (?:at )?any ?time|"
    r"you (?:don'?t|never) have to|no (?:is|means) no|(?:fine|okay|ok) if (?:you'?re|you are) "
    r"not (?:into|interested)|if not,? (?:that'?s|it'?s|no) (?:fine|okay|ok|worries|problem))"
)

# Any run of words within one sentence that does not cross a "but" (a contrast starts a new
# thought, as in clauses.py).
NOT_PAST_BUT = r"(?:(?!\bbut\b)[^.?!])*"

# The model's word classes (model.features, "k:"): the everyday things a couple's errands and
# plans are about, by kind, and the words of the intimate topic itself. A class is one feature
# for many words, so the model learns from "the dishes" and "the boiler" what to make of "the
# gutters" too, which no message it learned from mentions. Plain everyday nouns; a few that
# pressure uses about as often as plans do (birthday, anniversary, trip, lift) are left out,
# and the model weighs the rest (a car is also what resource manipulation withholds).
EVERYDAY_THINGS = {
    "food": (
        r"dinner|lunch|breakfast|brunch|tea|coffee|pizza|pasta|curry|takeaway|takeout|fries|"
        r"chips|cake|biscuits?|cookies?|snacks?|dessert|soup|salad|sandwich(?:es)?|toast|"
        r"recipe|groceries|supermarket|wine|beer|pint|cocktails?|popcorn|leftovers|fridge|"
        r"oven|kettle|kitchen|veg|vegetables|fruit|bread|milk|eggs|cheese|restaurant|cafe|"
        r"pub|menu|smoothie|ice cream"
    ),
    "home": (
        r"dishes|washing|laundry|hoover(?:ing)?|vacuum|bins?|rubbish|trash|recycling|cleaning|"
        r"ironing|chores?|boiler|shel(?:f|ves)|plumber|landlord|rent|mortgage|bills?|council|"
        r"garden|garage|loft|keys|heating|radiator|printer|wifi|router|laptop|charger"
    ),
    "money": r"tenner|fiver|quid|bucks|receipt|budget|bank|invoice|tax",
    "travel": r"car|bus|train|flights?|station|airport|traffic|parking|petrol|bike|taxi|hotel",
    "work": (
        r"office|boss|manager|meeting|shift|email|report|project|exam|homework|school|"
        r"interview|colleagues?|clients?|spreadsheets?"
    ),
    "family": (
        r"mum|mom|dad|mother|father|sister|brother|grandma|gran|nan|kids|children|son|"
        r"daughter|aunt|uncle|cousin|neighbou?rs?|in-laws"
    ),
    "events": r"party|wedding|reunion|funeral|barbecue|bbq|christmas|holiday|vacation",
    "media": (
        r"film|movie|show|series|episodes?|finale|telly|tv|remote|netflix|game|match|football|"
        r"rugby|quiz|puzzle|podcast|concert|tickets?|gig"
    ),
    "pets": r"dog|cat|puppy|vet",
    "health": r"dentist|doctor|appointment|flu|headache|cough|gym",
}
INTIMATE = (
    r"(?:toys?|anal|sex|sexy|plug|pegging|bed|bedroom|kink[a-z]*|fantas[a-z]+|intimate|"
    r"intimacy|butt|lube|naked|turn(?:ed|s)? on|horny|touch(?:ing)?|foreplay|oral)"
)
