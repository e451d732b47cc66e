"""The checker's rules: patterns for the few cases they find precisely, and the
negation and framing cues around them.

Pure Python, no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from handhold.core.pressure.categories import CATEGORIES
from handhold.core.pressure.findings import Finding

# A clause ends at sentence punctuation, a line break, a semicolon or a dash between words.
_CLAUSE = re.compile(r"[^.!?;\n]+(?:[.!?;]+|\n|$)")
_NEGATOR = re.compile(
    r"\b(?:not|never|no|don'?t|doesn'?t|didn'?t|won'?t|wouldn'?t|isn'?t|aren'?t|wasn'?t|"
    r"can'?t|cannot|shouldn'?t|mustn'?t|nobody|nothing|without|neither|nor|"
    r"stop(?:ped)? (?:asking|pushing))\b|n't\b",
    re.IGNORECASE,
)
# Phrases that announce that what follows is not pressure but its opposite.
_RESPECT_FRAME = re.compile(
    r"\b(?:i (?:promise|swear) (?:i|to)|i (?:will|'ll) never|i (?:would|'d) never|"
    r"you (?:never|don'?t) have to|you don'?t need to|no need to|only if you|if you (?:ever )?"
    r"want|if you'?d like|whenever you|unless you want)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Rule:
    category: str
    pattern: re.Pattern
    # A rule built around a negation ("won't take no") must not be cancelled by one.
    negatable: bool = True
    # Words a little before the match, in the same clause, that cancel it ("only if" sober).
    unless_before: re.Pattern | None = None
    # Words anywhere after the match, in the same clause, that cancel it.
    unless_after: re.Pattern | None = None


def _r(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


YOU = r"(?:you|u|ya)"
ACT = r"(?:it|this|that|anal|butt stuff|back door|the plug|a plug|the toy|pegging|sex)"

RULES: list[Rule] = [
    # Persistence after a no
    Rule(
        "persistence",
        _r(
            r"\b(?:keep|keeps|kept|going to keep|gonna keep|'ll keep|will keep) "
            r"(?:asking|bringing (?:it|this) up|trying|at it|pushing)\b"
        ),
    ),
    Rule(
        "persistence", _r(r"\b(?:won'?t|will not|don'?t|do not|never) take no\b"), negatable=False
    ),
    Rule(
        "persistence",
        _r(r"\bno (?:isn'?t|is not) (?:an|a real|really an?) (?:answer|option)\b"),
        negatable=False,
    ),
    Rule(
        "persistence",
        _r(
            r"\b(?:ask|asking|bring (?:it|this) up) (?:you )?(?:again|every day|"
            r"until)\b"
        ),
        unless_after=_r(r"\bif you (?:want|ask|bring)|\bonly if\b"),
    ),
    Rule(
        "persistence",
        _r(
            rf"\b{YOU} (?:already )?said no(?: before| last time| already)?,? "
            r"but\b"
        ),
        negatable=False,
    ),
    Rule(
        "persistence",
        _r(r"\b(?:change|changed) your mind (?:yet|already|by now)\b"),
        negatable=False,
    ),
    Rule(
        "persistence",
        _r(r"\bwhy not\?+|\bcome on\b|\bpretty please\b|\bplease please\b"),
        negatable=False,
    ),
    Rule(
        "persistence",
        _r(
            r"\b(?:think|thinking) about it again\b|\breconsider\b|"
            r"\bgive it another (?:thought|chance)\b"
        ),
        unless_after=_r(r"\bif you\b|\bonly\b|\bwhenever\b"),
    ),
    Rule(
        "persistence",
        _r(r"\b(?:not|never) (?:going to |gonna )?(?:stop|give up|drop it)\b"),
        negatable=False,
    ),
    # Guilt
    Rule(
        "guilt",
        _r(
            rf"\b(?:after (?:all|everything) (?:i'?ve|i have) (?:done|given)|"
            rf"{YOU} owe me|{YOU} kind of owe me|{YOU} owe it to me)\b"
        ),
    ),
    Rule(
        "guilt",
        _r(
            rf"\bif {YOU} (?:really |truly )?(?:loved|love|cared about|cared for|"
            rf"wanted) me,? {YOU}(?:'?d| would)\b"
        ),
        negatable=False,
    ),
    Rule(
        "guilt",
        _r(
            rf"\b(?:{YOU} (?:never|don'?t ever) do anything for me|"
            rf"{YOU} make me feel (?:so )?(?:unwanted|rejected|undesired|unloved)|"
            rf"i (?:feel|felt) (?:so )?(?:rejected|unwanted|unloved) (?:because of {YOU}|"
            rf"when {YOU} (?:say|said) no)|it hurts me that {YOU} (?:won'?t|refuse))\b"
        ),
        negatable=False,
    ),
    Rule(
        "guilt",
        _r(
            rf"\b(?:i guess i'?m just not (?:enough|good enough|attractive enough)|"
            rf"{YOU} must not (?:love|want|find) me|do {YOU} even (?:love|want|care about|"
            rf"find) me|the least {YOU} (?:could|can) do|{YOU} can'?t (?:even )?give me "
            rf"(?:this|that|one thing)|(?:i'?ve|i have) (?:given up|sacrificed|done|"
            rf"put up with) so much(?: for (?:you|us))?)\b"
        ),
        negatable=False,
    ),
    Rule(
        "guilt",
        _r(
            r"\b(?:a real|a good|a loving) (?:partner|girlfriend|boyfriend|wife|husband) "
            r"would\b"
        ),
        negatable=False,
    ),
    # Threats to the relationship
    Rule(
        "relationship_threat",
        _r(
            r"\b(?:i'?ll|i will|i might|i may|i'?m going to|might have to) "
            r"(?:leave|break up|end (?:this|things|us)|walk away|"
            r"find someone (?:else|who))\b"
        ),
    ),
    Rule(
        "relationship_threat",
        _r(
            r"\b(?:deal[- ]?breaker|we'?re (?:probably )?not compatible|"
            r"(?:this|our|the) ?(?:relationship|marriage|thing)? (?:won'?t|can'?t|will not|"
            r"isn'?t going to) (?:last|work|survive)|"
            r"(?:don'?t|do not) know (?:how long|if) i can stay|"
            r"reconsider (?:us|this relationship|our relationship)|"
            r"rethink (?:us|this relationship|our relationship))\b"
        ),
        negatable=False,
    ),
    Rule(
        "relationship_threat",
        _r(
            r"\b(?:find|get) (?:it|that|this) (?:somewhere|elsewhere) else\b|"
            r"\bget it elsewhere\b|\bsomeone who will\b|"
            r"\bplenty of (?:people|others|women|men|girls|guys) (?:who )?would\b"
        ),
        negatable=False,
    ),
    Rule(
        "relationship_threat",
        _r(
            r"\bor (?:we'?re|we are) (?:done|over|finished)\b|"
            r"\b(?:we'?re|we are) (?:done|over) if\b"
        ),
        negatable=False,
    ),
    # Insults and shaming, aimed at the partner
    Rule(
        "insult",
        _r(
            rf"\b(?:{YOU}(?:'?re| are)|{YOU} (?:sound|seem|act)|don'?t be|stop being|"
            rf"such an?|being (?:so|such an?)) (?:so |such an? |a |an |really |"
            rf"totally |kind of |a bit |too )?(?:prude|prudish|frigid|uptight|vanilla|"
            rf"boring|closed[- ]minded|baby|child|childish|dramatic|square|stuck[- ]up|"
            rf"repressed|killjoy|buzzkill|selfish|cold|lame|pathetic|immature|"
            rf"old[- ]fashioned)\b"
        ),
        negatable=False,
    ),
    Rule(
        "insult",
        _r(
            r"\b(?:acting|behaving) like (?:a|an|such a) (?:child|baby|kid|prude|nun|"
            r"virgin|teenager|grandma|grandmother)\b"
        ),
        negatable=False,
    ),
    Rule(
        "insult",
        _r(
            rf"\b(?:grow up|man up|get over yourself|what'?s wrong with {YOU}|"
            rf"{YOU}'?re being ridiculous|so judgy|such a prude|"
            rf"{YOU}'?re no fun|{YOU} never want to have fun)\b"
        ),
        negatable=False,
    ),
    Rule(
        "insult",
        _r(
            r"\b(?:so|such an?|bit of an?|total|real|kind of an?) (?:prude|prudish|"
            r"frigid|uptight|vanilla|boring|closed[- ]minded|killjoy|buzzkill|"
            r"old[- ]fashioned|repressed|childish|immature|square)\b(?=[^.?!;]*\byou)|"
            r"(?<=\byou)[^.?!;]*\b(?:so|such an?|bit of an?|total|real) (?:prude|prudish|"
            r"frigid|uptight|vanilla|boring|closed[- ]minded|killjoy|old[- ]fashioned|"
            r"repressed|childish|immature)\b"
        ),
    ),
    # Anger and displeasure
    Rule(
        "anger",
        _r(
            r"\bi'?m (?:so |really |getting |honestly |pretty |just |starting to get )?"
            r"(?:angry|pissed(?: off)?|mad|furious|fed up|sick|tired|annoyed|frustrated|"
            r"irritated|upset|livid) (?:that|with|at|about|because|of|by|when|how)?\s?"
            r"(?:you|your|this|that|it|being|how|the way|always|every time|no|asking|"
            r"waiting|hearing)\b"
        ),
        unless_after=_r(
            r"\b(?:myself|my (?:job|work|boss|day|phone|commute|family)|work|"
            r"the (?:world|news|weather|traffic)|not (?:with|at) you)\b"
        ),
    ),
    Rule(
        "anger",
        _r(
            rf"\b(?:{YOU} (?:always|keep) (?:say(?:ing)?|turn(?:ing)? me down)|"
            rf"every time i ask {YOU} say|i'?m done asking nicely|"
            rf"this is (?:so )?(?:annoying|frustrating|ridiculous)|"
            rf"(?:won'?t|not going to) talk to {YOU} (?:until|unless)|"
            rf"giving {YOU} the silent treatment|don'?t bother (?:me|talking))\b"
        ),
        negatable=False,
    ),
    # Comparison with exes and others
    Rule(
        "comparison",
        _r(
            r"\b(?:my (?:ex|former|last|previous|old)(?: (?:partner|girlfriend|"
            r"boyfriend|wife|husband|gf|bf|lover))?|[a-z]+'s (?:girlfriend|boyfriend|"
            r"wife|husband|partner|gf|bf)|"
            r"other (?:women|men|girls|guys|people|couples|partners)|"
            r"(?:everyone|all) (?:else'?s|of my friends'?) (?:partners?|girlfriends?|"
            r"boyfriends?|wives|husbands)|my friends'? (?:partners?|girlfriends?|"
            r"boyfriends?|wives|husbands)|(?:his|her|their) (?:girlfriend|"
            r"boyfriend|wife|husband|partner)) (?:(?:all |always |actually |"
            r"happily |even |totally |used to |would |will |do |does |did |"
            r"was |were |is |are |be |been )+)?(?:do|does|did|love[sd]?|like[sd]?|"
            r"enjoy(?:s|ed)?|let|lets|into|up for|happy to|fine with|game|open|"
            r"willing|begged|asked for|want(?:s|ed)?|had no problem)\b"
        ),
    ),
    Rule(
        "comparison",
        _r(
            r"\b(?:more|way more|so much more|a lot more|far more) (?:adventurous|"
            r"fun|open|open[- ]minded|experimental|exciting|wild|generous|giving|"
            r"relaxed|chill) than (?:you|us)\b|\blike (?:my|your) (?:ex|last|former|"
            r"previous|old) ?(?:partner|girlfriend|boyfriend|wife|husband)?\b"
        ),
        unless_after=_r(r"\b(?:never|didn'?t|did not|wouldn'?t)\b"),
    ),
    Rule(
        "comparison",
        _r(
            r"\bunlike (?:my ex|you|other)|\bwhy can'?t you be (?:more )?like\b|"
            r"\bbetter than you\b|\bmore adventurous than you\b"
        ),
        negatable=False,
    ),
    # Bargaining and keeping score
    Rule(
        "bargaining",
        _r(
            rf"\b(?:i did|i'?ve done|i do) (?:\w+ ){{0,4}}for {YOU},? so\b|"
            rf"\bit'?s my turn\b|\b{YOU} owe me one\b|\bin (?:exchange|return) for\b|"
            rf"\b(?:trade|deal)\?|\bhow about a (?:trade|deal)\b|"
            rf"\bi'?ll\b[^.?!]{{0,40}}\bif {YOU} (?:say yes|agree|do it|try|let me|"
            rf"give in|go along)\b|"
            rf"\bi'?ll (?:do|buy|give|cook|clean|let {YOU})\b[^.?!]*\bif {YOU} "
            rf"(?:do|try|let|give)\b|\bif {YOU} (?:do|try|let me)\b[^.?!]*\bi'?ll "
            rf"(?:do|buy|give|let|stop|cook|clean|take)\b"
        ),
        negatable=False,
    ),
    Rule(
        "bargaining",
        _r(
            r"\b(?:it'?s only fair|fair'?s fair|only fair (?:that|if)|return the "
            r"favou?r|pay me back|make it up to me)\b"
        ),
        negatable=False,
    ),
    Rule(
        "bargaining",
        _r(
            r"\b(?:let'?s|we could|we can|how about we) (?:trade|swap|make a deal|"
            r"do a deal)\b|\b(?:trade|swap)(?: you)?:"
        ),
    ),
    Rule(
        "bargaining",
        _r(
            r"\b(?:for my birthday|as a (?:birthday|anniversary|christmas) "
            r"(?:present|gift)|(?:birthday|anniversary|valentine'?s) (?:present|gift|"
            r"treat)|you (?:promised|said you would)|keeping score|"
            r"(?:count|counting) (?:the times|how many times))\b"
        ),
        unless_after=_r(r"\bif you (?:want|'?d like)\b"),
    ),
    # Arousal pressure
    Rule(
        "arousal_pressure",
        _r(
            rf"\b(?:{YOU} (?:got|get|have) me (?:so |all )?(?:worked up|hard|"
            rf"wet|turned on|horny)|can'?t (?:just )?leave me (?:like this|hanging)|"
            rf"blue balls|i (?:need|have to have) (?:it|this|you) (?:so bad|"
            rf"now|tonight)|i can'?t (?:help|control) myself|"
            rf"it'?s (?:been|too) (?:so )?long|i'?m (?:so|too) (?:horny|"
            rf"frustrated) (?:and|so)|look what {YOU} (?:did|do) to me|"
            rf"{YOU} started it|finish what {YOU} started|"
            rf"(?:tease|teasing|turn|turning) me (?:on )?(?:like that )?and then "
            rf"(?:say no|stop|back out|change your mind)|led me on|"
            rf"leading me on)\b"
        ),
        negatable=False,
    ),
    Rule(
        "arousal_pressure",
        _r(
            rf"\b(?:(?:i'?m|i am|got me|so) (?:so |really |all )?(?:hard|wet|"
            rf"horny|turned on|worked up|aroused|desperate)|aching for {YOU}|"
            rf"{YOU} (?:turned|turn|got|get|make) me (?:on|hard|wet|horny))\b"
            rf"[^.?!]*\b(?:let me|{YOU} have to|{YOU} need to|"
            rf"don'?t stop me|deal with it|help me out|take care of|"
            rf"{YOU} owe|{YOU} can'?t)\b"
        ),
        negatable=False,
    ),
    # Minimising
    Rule(
        "minimising",
        _r(
            r"\b(?:it'?s |that'?s |this is |its )?(?:no|not a|not such a|not that) "
            r"big (?:of a )?deal\b"
        ),
        negatable=False,
        unless_before=_r(
            r"\bif (?:the answer is|it'?s|you say|you'?d rather|you don'?t|we don'?t|"
            r"you decide|you change)\b|\beither way\b"
        ),
        unless_after=_r(
            r"\bif (?:you|we)(?:'d| would)? (?:don'?t|do not|say no|rather|"
            r"decide not|change|never|stop|aren'?t|are not|prefer|want to stop|"
            r"want to wait|not)|\bto (?:say|stop|"
            r"change|pause|decline)|\bwhatever you|\bif (?:the answer|it|it'?s|that'?s)"
            r"(?: is)? (?:a )?no\b|\bif not\b|\beither way\b|\bif (?:you|we)(?:'re| are) not\b"
        ),
    ),
    Rule(
        "minimising",
        _r(
            r"\b(?:everyone|everybody|all couples|most (?:people|couples)|"
            r"literally everyone|all my friends|all our friends)(?:'s| is| are)? "
            r"(?:into|doing|trying|does|do|is "
            r"doing|are doing|tries|try|has tried|have tried|loves?|likes?|"
            r"enjoys?|is into|are into)(?: it| this| that| anal)?\b"
        ),
    ),
    Rule(
        "minimising",
        _r(
            rf"\b(?:it (?:won'?t|doesn'?t|will not|does not) (?:even )?hurt|"
            rf"(?:stop|quit) (?:overreacting|making (?:a|such a) (?:fuss|big deal)|"
            rf"overthinking|being dramatic|worrying|stressing|fussing)|"
            rf"{YOU}'?re overreacting|"
            rf"{YOU}'?re overthinking|it'?s (?:totally |completely )?normal,? "
            rf"(?:so|just) (?:relax|chill|get over)|it'?s just (?:a little|"
            rf"a bit of|some) (?:fun|butt stuff|play)|(?:relax|chill),? it'?s "
            rf"(?:just|only)|what'?s the big deal|why (?:is|are) {YOU} making "
            rf"(?:this|it) (?:such )?a (?:big )?(?:thing|deal))\b"
        ),
        negatable=False,
    ),
    # Intoxication
    Rule(
        "intoxication",
        _r(
            r"\b(?:after|with|over) (?:a (?:few|couple(?: of)?)|some|enough|"
            r"another|one more) (?:drinks|beers|glasses|shots|wines?|cocktails|"
            r"hits|tokes|edibles)\b[^.?!]*\b(?:try|do|relax|loosen|easier|"
            r"less (?:nervous|scared|tense)|open|game|go for it|more fun|"
            r"won'?t care|won'?t mind|say yes|into it)\b"
        ),
    ),
    Rule(
        "intoxication",
        _r(
            rf"\b(?:(?:get|getting|be|when {YOU}'?re|when {YOU} are|once {YOU}'?re|"
            rf"while {YOU}'?re|{YOU}'?re more fun|after we get) (?:a (?:little|bit) "
            rf"|really |pretty |kind of |so )?(?:drunk|tipsy|wasted|high|stoned|"
            rf"buzzed|hammered|faded|loose|loosened up|sloshed|blitzed|lit)|"
            rf"(?:loosen|relax) (?:you )?up with (?:a|some|a few)|"
            rf"(?:take|have|smoke|eat|pop) (?:a|an|some) (?:edible|joint|pill|"
            rf"molly|shots?|drinks?|hits?)(?: first| before)|"
            rf"(?:liquid courage|drink first|drinks first|"
            rf"a few drinks (?:and|then|first)|wine (?:first|and then)|"
            rf"more relaxed (?:after|with) (?:a|some|a few) (?:drinks?|wine|"
            rf"beers?|glass)))\b"
        ),
        unless_before=_r(
            r"\b(?:only if|unless|as long as|provided) (?:we'?re|we are|you'?re|you are|both)|"
            r"\bnot (?:when|while|if)\b|\bnever (?:when|while|if)\b"
        ),
    ),
    Rule(
        "intoxication",
        _r(
            r"\b(?:drinks?|shots?|wine|beers?|cocktails?|booze|tequila|vodka|"
            r"whiskey|rum|joint|weed|edibles?|pills?|molly|poppers)\b[^.?!]*"
            r"\b(?:try|do it|relax|loosen|easier|game|go for it|see what happens|"
            r"into it|won'?t mind|then we'?ll|in the mood|less (?:nervous|tense|"
            r"scared)|help (?:you|us))\b"
        ),
        unless_before=_r(
            r"\b(?:only if|unless|as long as|provided)\b|\bnot (?:when|while|if)\b|"
            r"\bnever\b|\bno\b|\bwithout\b|\bsober\b"
        ),
    ),
    Rule(
        "intoxication",
        _r(
            r"\b(?:loosen up|relax|be (?:more )?(?:game|fun|relaxed|open)|"
            r"less (?:nervous|tense|uptight|scared)|into it|say yes)\b[^.?!]*"
            r"\b(?:after|with|once (?:we'?ve|you'?ve) had) (?:a |some |a few |a "
            r"couple (?:of )?|one or two )?(?:drinks?|shots?|wine|glasses|beers?|"
            r"cocktails?|booze|hits?|tokes?|edibles?)\b"
        ),
        unless_before=_r(r"\b(?:never|not|no|sober|without)\b"),
    ),
    # Surprise, and "just try it once"
    Rule(
        "surprise",
        _r(
            r"\b(?:just|only) (?:try|do) (?:it|this|that)? ?(?:once|one time|for a "
            r"(?:second|minute|bit)|for me)\b|\b(?:just|only) once\b|"
            r"\bone (?:time|try),? (?:that'?s all|please|i promise)\b|"
            r"\bjust (?:the tip|a little bit in)\b"
        ),
        negatable=False,
        unless_before=_r(r"\b(?:ask|asking|bring (?:it|this) up|mention|say it|talk about)\b"),
        unless_after=_r(r"\bif (?:you|we) (?:both )?(?:want|like|feel|decide)\b"),
    ),
    Rule(
        "surprise",
        _r(
            rf"\b(?:{YOU} won'?t (?:even )?(?:notice|know|feel it)|"
            rf"(?:don'?t knock it|{YOU} won'?t know) (?:till|until) {YOU} try)\b"
        ),
        negatable=False,
    ),
    Rule(
        "surprise",
        _r(
            rf"\b(?:surprise {YOU}|catch {YOU} off guard|without (?:telling|warning|"
            rf"asking) {YOU}|"
            rf"(?:slip|sneak) (?:it|a finger|a toy|it in)|i'?(?:ll|m going to|m gonna) "
            rf"just (?:go for it|do it|slip|put it|stick|push)|in the middle of (?:sex|it) "
            rf"i (?:might|could|will|'?ll) (?:just)?|mid[- ]sex i'?ll|"
            rf"(?:don'?t knock it|you won'?t know) (?:till|until) {YOU} try|"
            rf"{YOU}'?ll (?:love|like|enjoy) it once {YOU} try|"
            rf"trust me,? {YOU}'?ll (?:love|like|enjoy))\b"
        ),
    ),
    # Explicit threats
    Rule(
        "explicit_threat",
        _r(
            rf"\b(?:or else|{YOU}'?ll regret|{YOU} will regret|"
            rf"i'?ll (?:tell|show) (?:everyone|your|our|people|the)|"
            rf"i'?ll (?:post|share|send) (?:the|those|your|our)|"
            rf"i'?ll make {YOU}|i can make {YOU}|{YOU}'?ll do it whether|"
            rf"whether {YOU} (?:like|want) it or not|like it or not|{YOU} (?:don'?t|won'?t) have a "
            rf"choice|{YOU} have no choice|i'?ll (?:cheat|hurt|punish))\b"
        ),
        negatable=False,
    ),
]

# Broader cues: looser patterns for each category, so that new phrasings of the same move are
# caught, not only the phrasings above. Negation and respectful frames still apply.
RULES += [
    Rule(
        "persistence",
        _r(
            r"\b(?:ask(?:ed|ing)?|bring(?:ing)? (?:it|this) up|beg(?:ged|ging)?)\b"
            r"[^.?!;]{0,30}\b(?:again|(?:two|three|four|five|\d+|many|so many|a "
            r"(?:third|fourth|fifth)) times?|a (?:second|third|fourth|fifth)|until "
            r"you|till you|every (?:day|night|week))\b"
        ),
        unless_after=_r(r"\bif you (?:want|ask|bring|ever)\b|\bonly if\b"),
    ),
    Rule(
        "persistence",
        _r(
            r"\b(?:still|yet) (?:a )?no\b|\bwhat about now\b|\bhow about now\b|"
            r"\bdon'?t say no\b|\bgive me a yes\b|\bsay yes (?:tomorrow|later|"
            r"eventually|soon|next time)\b|\bnot (?:giving|going to give|gonna give) "
            r"up\b|\bone more (?:time|chance)\b[^.?!]*\b(?:ask|please|consider)\b|"
            r"\bhear me out (?:again|one more)\b"
        ),
        negatable=False,
    ),
    Rule(
        "guilt",
        _r(
            r"\b(?:(?:i|i'?ve) (?:do|did|give|gave|have done|have given) so much|"
            r"(?:after|in) all (?:these|those) (?:years|months)|one (?:little |small )?"
            r"thing for me|(?:makes?|made) me (?:so |really )?(?:sad|hurt|feel (?:bad|"
            r"unwanted|rejected|ugly|unloved|unattractive))|don'?t trust me enough|"
            r"if you (?:really |actually |truly )?(?:loved|cared|trusted|respected) "
            r"(?:me|how i feel)|you'?d do it if you|i'?m (?:so )?(?:hurt|heartbroken|"
            r"disappointed) (?:that|you)|let me down|you'?re (?:hurting|disappointing) "
            r"me)\b"
        ),
    ),
    Rule(
        "relationship_threat",
        _r(
            r"\b(?:can'?t be with (?:someone|somebody|a person|you)|"
            r"not sure (?:where we stand|about us|we'?ll last|i can stay))\b"
        ),
        negatable=False,
    ),
    Rule(
        "relationship_threat",
        _r(
            r"\b(?:(?:find|look for|need) (?:someone|somebody) (?:else|more|who)|"
            r"(?:end|ending) (?:things|it|this|us)\b|break(?:ing)? up|"
            r"(?:question|doubt|doubting) (?:us|our relationship|this "
            r"relationship)|(?:we|this) might not (?:work|last)|"
            r"(?:stay|staying) with (?:you|someone) who)\b"
        ),
    ),
    Rule(
        "insult",
        _r(
            r"\b(?:you'?re|you are|ur|you'?re being|you (?:act|sound|seem))\b[^.?!;]{0,25}"
            r"\b(?:prude|prudish|frigid|uptight|vanilla|boring|closed[- ]?minded|nun|"
            r"baby|child|childish|killjoy|lame|pathetic|embarrassing|ridiculous|"
            r"old[- ]fashioned|repressed|square|dull|no fun|stiff|scared of everything|"
            r"cold fish|selfish)\b"
        ),
    ),
    Rule(
        "insult",
        _r(
            r"\b(?:don'?t|stop|quit) (?:being|acting) (?:so |such an? |like an? )?"
            r"(?:prude|prudish|frigid|uptight|vanilla|boring|closed[- ]?minded|nun|baby|"
            r"child|childish|killjoy|lame|dramatic|square|difficult|weird about)\b"
        ),
        negatable=False,
    ),
    Rule(
        "anger",
        _r(
            r"\b(?:i'?m|i am|i feel|makes? me|getting) (?:so |really |pretty |super |"
            r"kind of |a bit )?(?:angry|pissed(?: off)?|mad|furious|annoyed|irritated|"
            r"livid|fed up|sick of (?:this|it|you|asking|waiting|hearing)|tired of (?:this|"
            r"it|you|asking|waiting|hearing|being))\b"
        ),
        unless_after=_r(
            r"\b(?:myself|my (?:job|work|boss|day|phone|commute|family)|at work|"
            r"the (?:world|news|weather|traffic)|not (?:with|at) you)\b"
        ),
    ),
    Rule("anger", _r(r"^\s*(?:whatever|ugh+|fine then|forget it)\s*[.!]"), negatable=False),
    Rule(
        "comparison",
        _r(
            r"\b(?:every|each|any|all the) (?:girl|guy|woman|man|person|partner|one) "
            r"i'?ve (?:been with|dated|slept with)\b|\bmy ex[- ]?(?:wife|husband|"
            r"girlfriend|boyfriend|partner)?s?\b[^.?!;]{0,30}\b(?:into it|loved|"
            r"liked|enjoyed|did it|did this|let me|no problem|up for|fine with|"
            r"begged|wanted)\b|\b(?:half|most|all|lots|plenty) (?:of )?(?:the "
            r"people|people|couples|women|men|girls|guys) (?:we|i) know\b"
        ),
    ),
    Rule(
        "bargaining",
        _r(
            r"\b(?:payback|pay (?:me )?back|in return|in exchange|your turn to "
            r"(?:give|do)|owe me|quid pro quo|as a reward|earn(?:ed)? it|deserve "
            r"(?:it|this|a treat))\b"
        ),
    ),
    Rule(
        "bargaining",
        _r(
            r"\byou can (?:pick|choose|have|decide|get)\b[^.?!;]{0,50}\bif you "
            r"(?:say yes|agree|do it|try|let me)\b|\bi (?:gave|bought|did|got) "
            r"you\b[^.?!;]{0,30}\bso (?:now )?(?:it'?s )?(?:your turn|you (?:owe|"
            r"should|can))\b"
        ),
        negatable=False,
    ),
    Rule(
        "arousal_pressure",
        _r(
            r"\b(?:horny|aroused|turned on|worked up|so hard|so wet|aching|"
            r"blue balls)\b[^.?!;]{0,40}\b(?:hurts|please|let me|say no|"
            r"can'?t|have to|need (?:it|you|this)|help me)\b|\b(?:get|got|"
            r"make|made) me (?:this|so|all) (?:worked up|horny|hard|wet|turned "
            r"on)\b[^.?!;]{0,30}\b(?:and|then) (?:say no|stop|leave|back)"
        ),
        negatable=False,
    ),
    Rule(
        "minimising",
        _r(
            r"\b(?:it'?s|its|that'?s) (?:literally |really |honestly )?"
            r"(?:nothing|no biggie|not a thing|just a (?:finger|toy|little|bit)|"
            r"totally normal|completely normal|so normal|basically nothing)\b|"
            r"\b(?:people|others|couples) do (?:way |much |far )?(?:weirder|crazier|"
            r"worse|more)\b|\bmaking (?:it into |this into )?(?:such )?a (?:fuss|"
            r"thing|big deal|drama)\b|\bfuss over nothing\b|\bover nothing\b"
        ),
        negatable=False,
        unless_before=_r(r"\b(?:not|never|don'?t want to|no need to)\b"),
    ),
    Rule(
        "intoxication",
        _r(
            r"\b(?:drunk|tipsy|buzzed|stoned|high|wasted|a bottle of wine|"
            r"(?:some|a few|a couple of|few) (?:beers|drinks|shots|glasses)|"
            r"bottle of (?:wine|vodka|tequila)|get stoned|get high)\b[^.?!]*"
            r"\b(?:adventurous|relaxed|loose|game|open|fun|easier|see where|"
            r"plug|toy|try|do it)\b|\b(?:adventurous|relaxed|loose|game|open|"
            r"fun|easier)\b[^.?!]*\b(?:after|with|once) (?:a few|some|a "
            r"couple of|few|a) (?:beers|drinks|shots|glasses|glass of wine)\b"
        ),
        unless_before=_r(r"\b(?:only if|unless|as long as|not|never|no|sober|without|sorry)\b"),
    ),
    Rule(
        "surprise",
        _r(
            r"\b(?:give it|just give it|try it) (?:one|a single|1) (?:try|go|shot|time)\b|"
            r"\bone (?:try|go|shot),? (?:that'?s all|please|just)\b|\bunless you let "
            r"me\b|\bjust go for it\b[^.?!;]*\b(?:next time|one day|sometime|and "
            r"see)\b|\bsee how you react\b"
        ),
        negatable=False,
    ),
    Rule(
        "explicit_threat",
        _r(
            r"\b(?:or (?:you'?ll|you will) be sorry|end of (?:discussion|story)|"
            r"not up for (?:discussion|debate)|(?:tell|show) (?:your|my|our) "
            r"(?:sister|brother|mom|mum|dad|parents|friends|family|boss)|"
            r"(?:you'?re|you are) doing (?:it|this)|(?:it'?s|this is) "
            r"happening (?:tonight|this weekend|whether))\b"
        ),
        negatable=False,
    ),
]

# Structural cues: the shapes pressure takes whatever the words, so that new phrasings are
# caught. Demands aimed at the partner, consequences attached to a refusal, judgements of the
# partner's character, and appeals to the writer's needs.
NEGATIVE_TRAITS = (
    r"(?:boring|pathetic|frigid|uptight|prudish|prude|selfish|cold|closed[- ]?(?:off|minded)|"
    r"narrow[- ]minded|dull|lame|childish|immature|scared(?:y[- ]?cat)?|chicken|coward(?:ly)?|"
    r"difficult|ridiculous|stubborn|judg(?:e)?mental|judgy|repressed|square|stiff|vanilla|basic|"
    r"unadventurous|timid|sheltered|naive|dramatic|hysterical|frigid|no fun|a bore|a drag|"
    r"a buzzkill|a killjoy|a baby|a child|a kid|a nun|a prude|a coward|a wimp|wimp(?:y)?)"
)
INTOXICANTS = (
    r"(?:drinks?|drunk|tipsy|buzzed|merry|wasted|hammered|stoned|high|wine|beers?|vodka|tequila|"
    r"whiskey|whisky|gin|rum|shots?|cocktails?|margaritas?|mojitos?|prosecco|champagne|booze|"
    r"alcohol|joint|weed|blunt|bong|edibles?|gummies|molly|mdma|pills?|poppers|"
    r"smoke (?:with me|a bit|first|together|up))"
)
RULES += [
    Rule(
        "persistence",
        _r(
            r"\b(?:just say yes|say yes already|already said no (?:too )?many|"
            r"how many (?:more )?times (?:do|will|must|should) i (?:have to )?ask|"
            r"i'?ve been (?:patient|waiting) (?:long )?enough|come around "
            r"(?:eventually|soon|one day)|you'?ll come around|wear you down)\b"
        ),
        negatable=False,
    ),
    Rule(
        "guilt",
        _r(
            r"\b(?:don'?t you (?:want to|wanna) (?:make me happy|please me|make me feel)|"
            r"my needs|i deserve (?:this|it|better)|(?:always|only) the one (?:making|"
            r"putting in|trying|giving)|(?:don'?t|doesn'?t|do not) (?:really )?(?:want|"
            r"desire|care about|love) me (?:anymore|any more)|you (?:really )?don'?t "
            r"care (?:about )?(?:my|how i)|what about me\?|think about me for once|"
            r"for once in your life)\b"
        ),
        negatable=False,
    ),
    Rule(
        "relationship_threat",
        _r(
            r"\b(?:someone else (?:would|might|will|could)|the end of "
            r"(?:us|this|our relationship)|(?:leave|leaving) you|"
            r"(?:can'?t|couldn'?t) stay (?:if|with)|not sure i can stay|"
            r"i'?m out\b|we'?re through|over between us)\b"
        ),
    ),
    Rule(
        "relationship_threat",
        _r(
            r"\bif you (?:don'?t|won'?t|refuse|keep (?:saying|refusing)|"
            r"say no|can'?t)\b[^.?!]{0,40}\b(?:i'?ll (?:leave|go|find|end|"
            r"look)|we'?re (?:done|over|through)|i'?m (?:leaving|done|out|"
            r"gone)|maybe (?:we|i) should)\b"
        ),
        negatable=False,
    ),
    Rule(
        "explicit_threat",
        _r(
            r"\b(?:because i (?:said|say) so|make your life (?:hell|miserable|"
            r"difficult)|force you|make you (?:do|try|take|have|give|let)|"
            r"(?:don'?t|do not) make me|"
            r"you'?ll (?:do it|do as|be punished|pay)|i'?ll make sure you|"
            r"you (?:will|'ll) do (?:it|this|what i))\b"
        ),
        negatable=False,
        unless_before=_r(r"\b(?:never|wouldn'?t|won'?t|would never|don'?t want to)\b"),
    ),
    Rule(
        "insult",
        _r(
            rf"\b(?:you'?re|you are|you'?ve become|you (?:act|sound|seem|look)|ur|"
            rf"you'?re being|you'?re such|how|so|only)\b[^.?!;]{{0,20}}"
            rf"\b{NEGATIVE_TRAITS}\b"
        ),
        unless_after=_r(r"\b(?:for (?:saying|feeling|wanting)|if you)\b"),
    ),
    Rule(
        "insult",
        _r(
            rf"\bwhy are you (?:so|such|always)\b[^.?!;]{{0,15}}\b{NEGATIVE_TRAITS}\b|"
            rf"\bonly {NEGATIVE_TRAITS} people\b|\bit'?s (?:so )?(?:pathetic|"
            rf"embarrassing|sad|ridiculous)\b"
        ),
        negatable=False,
    ),
    Rule(
        "anger",
        _r(
            r"\b(?:i'?m (?:so |just |really )?over (?:this|it|you|asking)|be that way|"
            r"seriously\?+|unbelievable|for god'?s sake|for fuck'?s sake|ffs|"
            r"i give up on you|thanks for nothing|happy now\?|don'?t talk to me|"
            r"leave me alone)\b"
        ),
        negatable=False,
    ),
    Rule(
        "comparison",
        _r(
            r"\b(?:every(?:one|body)|all the (?:people|girls|guys|women|men)) "
            r"i'?ve (?:ever )?(?:dated|been with|slept with|had)\b|\b(?:only|first) "
            r"(?:person|one|partner|girl|guy|woman|man) (?:i'?ve (?:ever )?(?:been "
            r"with|dated|had) )?(?:who|that) (?:says|said|won'?t|refuses|has a "
            r"problem)\b|\b(?:my|his|her|their) (?:best )?(?:mate|friend|pal|buddy|"
            r"brother|sister)'?s (?:girlfriend|boyfriend|wife|husband|partner)\b"
        ),
        negatable=False,
    ),
    Rule(
        "bargaining",
        _r(
            r"\bi'?ll (?:stop|quit|drop|never mention|do|take|give|buy|let|pay|"
            r"cook|clean|drive|book|plan)\b[^.?!;]{0,50}\bif you (?:give (?:it|this) "
            r"a (?:go|try|shot)|say yes|agree|go along|do it|try|let me)\b|"
            r"\b(?:after|since) i (?:did|cooked|cleaned|paid|bought|drove|gave|"
            r"did your)\b[^.?!;]{0,40}\byou (?:could|can|should|owe|might as well)\b|"
            r"\bmake a deal\b|\bmy (?:choice|pick|turn)\b[^.?!;]{0,30}\byours\b"
        ),
        negatable=False,
    ),
    Rule(
        "arousal_pressure",
        _r(
            r"\b(?:can'?t wait (?:any ?longer|anymore|another)|got me going|"
            r"follow through|you (?:look|are) (?:so )?(?:hot|sexy)[^.?!;]*"
            r"\b(?:can'?t|have to|need to|let me)|i (?:need|want) (?:it|you) "
            r"(?:so bad|right now|now)|you can'?t say no to me|"
            r"so (?:turned on|horny|hard|wet)[^.?!;]*\b(?:can'?t say no|"
            r"have to|let me))\b"
        ),
        negatable=False,
    ),
    Rule(
        "minimising",
        _r(
            r"\b(?:hardly a (?:big )?(?:ask|deal|thing)|(?:it'?s|that'?s|this is) "
            r"(?:not even|barely|hardly) (?:real )?(?:sex|anything|a thing)|"
            r"(?:such|so) a? ?(?:huge|big|massive) (?:thing|deal|drama|issue)|"
            r"(?:it'?s )?(?:only|just) (?:a )?(?:tiny|little|small|quick) "
            r"(?:plug|toy|finger|thing|bit)|loads of (?:couples|people)|"
            r"(?:it'?s )?just sex|what'?s the harm|(?:stop|quit) being (?:so )?"
            r"dramatic)\b"
        ),
        negatable=False,
        unless_before=_r(r"\b(?:not|never|no need)\b"),
    ),
    Rule(
        "intoxication",
        _r(
            rf"\b{INTOXICANTS}\b[^.?!]*\b(?:first|then|before|up for|game|"
            rf"see how|see what|try|do it|the toy|the plug|relax|loosen|easier|"
            rf"more fun|adventurous)\b|\b(?:get|getting) you (?:a (?:bit|little) )?"
            rf"(?:tipsy|drunk|buzzed|high|merry|stoned)\b|\b(?:more fun|more "
            rf"relaxed|more adventurous|up for anything)\b[^.?!]*\b(?:after|with) "
            rf"(?:some |a (?:few|couple of|bit of) |a )?{INTOXICANTS}\b"
        ),
        unless_before=_r(
            r"\b(?:only if|unless|as long as|not|never|no|sober|without|sorry|"
            r"don'?t want)\b"
        ),
    ),
    Rule(
        "surprise",
        _r(
            r"\b(?:during sex|in the moment|mid[- ]?sex|while we'?re (?:at it|having "
            r"sex))\b[^.?!;]*\b(?:see if|just|try|go for it)\b|\b(?:i'?ll|let me|"
            r"i'?m going to) (?:just )?(?:try|do) it (?:once|during|in the moment|and "
            r"see)\b|\b(?:you can|you'?ll) decide (?:after|afterwards|later)\b|"
            r"\bsurprise you with\b"
        ),
        negatable=True,
    ),
]

# "Is it you?": framing advice, separate from pressure.
FRAMING: list[tuple[re.Pattern, str]] = [
    (
        _r(
            r"\b(?:get|getting|got) (?:you|him|her|them|my (?:partner|girlfriend|boyfriend|wife|"
            r"husband)) to\b"
        ),
        "'Get you to' frames your partner as someone to be moved; try 'would you like to'.",
    ),
    (
        _r(r"\b(?:convince|convincing|persuade|persuading|talk (?:you|him|her|them) into)\b"),
        "Convincing is for sales. Share your wish and let your partner's answer be theirs.",
    ),
    (
        _r(r"\btry(?:ing)?\b"),
        "'Try' can sound like a test to pass. 'Explore' or 'see if we both like it' invites.",
    ),
    (
        _r(r"\banal sex\b"),
        "'Anal play' has no goal to reach; 'anal sex' can sound as if one act were the aim.",
    ),
]

SAYS_NO_IS_FINE = _r(
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


def _clauses(text: str):
    for match in _CLAUSE.finditer(text):
        if match.group().strip():
            yield match.start(), match.group()


_RHETORICAL = re.compile(
    r"\bwhy (?:can'?t|won'?t|don'?t|wouldn'?t|couldn'?t|not) (?:you|we)\b", re.IGNORECASE
)
# "No problem" and "no issue" say yes, not no.
_NOT_A_NEGATION = re.compile(r"\bno (?:problem|issue|trouble)s?\b", re.IGNORECASE)
_WINDOW = 40  # characters before a match in which a negator or a respectful frame counts


def _negated(clause: str, start: int) -> bool:
    before = clause[max(0, start - _WINDOW) : start]
    # A contrast resets: in "I won't push, but you're such a prude" the negation is spent.
    before = re.split(r"\b(?:but|though|however|yet)\b", before, flags=re.IGNORECASE)[-1]
    # "Why can't you..." is a complaint, not a negation.
    before = _RHETORICAL.sub(" ", before)
    return bool(_NEGATOR.search(before) or _RESPECT_FRAME.search(before))


def rule_findings(text: str) -> list[Finding]:
    """Every rule's matches in `text`, with offsets into `text`, in the order found."""
    findings: list[Finding] = []
    seen: set[tuple[str, int]] = set()
    for offset, clause in _clauses(text):
        for rule in RULES:
            for match in rule.pattern.finditer(clause):
                if rule.negatable and (
                    _negated(clause, match.start())
                    or _NEGATOR.search(_NOT_A_NEGATION.sub(" ", match.group()))
                ):
                    continue
                before = clause[max(0, match.start() - _WINDOW) : match.start()]
                if rule.unless_before and rule.unless_before.search(before):
                    continue
                if rule.unless_after and rule.unless_after.search(clause[match.end() :]):
                    continue
                key = (rule.category, offset + match.start())
                if key in seen:
                    continue
                seen.add(key)
                category = CATEGORIES[rule.category]
                findings.append(
                    Finding(
                        category=rule.category,
                        start=offset + match.start(),
                        end=offset + match.end(),
                        why=category.why,
                        suggestion=category.suggestion,
                    )
                )
    return findings


def framing_notes(text: str) -> list[str]:
    return [note for pattern, note in FRAMING if pattern.search(text)]


def says_no_is_fine(text: str) -> bool:
    return bool(SAYS_NO_IS_FINE.search(text))
