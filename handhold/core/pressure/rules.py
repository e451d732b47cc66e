"""The checker's rules: the few cases a pattern finds precisely, as data.

Each rule names its category, a pattern built from `vocabulary`, and the labelled messages
that justify it (ids from eval/pressure/labelled.py). A rule is kept only while it fires on no
hand-written kind message as the checker applies it, behind the model's everyday head, except
the few named in test_pressure_rules.py; the learned model does the rest. Without the everyday
head (eval/pressure/rule_precision.py) everyday banter that borrows a rule's words counts
against it, and since release 8 nine rules are under 0.95 precision that way. Negation is
decided within the clause (`clauses.negated`).

Pure Python, no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from handhold.core.pressure.categories import CATEGORIES
from handhold.core.pressure.clauses import clause_at, clauses, negated
from handhold.core.pressure.findings import Finding
from handhold.core.pressure.literals import needed
from handhold.core.pressure.vocabulary import (
    ANGRY,
    AROUSED,
    COST_OF_NO,
    EX,
    I_WILL,
    INTENSIFIER,
    INTOXICANT,
    INTOXICATED,
    LOOSENED,
    NOT_PAST_BUT,
    OTHERS,
    PARTNER,
    RESPECT,
    SAYS_NO_IS_FINE,
    TOPIC,
    TRAIT,
    TURN,
    WAS_GAME,
    YOU,
    YOURE,
)


@dataclass(frozen=True)
class Rule:
    category: str
    pattern: str
    # Ids of 1-3 hand-written pressuring messages the rule fires on, that justify it.
    examples: tuple[str, ...] = ()
    # False for a rule built around its own negation ("won't take no").
    negatable: bool = True
    # Matched against the whole message, not clause by clause (for patterns that cross
    # sentences). A group named `span` marks the words the finding points at.
    whole_message: bool = False
    # The pattern, case-sensitive, for text already in lower case: twice as fast as `regex`.
    lowered_regex: re.Pattern = field(init=False, repr=False, compare=False)
    # Literals one of which every match contains (`literals.needed`), or None: a message in
    # lower case that holds none of them is not searched.
    needs: frozenset[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if _UPPER_LITERAL.search(_ESCAPES.sub("", self.pattern)):
            raise ValueError(f"write the {self.category} rule in lower case: {self.pattern}")
        object.__setattr__(self, "lowered_regex", re.compile(self.pattern, self._dotall))
        object.__setattr__(self, "needs", needed(self.pattern))

    @property
    def _dotall(self) -> int:
        return re.DOTALL if self.whole_message else 0

    @cached_property
    def regex(self) -> re.Pattern:
        """The pattern matched without case, for the rare message that lower() would change
        in length or that holds a letter lower() does not map (`_CASE_ODDITIES`). Compiled
        when first needed: compiling every rule twice was a fifth of the checker's start-up."""
        return re.compile(self.pattern, re.IGNORECASE | self._dotall)


_ESCAPES = re.compile(r"\\.|\(\?P<")
_UPPER_LITERAL = re.compile(r"[A-Z]")
# The only letters that match an ASCII letter case-insensitively in `re` but that str.lower()
# does not turn into it (dotless i, long s) or turns into two characters (dotted capital I).
# A message with one of them is matched the slow way, with the case-insensitive patterns.
_CASE_ODDITIES = re.compile("[\u0131\u017f\u0130]")


RULES: tuple[Rule, ...] = (
    # Persistence after a no
    Rule(
        "persistence",
        rf"\b(?:{I_WILL}|'ll) (?:just )?keep (?:asking|bringing (?:it|this) up|pushing|at it)"
        rf"(?=\s*(?:[.!?,]|$|(?:until|till)(?! {YOU} tell me)|and\b|about (?:it|this)|{YOU}\b))|"
        rf"\b(?:{I_WILL} (?:just )?|i'?m )ask(?:ing)? (?:{YOU} )?again\b|\bi'?ll ask a "
        r"(?:third|fourth|fifth)\b",
        examples=("writer-a:65", "writer-a:67", "team:2"),
    ),
    # A message that opens by asking again: nothing before it can be the partner's invitation
    # to ask ("you said to ask again after the holidays, so I'm asking" is kind), and four of
    # release 7's eighteen frozen-set misses began this way.
    Rule(
        "persistence",
        rf"^\W*(?:(?:ok(?:ay)?|so|hey|hi|um+|sorry|hello)\W+)?(?P<span>(?:i'?m )?asking "
        rf"(?:{YOU} )?again|(?:can|may) i ask (?:{YOU} )?again)\b",
        whole_message=True,
        examples=("writer-aa:2", "writer-ad:2", "writer-m:69"),
    ),
    Rule(
        "persistence",
        r"\b(?:won'?t|will not|don'?t|do not|never) take no\b|"
        r"\bno (?:isn'?t|is not) (?:an|a real|really an?) (?:answer|option)\b|"
        r"\b(?:not|never|won'?t) (?:going to |gonna )?(?:stop asking|give up|giving up|"
        r"drop it)\b",
        negatable=False,
        examples=("writer-a:70", "team:5", "team:10"),
    ),
    Rule(
        "persistence",
        rf"\b(?:ask|asking|beg|begging) (?:{YOU} )?(?:again and again|every (?:day|night)|"
        rf"again tomorrow)\b|\b(?:until|till) {YOU} (?:say yes|give in|agree|crack)\b",
        examples=("writer-a:67", "writer-c:6", "team:2"),
    ),
    Rule(
        "persistence",
        rf"\b{YOU} (?:already )?said no(?: before| last time| already| twice)?,? but\b|"
        r"\bchanged? your mind (?:yet|already|by now)\b",
        negatable=False,
        examples=("writer-d:3", "team:4", "team:6"),
    ),
    Rule(
        "persistence",
        r"\bwhy not\?+|\bcome on\b(?! (?:\w+day|over|in|round|around|by|board|time|the|to)\b)|"
        r"\bpretty please\b|\bplease please\b|\bjust say yes\b|"
        r"\bsay yes already\b|\bhow many (?:more )?times (?:do|will|must|should) i "
        r"(?:have to )?ask\b|\b(?:come around|wear you down)\b|\b(?:what|how) about now\b|"
        r"(?<!have to )(?<!need to )\bgive me a yes\b|"
        r"\bgive it another (?:thought|chance)\b|"
        r"\bthink about it again\b",
        negatable=False,
        examples=("writer-a:68", "writer-b:143", "team:1"),
    ),
    # "Reconsider" asks for another answer, unless it is negated: "you don't need to
    # reconsider anything" closes an apology (release 8's frozen set, writer-ai:109).
    Rule(
        "persistence",
        r"\breconsider\b",
        examples=("writer-b:76", "writer-d:5", "team:13"),
    ),
    # Guilt
    Rule(
        "guilt",
        rf"\bafter (?:all|everything) (?:i'?ve|i have) (?:done|given)|\b{YOU} (?:kind of |"
        # ...but not a small debt ("you owe me a rematch", "a tenner", "one episode").
        rf"kinda )?owe (?:me|it to me)\b(?! nothing\b| (?:a|an|one)\b(?! (?:try|yes|chance|"
        rf"shot)\b))|"
        rf"\bif {YOU} (?:really |truly )?(?:loved|love|"
        rf"cared about|cared for|wanted) me,? {YOU}(?:'?d| would)\b|\b{YOU}'?d do it if "
        # "After all these years" leading into a claim, not closing a sentence ("I'm just
        # curious about you after all these years.", writer-ak:83).
        rf"{YOU}\b|\bi(?: do| did|'?ve done) so much (?:for|to)\b|"
        r"\bafter all these years\b(?!\s*(?:[.!?]|$))",
        examples=("writer-a:72", "writer-a:129", "team:14"),
    ),
    Rule(
        "guilt",
        rf"\b{YOU} (?:never|don'?t ever) do anything for me\b|"
        rf"\b{YOU} make me feel (?:so )?(?:unwanted|rejected|undesired|unloved)\b|"
        rf"\bi guess i'?m just not (?:good |attractive )?enough\b|"
        rf"\b{YOU} must not (?:love|want|find) me\b|\bdo {YOU} even (?:love|want|care about|"
        rf"find) me\b|\bthe least {YOU} (?:could|can) do\b|\b(?:i'?ve|i have) (?:given up|"
        rf"sacrificed|put up with) so much\b|\ba (?:real|good|loving) {PARTNER} would\b|"
        rf"\bdon'?t {YOU} (?:want to|wanna) (?:make me happy|please me)\b|"
        rf"\bi deserve (?:this|it)\b|\b(?:always|only) the one (?:making|putting in|trying|"
        rf"giving)\b|\bwhat about me\?|\bthink about me for once\b|"
        rf"\b(?:makes?|made) me (?:so |really )?(?:sad|feel (?:bad|unwanted|rejected|ugly|"
        rf"unloved|unattractive))\b|\bdon'?t trust me enough\b|\bmy needs (?:just )?"
        rf"(?:don'?t|never) (?:matter|get met)\b|\bit hurts me that {YOU} (?:won'?t|refuse)|"
        rf"\bi feel (?:so )?(?:rejected|unwanted) when {YOU} say no\b|\b(?:{YOU}|{YOU} "
        rf"really) don'?t (?:really )?(?:care about my|want me any ?more)\b",
        negatable=False,
        examples=("writer-a:71", "writer-a:136", "team:17"),
    ),
    # Threats to the relationship
    Rule(
        "relationship_threat",
        rf"\b(?:{I_WILL}|i might|i may|might have to|i'?ll have to) (?:\w+ )?(?:leave"
        r"(?! (?:it|that|this|you (?:be|alone|to))\b"
        r"| the (?!relationship|marriage|house|home|flat|apartment)\w+)|"
        r"break up|end (?:this|things|us)|walk away|find someone (?:else|who))\b|"
        r"\b(?:should|could|might|will) (?:just )?(?:find|look for) (?:someone|somebody) "
        r"(?:else|more|who)\b|\bsomeone else (?:would|might|could)\b",
        examples=("writer-a:124", "writer-b:127", "team:27"),
    ),
    Rule(
        "relationship_threat",
        r"\bdeal[- ]?breaker\b|\bwe'?re (?:probably )?not compatible\b|"
        r"\b(?:this|we|our (?:relationship|marriage)) (?:won'?t|can'?t|isn'?t going to) "
        r"(?:last|work|survive)\b|\b(?:don'?t|do not) know (?:how long|if) i can stay\b|"
        r"\b(?:reconsider|rethink) (?:us|this relationship|our relationship)\b|"
        r"\b(?:find|get) (?:it|that|this) (?:somewhere else|elsewhere)\b|"
        r"\bsomeone (?:else )?who will\b|\bplenty of (?:people|others|women|men|girls|guys) "
        r"(?:who )?would\b|\bor (?:we'?re|we are) (?:done|over|finished)\b|"
        r"\bwe'?re (?:done|over) if\b|\bcan'?t be with (?:someone|somebody) who\b|"
        r"\bnot sure (?:where we stand|about us|i can stay)\b|\bthe end of (?:us|our "
        r"relationship)\b",
        negatable=False,
        examples=("writer-b:127", "writer-c:28", "team:27"),
    ),
    # Insults and shaming, aimed at the partner
    Rule(
        "insult",
        rf"\b(?:{YOURE}|{YOU}'?ve become|{YOU} can be|{YOU} (?:sound|seem|act|look)"
        rf"(?: like)?) {INTENSIFIER}{TRAIT}\b|"
        rf"\b(?:don'?t|stop|quit) (?:being|acting) (?:so |such an? |like an? )?{TRAIT}\b|"
        rf"\bdon'?t be (?:so |such an? )?{TRAIT}\b|\bwhy are {YOU} (?:so|always|such an?) "
        rf"{TRAIT}\b|\b(?:acting|behaving) like (?:a|an|such a) (?:child|baby|kid|prude|nun|"
        rf"virgin|teenager|grandma)\b|\b(?:grow up|man up|get over yourself)\b|"
        rf"\bwhat'?s wrong with {YOU}\b|^\W*such an? {TRAIT}\b|\bonly {TRAIT} people\b",
        negatable=False,
        examples=("writer-a:44", "writer-a:89", "team:39"),
    ),
    # Anger and displeasure
    Rule(
        "anger",
        rf"\b(?:i'?m|i am) (?:so |really |getting |honestly |pretty |just |starting to get )*"
        rf"{ANGRY} (?:of |with |at |about |by |that )?(?:{YOU}\b|your\b|asking\b|waiting\b|"
        r"hearing\b|being\b|(?:this|it)\s*(?=[.!?,]|$))|\b(?:i'?m|i am) (?:so |really )?"
        r"(?:angry|furious|livid|pissed(?: off)?)(?=\s*(?:[.!?]|$| and\b))|"
        r"\bmakes? me so (?:angry|mad)\b",
        examples=("writer-a:101", "writer-a:102", "team:51"),
    ),
    Rule(
        "anger",
        rf"\b{YOU} (?:always|keep) (?:saying no|say no|turn(?:ing)? me down)\b|\bevery time "
        rf"i ask {YOU} say\b|\bi'?m done asking nicely\b|\b(?:won'?t|not going to) talk to "
        rf"{YOU} (?:until|unless)\b|\bsilent treatment\b|\bbe that way\b|\bthanks for "
        r"nothing\b|\bhappy now\?|\bi give up on you\b|\bfor (?:god|fuck)'?s sake\b|\bffs\b|"
        r"\bthis is (?:so )?frustrating\b|\bdon'?t bother talking\b|\bi'?m (?:so )?over "
        r"(?:this|asking|you)\b|^\s*(?:whatever|ugh+|fine then|forget it)\s*[.!]",
        negatable=False,
        examples=("writer-b:48", "writer-c:58", "team:31"),
    ),
    # Comparison with exes and others
    Rule(
        "comparison",
        rf"\b(?:{EX}|{OTHERS}|(?:[a-z]+'s|his|her|their|my (?:best )?(?:mate|friend)'?s) "
        rf"{PARTNER}|(?:all of )?my friends'? {PARTNER}s?) {WAS_GAME}\b|"
        rf"\b(?:way |far |so much )?more (?:adventurous|fun|open|open[- ]minded|experimental) "
        rf"than (?:{YOU}|us)\b|\bwhy can'?t {YOU} be (?:more )?(?:\w+ )?like\b|"
        rf"\bunlike (?:{YOU}|my ex)\b|\b(?:every|each|any) (?:girl|guy|woman|man|person|"
        rf"partner|one) i'?ve (?:been with|dated|slept with)\b|\b(?:everyone|everybody) "
        rf"i'?ve (?:ever )?(?:dated|been with|slept with)\b|\bonly (?:person|one) i'?ve "
        rf"(?:ever )?been with who\b|\bhalf the people we know\b",
        examples=("writer-a:39", "writer-a:95", "team:63"),
    ),
    # Bargaining and keeping score
    Rule(
        "bargaining",
        rf"\b(?:i did|i'?ve done|i do) (?:\w+ ){{0,4}}for {YOU},? so\b|\bit'?s my turn\b|"
        rf"\bin (?:exchange|return)\b|\bhow about a (?:trade|deal)\b|\b(?:trade|deal)\?|"
        rf"\b(?:let'?s|we could|how about we|what if we) (?:trade|swap|make a deal)\b|"
        rf"\bi'?ll (?:\w+ ){{0,2}}(?:do|buy|give|cook|clean|let|stop|take|pay|go|plan|book)"
        rf"\b[^.?!]{{0,60}}\bif {YOU}(?:'?ll)? (?:say yes|agree|do it|try|let me|give "
        rf"(?:it|this|the \w+(?: \w+)?) a (?:go|try|shot))\b|\bif {YOU} (?:let me|say yes|"
        rf"try)\b[^.?!]{{0,30}}\bi'?ll (?:buy|do|give|take|cook|clean|stop|pay)\b|"
        rf"\b{YOU} can (?:pick|choose|have)\b[^.?!]{{0,40}}\bif {YOU} say yes\b|"
        rf"\bafter i (?:did|cooked|cleaned|paid)\b[^.?!]{{0,40}}\b{YOU} (?:could|owe)\b|"
        r"\b(?:it'?s only fair|fair'?s fair|return the favou?r|pay me back|payback|"
        r"make it up to me|quid pro quo|your turn to (?:give|do))\b",
        examples=("writer-a:107", "writer-a:108", "team:75"),
    ),
    # Arousal pressure
    Rule(
        "arousal_pressure",
        rf"\b{YOU} (?:got|get|have) me (?:so |all )?(?:worked up|hard|wet|turned on|horny|"
        rf"going)\b|\bcan'?t (?:just )?leave me (?:like this|hanging)\b|\bblue balls\b|"
        r"\bi (?:need|have to have) (?:it|this|you) (?:so bad|now|tonight|right now)\b|"
        rf"\blook what {YOU} (?:did|do) to me\b|\bfinish what {YOU} started\b|"
        rf"\b{YOU} started it\b|\b(?:led|leading) me on\b|\bcan'?t wait any ?longer\b|"
        rf"\b{YOU} can'?t say no to me\b|\bi can'?t (?:help|control) myself\b|"
        rf"\btease me and then say no\b|\bget me (?:this|so) worked up and\b|"
        rf"\b(?:{AROUSED}|{YOU} turned me on)\b[^.?!;]{{0,40}}\b(?:let me|{YOU} have to|"
        rf"{YOU} owe|help me out|take care of|deal with it|physically hurts|don'?t stop me|"
        r"lying there)\b",
        negatable=False,
        examples=("team:87", "team:88", "team:89"),
    ),
    # Minimising
    Rule(
        "minimising",
        r"\bwhat'?s the big deal\b|\bit (?:won'?t|doesn'?t) (?:even )?hurt\b|"
        rf"\b(?:stop|quit) (?:overreacting|overthinking|worrying|being (?:so )?dramatic|"
        rf"making (?:a|such a|it into a) (?:fuss|big deal|thing))\b|\b{YOURE} "
        rf"(?:overreacting|overthinking)\b|\bmaking (?:it|this) such a big (?:thing|deal)\b|"
        r"\bmaking such a fuss\b|"
        # "It's nothing", not "even if it's nothing, I wanted to ask" (writer-ap:124).
        r"\b(?:relax|chill),? it'?s (?:just|only)\b|"
        r"\b(?:it'?s|its|that'?s)(?<!\bif it's)(?<!\bif its)(?<!\bif that's)(?<!\bif thats) "
        r"(?:literally |honestly )?(?:nothing|no biggie|"
        r"basically nothing)\b(?! to do| like| \w+[- ]related)|"
        r"\bhardly a (?:big )?(?:ask|deal)\b|\bit'?s just sex\b|\bwhat'?s the harm\b|"
        r"\bpeople do (?:way |much )?(?:weirder|crazier)\b|"
        r"\b(?:only|just) (?:a )?(?:tiny|little|small|quick) (?:plug|toy|finger|thing)\b|"
        r"\b(?:it'?s|its) (?:literally |really )?just a finger\b|"
        r"\bnot even real sex\b",
        negatable=False,
        examples=("writer-a:81", "writer-b:48", "team:42"),
    ),
    Rule(
        "minimising",
        rf"\b(?:everyone|everybody|all couples|most (?:people|couples)|all (?:my|our) "
        rf"friends|loads of (?:couples|people))(?:'s| is| are)? (?:into|doing|does|do|tries|"
        rf"try|(?:has|have) tried) (?:{TOPIC})\b",
        examples=("writer-b:100", "team:99", "team:103"),
    ),
    # Intoxication
    Rule(
        "intoxication",
        # Within a sentence, and not past a "but": "drinks with Priya tonight ... but sober me
        # wants you to know: ... if you're not into it" is two thoughts.
        rf"\b{INTOXICANT}\b{NOT_PAST_BUT}\b(?:{LOOSENED}|(?:and )?then we'?ll try|see where)\b|"
        rf"\b{LOOSENED}\b{NOT_PAST_BUT}\b(?:after|with|once (?:we'?ve|{YOU}'?ve) had) (?:a |some |"
        rf"a few |a couple (?:of )?|one or two )?(?:{INTOXICANT}|glass(?:es)?)\b|"
        rf"\b(?:get|getting) (?:{YOU} |us )?(?:a (?:bit|little) |really )?{INTOXICATED}\b|"
        rf"\b(?:when|once|while) {YOURE} (?:a (?:bit|little) )?{INTOXICATED}\b|"
        r"\bliquid courage\b|\bsmoke (?:with me|a joint)\b",
        examples=("writer-a:84", "writer-a:86", "team:111"),
    ),
    # Surprise, and "just try it once"
    Rule(
        "surprise",
        r"\b(?:just|only) (?:try|do) (?:it|this|that) (?:once|one time|for me|for a second)\b|"
        r"\bjust the tip\b|\b(?:just )?give it (?:one|a single) (?:try|go|shot)\b|"
        rf"\b{YOU} won'?t (?:even )?(?:notice|feel it)\b|\bdon'?t knock it (?:till|until)\b|"
        rf"\b{YOU}'?ll (?:love|like|enjoy) it once {YOU} try\b|\btrust me,? {YOU}'?ll "
        rf"(?:love|like|enjoy)\b|\bcatch {YOU} off guard\b|\bwithout (?:telling|warning|"
        rf"asking) {YOU}\b|\b(?:slip|sneak) (?:it|a finger|a toy) in\b|\bi'?(?:ll|m going to|"
        rf"m gonna) just (?:go for it|do it|slip|put it|stick|push)\b|\b{YOU} (?:can|'?ll) "
        rf"decide (?:after|afterwards|later)\b|\b(?:just|simply) surprise {YOU}\b|"
        rf"\bsurprise {YOU} with it\b|\bgo for it next time\b|\b(?:only once|one time),? "
        rf"(?:for me|that'?s all)\b|\bi'?ll just (?:try|do) it (?:during|in the moment)\b|"
        rf"\b{YOU} won'?t know (?:if|until|till)\b",
        negatable=False,
        examples=("writer-a:80", "writer-a:118", "team:123"),
    ),
    # Explicit threats
    Rule(
        "explicit_threat",
        rf"\bor else\b|\b{YOU}(?:'?ll| will) regret\b|\bi'?ll (?:tell|show) (?:everyone|your|"
        rf"our|people)\b|\bi'?ll (?:post|share|send) (?:the|those|your|our)\b|"
        rf"\bi(?:'?ll| can) make {YOU}\b|\bwhether {YOU} (?:like|want) it or not\b|"
        rf"\b{YOU} (?:don'?t|won'?t) have a choice\b|"
        rf"\b{YOU} have no choice\b|\bor {YOU}(?:'?ll| will) be sorry\b|"
        rf"\bend of (?:discussion|story)\b|"
        rf"\bnot up for (?:discussion|debate)\b|\b(?:it'?s|this is) happening (?:tonight|this "
        rf"weekend|whether)\b|\bbecause i (?:said|say) so\b|\bmake your life (?:hell|"
        rf"miserable)\b|\b(?<!want to )(?<!never )force {YOU}\b|"
        rf"\b{YOU}(?:'ll| will) do (?:it|as|what i)\b|"
        rf"\bi'?ll (?:cheat|punish)\b",
        negatable=False,
        examples=("writer-b:125", "writer-c:72", "team:135"),
    ),
    # "Like it or not" said to the partner, not of others ("whether the children like it or
    # not", writer-ak:62): at a clause's start or after its punctuation. A rule of its own,
    # because a branch that can start with no character at all makes `re` try the whole
    # threat rule at every position of every message (its search cost six times as much,
    # 2026-11-28); for the same reason "if it's nothing" is checked after the words.
    Rule(
        "explicit_threat",
        r"(?:^|[.!?,;]\s*)like it or not\b",
        negatable=False,
        examples=("team:143",),
    ),
    # Saying the partner's reasons are not real: "I know your body better than you do"
    Rule(
        "dismissing_reasons",
        rf"\bknow (?:{YOU}|your body|what {YOU} (?:want|like)) better than {YOU}\b|"
        rf"\b{YOURE} (?:just|only) (?:scared|afraid) of new\b|"
        # "That wasn't a real no": the partner's no declared not to count. Not "I'd rather
        # hear a real no than a yes you don't mean", which asks for one.
        r"\b(?:(?:is|was)n'?t|not|didn'?t (?:sound|seem|feel) like) (?:a |an )?real no\b|"
        r"\bdon'?t think (?:that|it) was (?:a |an )?real no\b",
        negatable=False,
        examples=("writer-a:46", "writer-b:44", "writer-c:133"),
    ),
    # A respect phrase, then the price of a no: "No pressure, but I'll be hurt if you say no".
    Rule(
        "respect_then_cost",
        rf"{RESPECT}.*?{TURN}.*?(?P<span>{COST_OF_NO})",
        whole_message=True,
        examples=("writer-a:3", "writer-a:5", "writer-a:6"),
    ),
)

# "Is it you?": framing advice, separate from pressure.
FRAMING: tuple[tuple[re.Pattern, str], ...] = (
    (
        re.compile(rf"\b(?:get|getting|got) (?:you|him|her|them|my {PARTNER}) to\b", re.IGNORECASE),
        "'Get you to' frames your partner as someone to be moved; try 'would you like to'.",
    ),
    (
        re.compile(
            r"\b(?:convince|convincing|persuade|persuading|talk (?:you|him|her|them) into)\b",
            re.IGNORECASE,
        ),
        "Convincing is for sales. Share your wish and let your partner's answer be theirs.",
    ),
    (
        re.compile(r"\btry(?:ing)?\b", re.IGNORECASE),
        "'Try' can sound like a test to pass. 'Explore' or 'see if we both like it' invites.",
    ),
    (
        re.compile(r"\banal sex\b", re.IGNORECASE),
        "'Anal play' has no goal to reach; 'anal sex' can sound as if one act were the aim.",
    ),
)

_SAYS_NO_IS_FINE = re.compile(SAYS_NO_IS_FINE, re.IGNORECASE)


def _matches(rule: Rule, text: str, pieces: list[tuple[int, str]], lowered: bool):
    """(start, end) of each match of `rule` in `text` that negation leaves standing.
    `pieces`: the clauses of `text` with their offsets; `lowered`: `text` is in lower case."""
    regex = rule.lowered_regex if lowered else rule.regex
    group = "span" if "span" in regex.groupindex else 0
    for offset, piece in [(0, text)] if rule.whole_message else pieces:
        for match in regex.finditer(piece):
            start, end = offset + match.start(group), offset + match.end(group)
            if rule.negatable:
                clause_offset, clause = clause_at(text, start, pieces)
                if negated(clause, start - clause_offset):
                    continue
            yield start, end


def rule_findings(text: str, rules: tuple[Rule, ...] = RULES) -> list[Finding]:
    """Every rule's matches in `text`, with offsets into `text`, in the order found."""
    findings: list[Finding] = []
    seen: set[tuple[str, int]] = set()
    lowered = text.lower()
    # Same length and no odd letters: every offset in the lowered text is the same as in
    # `text`, and the case-sensitive patterns find exactly what the others would.
    if len(lowered) == len(text) and not _CASE_ODDITIES.search(text):
        text, is_lowered = lowered, True
    else:
        is_lowered = False
    pieces = list(clauses(text))
    for rule in rules:
        if is_lowered and rule.needs and not any(map(text.__contains__, rule.needs)):
            continue
        for start, end in _matches(rule, text, pieces, is_lowered):
            if (rule.category, start) in seen:
                continue
            seen.add((rule.category, start))
            category = CATEGORIES[rule.category]
            findings.append(Finding(rule.category, start, end, category.why, category.suggestion))
    return findings


def framing_notes(text: str) -> list[str]:
    return [note for pattern, note in FRAMING if pattern.search(text)]


def says_no_is_fine(text: str) -> bool:
    return bool(_SAYS_NO_IS_FINE.search(text))
