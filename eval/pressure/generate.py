"""Write labelled practice messages for the pressure checker, from a small grammar.

    python eval/pressure/generate.py --seed 1 --count 30000 --out eval/pressure/generated.jsonl

Each message is one partner inviting the other to talk about something new in their intimate
life (by default anal play, always said indirectly and never explicitly). About 55% pressure
the partner, spread evenly over the 22 tactics in README.md; the rest are hard negatives:
everyday couple messages and kind invitations that share pressure's words.

A template is a sentence with {slots}; each slot is filled from a list in SLOTS. A pressuring
template may be dressed in a disguise (DISGUISES) and any message may be given a texting style
(STYLES). Every line carries the template it came from ("sulking/07"), so that training and
checking can be split by template (split_by_template) rather than by message.

Standard library only, and deterministic: the same seed and count always give the same file.
These messages are for training only, never for the honest evaluation (README.md).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "generated.jsonl"
WRITER = "generator"
PRESSURING_SHARE = 0.55
MAX_CHARS = 300
MIN_WORDS = 4

TACTICS = (
    # the checker's own categories
    "persistence", "guilt", "minimising", "intoxication", "relationship_threat", "insult",
    "comparison", "anger", "bargaining", "arousal_pressure", "surprise", "explicit_threat",
    # the tactics issue #14 adds from the research
    "obligation", "resource_manipulation", "deception", "jealousy", "emotional_blackmail",
    "sulking", "deadline", "sunk_cost", "dismissing_reasons", "respect_then_cost",
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Slot fillers. Names and roles are mixed so that any gender can be in any role.

NAMES = [
    "Sam", "Alex", "Jordan", "Priya", "Marcus", "Noor", "Chris", "Mei", "Tomás", "Ash",
    "Robin", "Dev", "Kemi", "Lou", "Yusuf", "Ingrid", "Kai", "Bea", "Oskar", "Rosa",
]  # fmt: skip

SLOTS = {
    "pet": NAMES + [
        "babe", "love", "honey", "hon", "sweetheart", "baby", "darling", "sunshine", "gorgeous",
        "my love", "handsome", "beautiful", "sweet pea", "bub",
    ],
    # the topic as a noun phrase, always indirect and non-explicit
    "topic": [
        "the butt stuff", "anal", "back-door play", "the thing I mentioned",
        "what we talked about on Sunday", "the thing from that article",
        "what I brought up last week", "the thing on my list", "you-know-what",
        "my little idea", "the toy thing", "the other way round", "the thing I asked about",
        "that new thing", "what I sent you the link about", "the peach emoji thing",
        "exploring a bit further back", "the thing from the podcast", "anal play",
        "trying something new in bed", "what we joked about at dinner",
    ],
    # the topic as a verb phrase, after "we", "you" or "to"
    "do": [
        "try the butt stuff", "give anal a go", "try the thing I mentioned",
        "do what we talked about", "explore a bit further back", "try it the other way round",
        "give my little idea a go", "use the new toy", "try you-know-what", "experiment a bit",
        "go there", "try something new in bed", "try back-door play",
        "do the thing from that article", "tick off the thing on my list",
    ],
    "when": [
        "tonight", "this weekend", "on Friday", "after dinner", "on Saturday", "before your trip",
        "while the kids are at your mum's", "on holiday", "after the party", "this week",
        "for our anniversary", "on my birthday", "tomorrow night", "on Sunday morning",
        "next time we're alone", "after the wedding",
    ],
    "place": [
        "at the cabin", "at the hotel", "at your place", "on holiday", "in the new flat",
        "at the festival", "in the Airbnb", "at the beach house", "in Lisbon", "on the trip",
    ],
    "days": [
        "three weeks", "two months", "ages", "a month", "six weeks", "forever", "half a year",
        "a whole year", "weeks and weeks", "since spring",
    ],
    "together": ["three years", "eight months", "a decade", "two years", "five years", "ages"],
    "times": ["three times", "four times", "a dozen times", "every week", "twice this month"],
    "nth": ["third", "fourth", "fifth", "sixth", "tenth", "hundredth"],
    "n": ["4", "5", "6", "7", "9", "12", "15"],
    "ex": [
        "my ex", "my ex-wife", "my ex-husband", "my last girlfriend", "my last boyfriend",
        "my first partner", "the person I dated before you", "Rowan", "Jamie", "my ex, Dana",
    ],
    "yourex": [
        "your ex", "your ex-girlfriend", "your ex-boyfriend", "your ex-husband",
        "your ex-wife", "that person you dated at uni", "your first partner",
    ],
    "mate": [
        "Dani", "my sister", "Leo", "Mira", "my best mate", "Kit", "my brother", "Sol",
        "my flatmate", "Hana", "my cousin",
    ],
    "crowd": [
        "everyone at work", "all my friends", "the group chat", "the couples on that forum",
        "half my friends", "literally everyone", "the people in my book club",
    ],
    "stranger": [
        "the bartender", "your coworker", "that guy at the gym", "that woman at the party",
        "your trainer", "the new neighbour", "your work friend", "that person from your class",
    ],
    "drink": [
        "a couple of glasses of wine", "a few beers", "some cocktails", "a bottle of prosecco",
        "a gin or two", "a few shots", "some sangria", "an edible", "a few margaritas",
    ],
    "effort": [
        "cooked every night this week", "paid for the whole trip", "booked the hotel",
        "bought the toy", "read three books about it", "cleaned the entire flat",
        "rearranged my whole week", "driven you everywhere", "done all the laundry",
        "planned the perfect evening", "watched every video about doing it safely",
        "bought all the supplies",
    ],
    "money": [
        "£200", "$150", "eighty quid", "a small fortune", "$90", "€120", "three hundred dollars",
        "£60", "half my paycheck",
    ],
    "depend": [
        "the rent", "your phone bill", "the groceries", "your car insurance", "the childcare",
        "your train fare", "the holiday money", "your gym membership", "the bills",
        "your student loan payment", "the car",
    ],
    "deadline": [
        "by Friday", "before my birthday", "by the end of the month", "before the weekend's over",
        "by tonight", "before we go away", "by Sunday", "by tomorrow", "before the holiday",
    ],
    "fake_ok": [
        "No pressure", "Totally up to you", "I'd never force you", "Your call of course",
        "I respect whatever you decide", "I'm not pushing", "No obligation obviously",
        "I'd never make you", "I'm fine either way", "Zero pressure", "It's your choice",
    ],
    "reason": [
        "you're tired", "it might hurt", "you're nervous", "you had a bad experience",
        "you're not in the mood", "you want to read up first", "your stomach's off",
        "you're not sure", "it's not your thing", "you want to wait",
    ],
    "excuse": ["not tonight", "I'm not sure", "maybe later", "it's not my thing", "I'm tired"],
    "role": ["partners", "wives", "husbands", "girlfriends", "boyfriends", "spouses"],
    "food": [
        "Thai", "pizza", "the leftover curry", "tacos", "sushi", "pasta", "a roast", "dumplings",
        "pho", "fish and chips", "the veggie lasagne",
    ],
    "errand": [
        "milk", "bin bags", "the dry cleaning", "cat food", "bread", "a birthday card for Mum",
        "loo roll", "the parcel from the post office", "oat milk", "batteries", "lemons",
    ],
    "family": ["mum", "dad", "sister", "brother", "gran", "aunt", "stepdad", "cousin"],
    "chore": [
        "put the bins out", "book the boiler service", "pay the water bill", "feed the cat",
        "call the landlord", "move the car", "water the plants", "return the library books",
    ],
    "plan": [
        "the cinema", "a table at that Greek place", "the train to your parents'",
        "a weekend in Wales", "the pottery class", "tickets for the match", "the campsite",
    ],
    "show": [
        "Bake Off", "the detective thing", "that documentary", "a terrible film",
        "the next episode", "the quiz show",
    ],
    "cuisine": ["Thai", "Korean", "Ethiopian", "Georgian", "ramen", "taco", "Lebanese", "dim sum"],
    "event": ["concert", "gig", "comedy night", "festival", "theatre", "football"],
    # Everyday things a couple argues about, tries or gives up on: pressure's words about them
    # are banter, not pressure (the everyday_senses group).
    "dish": [
        "the blue cheese", "oysters", "the kimchi", "the chilli jam", "liquorice", "sushi",
        "the marmite", "olives", "the durian sweets", "the black pudding", "anchovies",
        "the green smoothie", "the sourdough", "coriander", "the pickled eggs", "tofu",
    ],
    "thing": [
        "pineapple on pizza", "the new sofa", "the paint colour", "your haircut", "the playlist",
        "the thermostat", "board games", "the sat nav", "socks with sandals", "the holiday route",
        "the wallpaper", "cold showers", "the new phone", "my driving", "the garden gnome",
        "the quiz", "putting milk in first", "the bathroom tiles", "camping", "karaoke",
    ],
    "task": [
        "the flat-pack wardrobe", "the jigsaw", "this crossword", "the garden shed",
        "the tax return", "the sourdough starter", "the couch to 5k", "the spare room",
        "the Lego castle", "the wedding speech", "this sudoku", "the fence panel",
        "the car's dodgy headlight", "the allotment", "the Duolingo streak", "the printer",
    ],
    "team": [
        "the Rovers", "United", "the Lakers", "our pub quiz team", "the netball girls",
        "the Sunday league lot", "the cricket club", "the Eagles",
    ],
    "gift": [
        "a very nice cake", "a new kettle", "socks, sorry", "a day at the spa",
        "a book you'll love",
    ],
}  # fmt: skip

# Said credibly: a no costs nothing. A message gets says_no_is_fine only from this slot.
NO_IS_FINE = [
    "No is a completely fine answer.",
    "If it's a no, that's totally fine.",
    "Totally fine if you're not into it; we can just cuddle.",
    "A no won't change anything between us.",
    "If you'd rather not, I'm genuinely happy with that.",
    "You can say no and I won't bring it up again unless you do.",
    "No hard feelings at all if it's not for you.",
    "Not into it? Cool, nothing changes.",
    "Whatever you say, I'm good, and I mean it.",
    "If the answer's no, I'm glad you told me.",
    "Saying no is safe with me, always.",
    "No is a full answer, no reasons needed.",
    "It's completely okay if this isn't your thing.",
    "You don't owe me a yes, or even a reason.",
    "If you're not keen, we'll drop it, and I won't be weird about it.",
    "If it's not for you, I'm happy just as we are.",
    "You won't hurt my feelings by saying no.",
    "A no is just useful information, and I'm grateful for it.",
    "We can leave it there forever and I'll be content.",
    "If not, no problem at all, I love what we have.",
    "Feel free to say no; I'll still want our Sunday pancakes.",
    "It's a no? Then it's a no, and that's fine by me.",
    "Nothing rides on this; no is fine.",
    "You can change your mind any time, including to no.",
    "If it's a no now or later, I'll take it happily.",
    "There's no wrong answer here, and no is a real option.",
    "Even a 'not ever' is okay with me.",
    "If you'd rather we just cuddled, that sounds lovely too.",
    "No pressure, truly: no is a good answer.",
    "I'd rather hear an honest no than a reluctant yes.",
    "Saying no wouldn't cost you anything with me.",
    "Leaving it is completely fine.",
    "If it's not a happy yes, it's a no, and that's okay.",
    "No explanation needed if it's a no.",
    "Nope is a perfectly good reply.",
    "Either answer is welcome, and no is just as welcome as yes.",
]
SLOTS["nofine"] = NO_IS_FINE

# ---------------------------------------------------------------------------------------------
# Pressuring templates, 15-30 a tactic. A tuple adds a second tactic to the labels.

PRESSURING = {
    "persistence": [
        "I'm asking again: can we {do} {when}?",
        "{pet}, that's the {nth} time I've asked about {topic}. Just say yes.",
        "I'll keep bringing up {topic} until you say yes.",
        "Asked you {times} now about {topic}. Still waiting.",
        "So... {topic}? Yes? Pretty please? Yes?",
        "Not gonna stop asking about {topic}, just so you know.",
        "You said no last week but it's a new week. {do}?",
        "What about now? Changed your mind about {topic} yet?",
        "I'll ask every day until you give in, {pet}.",
        "Reminder #{n} that I still want to {do}.",
        "You say no, I ask again tomorrow. That's how this works now.",
        "Morning! Thought about {topic} overnight? It's still on the table.",
        "Last night was a no, so {when} is a maybe? Come on, {pet}.",
        "I'm going to ask about {topic} {when}, and {when2}, and the day after.",
        "Just checking again whether you've come round on {topic} yet.",
        "Now? How about now? I can do this all day, {pet}.",
        "Every time you say no I'm just going to ask nicer. So: {do} {when}?",
        "I know you said no, but I'm asking one more time. And probably again after that.",
    ],
    "guilt": [
        "After everything I've done for you, you can't even {do} for me?",
        "I {effort} and you won't even think about {topic}. Wow.",
        "It really hurts that you won't even consider {topic} for me.",
        "I always do what you want. Just once it'd be nice if you did what I want.",
        "I feel like I'm not worth a small thing like {topic} to you.",
        "Do you know how it feels to ask about {topic} and get turned down again?",
        ("You'd do it if you really loved me. I'd do it for you.", "emotional_blackmail"),
        "I've been so patient about {topic}, {pet}. I'm starting to feel like a fool.",
        "Must be nice to always get what you want.",
        "I {effort}, and I'm asking for one little thing in return.",
        "I lie awake wondering what's wrong with me that you won't {do}.",
        "I'm not angry, {pet}, I'm just really hurt you keep saying no to {topic}.",
        "I feel so rejected every time you say no to {topic}. Is that what you want?",
        "You know how much {topic} means to me and you still say no. That's hard to hear.",
        "I opened up to you about {topic} and you shut me down. Now I feel stupid.",
        "I guess I'll go to bed feeling unwanted again. Night.",
        ("It's only fair. I do everything around here, and you won't {do}.", "obligation"),
    ],
    "minimising": [
        "It's literally not a big deal, {pet}, it's just {topic}.",
        "Relax, it's only {topic}. People do it all the time.",
        "It'll take five minutes, what's the big deal?",
        "You're making this into a whole thing. It's just a bit of fun.",
        "It barely hurts if you relax, I promise.",
        "It's a tiny thing, {pet}. Don't be dramatic about {topic}.",
        "Honestly, {topic} is nothing. You won't even notice.",
        "Why is {topic} such a big deal to you? It's one night.",
        "We'll only do it for a second. That's nothing.",
        "It doesn't even really count as sex, it's just {topic}.",
        "Five minutes of {topic} {when}, tops. Not a big ask.",
        "You're overthinking it. It's {topic}, not a marriage proposal.",
        "It's the smallest thing I've ever asked you for.",
        "Don't make it weird, it's a totally normal thing to {do}.",
        "It's not like I'm asking for much. Just {topic}, once.",
        "Everyone makes {topic} sound scary but it's honestly nothing.",
        "What's the harm? It's just {topic}, {when}, no biggie.",
    ],
    "intoxication": [
        "Let's have {drink} first, it'll make {topic} easier.",
        "You're always more fun after {drink}. {when} is the night for {topic}.",
        "Have another glass, then we can {do}.",
        "You're a bit tipsy, perfect time to {do} haha",
        "Remember how relaxed you were after {drink}? Let's do that again and {do}.",
        "I'll pick up {drink} {when}. Loosen you up for {topic}.",
        "You said maybe when you were drunk, so that counts as a yes.",
        "Drink this first, you won't be so nervous about {topic}.",
        "We'll get you nicely buzzed and then see how you feel about {topic}.",
        "After {drink} you won't even care, trust me.",
        "Take the edible, it'll make {topic} way more chill.",
        "You're so much less uptight after a few. Drinks {when}, then {topic}?",
        "Couple of shots and you'll be up for anything. Starting with {topic}.",
        "You were wasted last time and didn't say no, so we're good to {do}, right?",
        "I'm bringing {drink} {place}. You know what that means.",
        "Let me get a few drinks in you first, then we'll talk about {topic}.",
    ],
    "relationship_threat": [
        "If you won't {do}, maybe we're not right for each other.",
        "I don't know how long I can stay in a relationship without {topic}.",
        "Honestly, {topic} might be a dealbreaker for me.",
        "I need someone who's open to {topic}. If that's not you, I need to think about us.",
        "I'm starting to wonder if we want the same future, {pet}.",
        ("Maybe I should find someone who actually wants to {do}.", "jealousy"),
        "If this is a no forever, I'm not sure where that leaves us.",
        "I can't promise I'll stay if {topic} is off the table.",
        "People break up over less than {topic}, you know.",
        "It's {topic} or I start seriously rethinking things.",
        "I love you but I can't be with someone this closed off.",
        "Keep saying no and see how long this lasts.",
        "I keep wondering if we work at all if you won't even consider {topic}.",
        "Either we {do} {when} or we need a bigger conversation about us.",
        "Don't be surprised if I'm not around forever if you keep shutting down {topic}.",
        "I'm not saying I'll leave. I'm saying I'm thinking about it.",
    ],
    "insult": [
        "Don't be such a prude, {pet}.",
        "God, you're so boring about {topic}.",
        "You're acting like a nun. It's just {topic}.",
        "Stop being such a baby about {topic}.",
        "Only someone frigid would say no to {topic}.",
        "You're so vanilla it's embarrassing.",
        "Grow up. Adults {do} without making a fuss.",
        "It's pathetic how scared you are of {topic}.",
        "Wow, you're even more uptight than I thought.",
        "You're such a coward about anything new, {pet}.",
        "No wonder nobody before me stuck around, you're this closed-minded.",
        "You sound like your mother. Loosen up about {topic}.",
        "Stop being a wet blanket and {do} {when}.",
        "You're so repressed, {pet}. It's honestly sad.",
        "Are you really this much of a square? It's {topic}, not a crime.",
        "You're being ridiculous and childish about {topic}.",
    ],
    "comparison": [
        "{ex} was into {topic}, just saying.",
        "{ex} never made a fuss about {topic}.",
        "{mate} said their partner loved {topic}. Why can't you?",
        "Everyone our age is into {topic} except us.",
        "Every other couple we know is way more adventurous than us.",
        "{ex} would have said yes already.",
        "Normal couples {do}, {pet}. We're the weird ones.",
        "My last partner was up for anything. You're kind of a step down there.",
        "According to {crowd}, {topic} is completely standard. So what's our problem?",
        "Even {mate} is more adventurous than you, and that's saying something.",
        "Apparently {mate}'s partner said yes the first time they were asked.",
        "I read that most couples have tried {topic}. What's our excuse?",
        "{ex} and I did it {place} and it was amazing. Just saying.",
        "You're the only person I've been with who won't {do}.",
        "Why can't you be more like {ex} about this stuff?",
        "Half the people on that forum tried {topic} in month one. We've had {together}.",
    ],
    "anger": [
        "I'm so sick of hearing no about {topic}.",
        "Fine. FINE. Forget I ever asked about {topic}. Thanks a lot.",
        "This is seriously pissing me off, {pet}.",
        "Why do you always do this?! It's {topic}, not a big ask!",
        "I'm so angry I can't even look at you right now.",
        "Don't you dare say no again. I'm done being nice about {topic}.",
        "You're really testing my patience over {topic}.",
        "Every time I bring up {topic} you make me furious.",
        "I swear if you say 'maybe later' one more time I'll lose it.",
        "Unbelievable. I ask for one thing and you throw it back in my face.",
        "We're talking about {topic} when I get home and you're not getting out of it.",
        "STOP saying no. It's driving me up the wall.",
        "I'm so done with your excuses about {topic}. Seriously done.",
        "You want to see me angry? Keep saying no to {topic}.",
        "I slammed the door because you made me. Think about why.",
        ("Don't talk to me until you're ready to be reasonable about {topic}.", "sulking"),
    ],
    "bargaining": [
        "If you {do} {when}, I'll do the dishes for a month.",
        "I'll give you a massage every night this week if we {do}.",
        "Deal: you say yes to {topic}, I'll finally go to your cousin's wedding.",
        "What if I book us a weekend away and then we {do}?",
        "I'll let you pick the holiday if you say yes to {topic}.",
        "Tell you what: {topic} {when} and I'll stop bugging you about the dog.",
        "How about a trade? I'll do anything you want if we {do}.",
        "I'll buy you those shoes you wanted if you'll {do}.",
        "You get the remote for a year if you say yes to {topic}.",
        "I'll take the kids all weekend if you {do} {when}.",
        "Name your price for {topic}, {pet}. Seriously, anything.",
        ("I did the thing you wanted last month, so now it's my turn: {topic}.", "obligation"),
        "Breakfast in bed for a week. All you have to do is say yes to {topic}.",
        "If you {do}, I promise I'll never ask for anything again.",
        "Let's make a deal: {topic} once, and I'll drop it if you hate it.",
        "I'll cover your half of the rent this month if we {do}.",
        "Yes to {topic} gets you a whole spa day. Tempting, right?",
    ],
    "arousal_pressure": [
        "Look what you do to me. You can't leave me like this.",
        "I'm so turned on right now, please let's {do}.",
        "You got me all worked up, the least you can do is {do}.",
        "Your body's clearly into it even if you say no.",
        "You're obviously enjoying this, so why stop before {topic}?",
        "We're already halfway there, let's just go for it.",
        "I've been thinking about {topic} all day and I can't take it anymore.",
        "You can't tease me all night and then say no.",
        "You were into everything else, so {topic} is the obvious next step.",
        "It's not fair to get me this excited and then stop.",
        "Once you're in the mood you'll want {topic}, I know you will.",
        "You're already in the mood, don't overthink {topic} now.",
        "I'll get you going first and then you won't want to say no.",
        "My head's been full of {topic} since lunch. You have to help me out {when}.",
        "Your reaction says yes even if your mouth says no.",
        "I'm practically begging here, {pet}. It's been on my mind all week.",
    ],
    "surprise": [
        "I'm just going to surprise you with {topic} one night.",
        "Don't worry about planning, I'll go for it when you're not expecting it.",
        "Close your eyes, I've got a surprise and it's {topic}.",
        "I'll spring {topic} on you {when}, it's more fun without warning.",
        "You'll love it once it's happening, so I'm not going to ask first.",
        "Best not to think about {topic} too much. I'll just surprise you.",
        "Keep {when} free. {topic} is the surprise, and you don't get a say.",
        "If I asked you'd say no, so I'm going to surprise you instead.",
        "Next time we're together I'm just going to start and see how you react.",
        "I bought something for {topic}. You'll find out {when}.",
        "Spontaneous is sexier. No talking about it, I'll just do it.",
        "You won't know when, {pet}, and that's the fun part.",
        "I'm making {topic} a surprise {place}. No spoilers, no vetoes.",
        "I'll blindfold you and we'll see where it goes, no asking.",
        "Surprises are romantic, right? So no heads-up about {topic}.",
        "Planning kills the mood. I'm going to improvise {when}.",
    ],
    "explicit_threat": [
        "Say yes to {topic} or I'm telling everyone your secret.",
        "If you don't {do}, I'll move out this weekend.",
        "Do it or I'll show everyone the messages you sent me.",
        "You'll regret saying no to me, {pet}.",
        "Say no again and you can find somewhere else to live.",
        "If you won't, I'll find someone who will {when}.",
        "Keep refusing and I'll tell your parents what you're really like.",
        "Either we {do} {when}, or I'm leaving. Your choice.",
        "Do it or I'll make your life miserable.",
        "You say no and I take the kids to my mum's. Think about it.",
        "I'll tell {mate} everything you told me in private if you keep saying no.",
        "If you don't {do}, I'm done. Bags packed.",
        "Don't make me do something we'll both regret, {pet}.",
        "Refuse again and see what happens.",
        "I'll cheat, I swear. Don't say I didn't warn you.",
        ("It's {topic} or I stop paying for anything around here.", "resource_manipulation"),
    ],
    "obligation": [
        "You're my partner. {topic} is part of the deal.",
        "It's your job to keep me happy, {pet}.",
        "Couples are supposed to {do}. That's just how it works.",
        "You owe me this after {together} together.",
        "A good partner wouldn't say no to {topic}.",
        "When you agreed to be with me you agreed to things like {topic}.",
        "It's basically your duty, we're married.",
        "I think I'm entitled to {topic} now and then, don't you?",
        "You promised to keep things exciting. Time to keep that promise.",
        "Relationships are give and take, and you owe me some give on {topic}.",
        "I've earned {topic}, honestly.",
        "Partners don't get to say no to each other forever.",
        "That's what {role} do for each other.",
        "You signed up for this when you moved in.",
        "It's your responsibility to meet my needs, and {topic} is one of them.",
        "After {together}, {topic} is the least you owe me.",
    ],
    "resource_manipulation": [
        "Don't expect help with {depend} this month if you won't {do}.",
        "I pay for everything around here. The least you can do is {do}.",
        "Remember who covers {depend} before you say no.",
        "If you want me to keep covering {depend}, you know what I want.",
        "Maybe I'll stop covering your half until you're more open to {topic}.",
        "I'm not lending you {money} again if you keep saying no.",
        "Funny how you never say no when you need help with {depend}.",
        "I'll think about {depend} after we {do}.",
        "Say no to {topic} and say goodbye to the holiday. Simple.",
        ("I spent {money} on that weekend away. I expect {topic} in return.", "sunk_cost"),
        "You live in my flat, {pet}. Think about that.",
        "Sort out {depend} yourself this month, since you can't do this one thing.",
        "I'm keeping the car keys until you reconsider {topic}.",
        "Want me to keep paying {depend}? Then be a bit more open.",
        "Your spending money depends on your attitude, and right now it isn't great.",
        "I'll stop helping with {depend} if this keeps up.",
    ],
    "deception": [
        "I'll tell you it's just a massage, and then we'll see.",
        "If you hate it I'll say it was an accident.",
        "I'll say I read it's totally painless, even though I haven't checked.",
        "Don't worry, it's definitely safe without any prep.",
        "I'll say I slipped. You'll never know it was on purpose.",
        "My doctor said {topic} is good for you, honestly.",
        "Let's tell ourselves it was your idea so it doesn't feel weird.",
        "You already agreed to {topic} last month, don't you remember?",
        "I'll say I've put the toy away, and then we'll see.",
        "You don't need to know every detail. Just trust me {when}.",
        "I'll tell you we're only going to cuddle, then bring up {topic} once you're relaxed.",
        "It doesn't hurt at all for anyone, I checked. Why would I lie?",
        "We'll call it a back rub so you don't get nervous.",
        "I won't mention {topic} beforehand, I'll say we're having an early night.",
        "It was an accident last time, I swear. Let's not make a thing of it.",
        "You told {mate} you'd be up for {topic}, so I know you actually want to.",
    ],
    "jealousy": [
        "Who are you texting? Bet you'd {do} with them.",
        "I saw how you looked at {stranger}. Bet you'd say yes to {topic} with them.",
        "Maybe you'd be more open to {topic} with {stranger}.",
        "I bet you did {topic} with {yourex} and just won't with me.",
        "Why are you so open with everyone except me?",
        "If you won't {do} with me, who are you saving it for?",
        "You go out with {mate} all the time and I get nothing.",
        "I'm starting to think there's someone else, {pet}.",
        "You were laughing with {stranger} all night. Never that fun with me, are you?",
        "Would you say yes if it was {stranger} asking?",
        "Tell me the truth, did you do {topic} with {yourex}?",
        "Makes me wonder what you get up to when I'm not around.",
        "I bet {stranger} wouldn't have to ask twice.",
        "You dress up for work but not for me. And now no to {topic} too.",
        "Every time you say no to {topic} I imagine you saying yes to someone else.",
        "You're on your phone smiling at someone, but {topic} with me is a no?",
    ],
    "emotional_blackmail": [
        "If you loved me you'd {do}.",
        "I don't know what I'll do if you keep saying no, {pet}. I'm not in a good place.",
        "I'll be miserable all week if you say no.",
        "You're the only one who can make me feel better, and you won't consider {topic}.",
        "If you say no, it proves you don't really care about me.",
        "I can't stop crying about this. Please just say yes.",
        "My whole self-worth is riding on {topic}, honestly.",
        "If you really cared about my happiness, you'd {do} {when}.",
        "I feel like giving up on everything when you say no.",
        "Don't you want me to be happy? {topic} would make me so happy.",
        "You're breaking my heart, {pet}. One yes would fix it.",
        "I guess I'm just not lovable enough for you to {do}.",
        ("It's fine, I'll just be sad forever then.", "sulking"),
        "I told my therapist you won't even consider {topic}. Know what that does to me?",
        "Prove you love me. Say yes to {topic}.",
        "I need {topic} to feel loved. Without it I don't know if I can cope.",
    ],
    "sulking": [
        "Fine, forget {topic}. Whatever.",
        "Ok. Fine. Whatever you want.",
        "Don't worry about me, I'll sleep on the couch.",
        "Not really in the mood to talk to you right now.",
        "I'm not upset. I'm just going to be quiet for a while.",
        "Have fun at dinner. I'll be here, alone, not getting {topic}.",
        "Since you won't {do}, I'll stay out of your way.",
        "Don't bother kissing me goodnight.",
        "I'm going to the pub. Don't wait up.",
        "You made your choice about {topic}. Enjoy your evening.",
        "Guess I'll be in the spare room again.",
        "No, I'm fine. Totally fine. Why wouldn't I be fine.",
        "I'll just not talk then, since nothing I want matters.",
        "Cancel {when}, I'm not really feeling it anymore. You know why.",
        "Enjoy your cuddles with the cat then.",
        "Whatever, {pet}. I'll stop trying to make anything nice happen.",
        "Going to bed. Don't bother coming up.",
    ],
    "deadline": [
        "I need an answer about {topic} {deadline}.",
        "You've got until {deadline2} to decide about {topic}.",
        ("If it's not a yes {deadline}, I'm taking that as a no to us.", "relationship_threat"),
        "Tick tock, {pet}. Answer on {topic} {deadline}.",
        "The offer of {topic} expires {deadline}.",
        "Decide {deadline}, I'm not waiting forever.",
        "I'm booking the hotel for {when}, so I need your yes to {topic} {deadline}.",
        "It's now or never for {topic}.",
        "This is your last chance to say yes to {topic}.",
        "I'll give you till the weekend. After that I'm done waiting.",
        "Yes or no {deadline}, and no means I stop being patient.",
        "Clock's running. I want an answer {deadline}.",
        "Think it over, but I want a yes {deadline}.",
        "If we haven't done {topic} {deadline}, I'll assume you never will and act on it.",
        "One week. That's how long you get to think about {topic}.",
        "Final answer {deadline}, please. I've waited long enough.",
    ],
    "sunk_cost": [
        "I already bought the toy, so it'd be a waste not to {do}.",
        "I spent {money} on this weekend away, we're definitely doing {topic}.",
        "I read three books about {topic}. Don't let that go to waste.",
        "We've come this far, stopping now would be silly.",
        "I booked the hotel and everything. You can't say no now.",
        "We talked about {topic} for an hour. Shame to waste all that.",
        "I took the day off {when} for this, {pet}.",
        "I've put so much thought into {topic}. You can't back out now.",
        "You said maybe last month, so we're basically committed.",
        "I got everything ready. It'd all be for nothing if you say no.",
        "The stuff cost {money}. We're using it.",
        "I've been preparing for weeks. Don't waste that.",
        "We're {place} now, we came all this way. Let's {do}.",
        "I already told {mate} we're doing it, can't take it back now.",
        "All that research, all that shopping, and you're having second thoughts?",
        "You started getting ready, so we might as well go through with {topic}.",
    ],
    "dismissing_reasons": [
        "You're not tired, you're just making excuses.",
        "'It might hurt' isn't a real reason, {pet}.",
        "You always say {reason}. That's not a reason, that's an excuse.",
        "Your reasons don't make sense, {pet}.",
        "Being nervous is normal, it's not a reason to say no to {topic}.",
        "You had one bad experience years ago. Get over it.",
        "That's not a real reason and you know it.",
        "Your stomach's fine, you're just avoiding {topic}.",
        "You don't need to read up on {topic}, we'll figure it out.",
        "I don't buy it. What's the real reason?",
        "Stop hiding behind '{excuse}'.",
        "'{excuse}' is what you said last time. It's not a reason anymore.",
        "You're not 'not sure', you just need to stop overthinking.",
        "Whatever your reason is, I'm sure we can work around it.",
        "'Not my thing'? You've never even tried {topic}.",
        "You keep saying {reason}, but that doesn't hold up and you know it.",
    ],
    "respect_then_cost": [
        "{fake_ok}, but I'd be really disappointed if you said no to {topic}.",
        "Totally your call! I'll just be sad about it for a while.",
        ("I respect your decision, but honestly it makes me question us.", "relationship_threat"),
        "No pressure at all. Just know I've been waiting {days}.",
        "Of course you can say no. I'll just stop suggesting anything new, ever.",
        "{fake_ok}. But if it's a no, I don't really see the point of {when}.",
        ("You can say no, obviously. It's just that {ex} never did.", "comparison"),
        "I'd never force you. I'm just saying a lot of people would leave over this.",
        "It's completely up to you, but I'll be hurt if you say no again.",
        "No is fine! Just don't be surprised if I'm a bit distant.",
        "Whatever you decide is okay, but I {effort} for this.",
        "{fake_ok}, but I think you owe me at least a go at {topic}.",
        "Up to you, of course. I'll remember this next time you want something.",
        ("I respect your no. I'm just going to keep asking until it's a yes.", "persistence"),
        "Say no if you want. I'll survive. Probably.",
        "Your body, your choice! But I'll be gutted if it's a no to {topic}.",
    ],
}

# ---------------------------------------------------------------------------------------------
# Hard negatives: never pressuring. says_no_is_fine is true when the template has the {nofine}
# slot, or is a tuple marked True because its own words credibly say a no costs nothing.

NEGATIVE = {
    "everyday": [
        "{pet}, want {food} tonight or shall I cook?",
        "Can you grab {errand} on your way home?",
        "My {family} wants to visit {when}, is that ok with you?",
        "Running late, the meeting's gone over. Save me some {food}?",
        ("Did you remember to {chore}? No worries if not, I can do it.", True),
        "Shall we book {plan} for {when}?",
        "I'm knackered after work. Sofa, {food} and {show} tonight?",
        "Your {family} called, something about Sunday lunch. Can you ring back?",
        "Just landed! Miss you. Want {food} when I'm home?",
        "Can you {chore} today? I'll do the next three, promise.",
        "Thinking of you, {pet}. Good luck with the big meeting!",
        "Picked up {errand}, anything else we need?",
        "Can we talk about the budget this weekend? Nothing scary, just planning.",
        ("{pet}, I booked {plan}. Hope that's ok, we can change it.", True),
        "Fancy a walk after dinner? The sunset looks amazing.",
        "Your {family}'s birthday is next week, shall we get {gift}?",
        "Sorry I was grumpy this morning, that was about work, not you.",
        "Heading to the gym, back around seven. {food} later?",
        "The landlord's coming {when} to look at the boiler.",
        "Love you. Thanks for sorting {errand}, you star.",
        "Do you want to go to {mate}'s thing {when} or stay in?",
        "Adding {errand} to the shopping list. Anything else we need?",
        "Bus is late again. Start {show} without me!",
        "Made too much {food}, bringing you some at lunch.",
    ],
    "lookalike": [
        "Last chance to grab {event} tickets {deadline}, want me to get two?",
        "I owe you {money} from the takeaway, sending it now.",
        ("Everyone's going to {mate}'s on Saturday, want to come? Happy to stay in too.", True),
        "I've got a surprise for your birthday but I promise it's just {gift}.",
        "We should go to that new {cuisine} place once, just to see what it's like.",
        "The deadline for the tax form is {deadline}. Can we sit down with it {when}?",
        "My ex texted about collecting their stuff {when}. Just letting you know.",
        "Had {drink} with {mate}, walking home now. Love you x",
        "I'm so angry at my boss today, sorry if I'm short with you.",
        "The sale on sofas ends {deadline}, should we go and look?",
        "You don't owe me anything for the birthday dinner, it was my treat.",
        "Try the new {cuisine} place? My treat {when}.",
        "Stop being so nice to me, I'll get a big head 😂",
        "{mate} says everyone at work is obsessed with {show}. Shall we start it?",
        "I bought a plant. I've already named it. No take-backs.",
        "It's only {food}, don't go to any trouble. Honestly.",
        "Just so you know, I'm dropping the {event} plan. Too tired, sorry!",
        "My {family} keeps asking when we're getting married 🙄 ignore them.",
        "I'll keep asking the landlord about the damp until they fix it.",
        "Now or never for the cheap flights, the deal ends {deadline}. Go or skip?",
        "I'm not going to guilt you into the gym, but I'm going at six if you fancy it.",
        "You're so much better at parallel parking than {ex} ever was, it's uncanny.",
        "Don't you dare finish {show} without me.",
        "Sulking because the cafe ran out of croissants. Life is hard.",
        "We've come this far with the flat-pack wardrobe, we can't stop now 😂",
    ],
    # Pressure's own words in their everyday senses: a "prude" about pizza, "no big deal" from
    # the plumber, "not giving up" on flat-pack furniture, "just once" for a new cheese. The
    # rules and the model flagged such banter on release 5's frozen set; what tells them apart
    # from pressure is what the words are about. Not here: the short phrases that are pressure
    # whatever follows ("deep down you", "don't make me beg", "my ex", "if you loved me",
    # "your body"). With them, the shipped model stopped flagging "My ex loved it." and "Deep
    # down you want it.": in a draft to a partner, "it" is the request.
    "everyday_senses": [
        "Don't be such a prude about {thing}, it's honestly fine 😂",
        "You're so vanilla, {pet}. Get the salted caramel for once!",
        "Try {dish} just once before you decide you hate it. Just one bite.",
        "The mechanic said it's no big deal, just a loose wire. Phew.",
        "We are NOT giving up on {task}, we're nearly there.",
        "I'll keep nagging the council about the potholes until they fix them.",
        "Last chance to say if you want anything from the bakery, I'm at the till.",
        "Come on, it's only {dish}, it won't bite 😄",
        "You're being a baby about the dentist, it's a check-up. I'll hold your hand.",
        "{team} lost again. I'm sulking for the rest of the evening, don't mind me.",
        "I spent all afternoon on {task} and it still wobbles. Never again.",
        "Everyone at work has tried {dish} except me. Should I be brave?",
        "Stop being so boring and come to karaoke, {mate} is doing Whitney.",
        "You owe me a rematch at {thing}, I was robbed.",
        "After all the hours we put into {task}, it had better look good.",
        "It's now or never for the strawberries, they're going soft. Jam?",
        "You promised we'd finish {task} this weekend. Still on for Sunday?",
        "Be a grown-up and ring the bank, they won't bite. I'll sit with you.",
        "I've asked you three times to move the car, it's blocking Kemi in!",
        "You're such a chicken about spiders, it was tiny.",
        "It's nothing, just a paper cut from the envelope. I'll live.",
        "You'll thank me later for booking the early train, I promise.",
        "{pet}, you're overthinking the paint colour. Just pick one!",
        "You never let me pick the film. Tonight it's my turn, deal?",
        "Don't be dramatic, it's a tiny scratch on the bumper.",
        "Everyone else in the group chat has already paid for the cabin, just a reminder.",
        "I've invested far too much in {task} to stop now 😂",
        "We've waited all year for {team} to win something. Tonight's the night!",
        "Admit it, {thing} grows on you. You were dead against it last year.",
        "Just one more episode, come on, it's a cliffhanger!",
        "Be honest, are you still mad about {thing}? I'll make it up to you with cake.",
        "You said you'd try {dish} if I made it myself, so here it is 😇",
    ],
    # Everyday messages that carry pressure's words in their everyday senses: bodies that ache,
    # exes in child-care logistics, work deadlines, "relax", "forgive me", cheeky bossiness about
    # dinner. Hand-written everyday messages with these words were the checker's false alarms.
    "everyday_hard": [
        "My back is wrecked after digging the garden. My body is officially older than me.",
        "Relax, {pet}, I already sorted {errand}. Put your feet up.",
        "{ex} wants to swap weekends with the kids again. Can we talk dates {when}?",
        "Work deadline moved to {deadline}, so I'll be useless until then. Sorry in advance x",
        "Confession: I finished the {food}. I'll replace it. Please forgive me.",
        "You're choosing the film tonight. No arguments, it's your turn, I insist 😤",
        "The doctor says my knee needs rest, so I'm banned from the gym for a month.",
        "Are you ok? You've been quiet since your {family} called. I'm here if you want to talk.",
        "I'm so tired I could cry. Long day. Just want {food} and {show}.",
        "Don't be mad but I booked {plan} for {when} without asking. We can cancel!",
        "Being serious for a second: the car needs new tyres and it's {money}.",
        "Just so you know, {mate} is staying over {when}. Hope that's ok.",
        "I need you to remind me to {chore}, my brain is soup today.",
        "Last time we went to that {cuisine} place we waited an hour. Shall we book this time?",
        "Promise me you'll eat something proper today, not just crisps.",
        "Non-negotiable: I am having the big blanket tonight 😌",
        "My body clock is all over the place since the night shifts. Sorry I keep dozing off.",
        "You owe me nothing for the lift, don't be daft. See you at six.",
        "I hate that I was short with you earlier. It was the day, not you.",
        "Feeling a bit low today, nothing you did. A hug later would be lovely.",
        "We've waited three weeks for the plumber, I'm ringing them again {when}.",
        "{mate} keeps saying we should all go away together. Thoughts? Zero pressure.",
        "Stop apologising for being ill, {pet}. Rest, I've got the kids.",
        "The physio says I've been sitting wrong for years. Who knew sitting was hard.",
        "I was so nervous before the interview I couldn't eat. It went ok I think!",
        "Try the new coffee place on the corner, it's better than the old one.",
        "Your {family} says we have to come {when} or they'll be heartbroken 🙄 we'll see.",
        "I spent {money} on the boiler repair, so maybe takeaway-free month?",
        "If you're cold, the spare duvet is in the top cupboard.",
        "Just landed, phone nearly dead. Don't wait up, I'll get a cab.",
    ],
    "invitation": [
        "{pet}, I've been curious about {topic}. Could we talk about it sometime? {nofine}",
        "Would you ever want to read a bit about {topic} together? {nofine}",
        "I'd love to hear what you think about {topic}, whenever you like. {nofine}",
        "Random thought: {topic}. Only if you're curious too. {nofine}",
        "There's a gentle guide about {topic} on Handhold. Want to look together? {nofine}",
        "No pressure, and I mean it: I'm curious about {topic}. {nofine}",
        "I never felt safe enough with {ex} to bring this up. With you I do. {nofine}",
        "Let's talk about {topic} sober, not after {drink}. Whenever suits. {nofine}",
        "You don't owe me anything here. I'm curious if {topic} interests you. {nofine}",
        "Not everyone's into {topic}, and that's normal. I wanted to ask. {nofine}",
        "If we ever try {topic}, we'd go slow and stop whenever. {nofine}",
        "I'll bring this up once, then it's yours to pick up or not: {topic}? {nofine}",
        "I'd never surprise you with {topic}. We'd plan every bit together. {nofine}",
        ("All I want for my birthday is dinner with you. {topic} can wait, maybe forever.", True),
        "Last chance for the {event} tickets! Separately, curious about {topic}? {nofine}",
        "I bought a book about {topic}; it's on the shelf if you're ever curious. {nofine}",
        "No deadline on this, ever: {topic} is just an idea I had. {nofine}",
        "Could we chat about {topic} {when}? Only if it feels okay. {nofine}",
        "I'm curious about {topic}, and I'm also completely happy as we are. {nofine}",
        "Would you be open to talking about {topic}? {nofine}",
        "Something I've wondered about: {topic}. What's your gut feeling? {nofine}",
        "Once we've both read the Handhold page on {topic}, maybe we could talk? {nofine}",
        "Either of us could enjoy either role in {topic}, which I find sweet. {nofine}",
        "I'd like us to both be glad about anything we do. {topic}? {nofine}",
        "Playful question, {pet}: {topic}, yes, no or tell-me-more? {nofine}",
    ],
    # A wish, then a contrast, then a no that costs nothing, in one breath: the mirror image
    # of respect_then_cost, so that "but if you're not into it" is not learned as pressure.
    "wish_then_fine": [
        ("I think {topic} could be fun, but if you're not as into it, that's cool.", True),
        ("I'd love to explore {topic} with you, but if it's not your thing, no worries.", True),
        ("Kind of curious about {topic}, though if you'd rather not, that's totally fine.", True),
        ("{topic} sounds fun to me, but if you're not feeling it, we just won't. Easy.", True),
        ("I'm into the idea of {topic}, but if you're a no, I'm a happy no too.", True),
        ("Maybe we could read about {topic} together, but if you'd rather skip it, skip it!", True),
        ("I'd be up for {topic} one day, but if you're not, that's it and we're good.", True),
        ("It might be nice to talk about {topic}, but if you don't want to, I don't mind.", True),
        ("Would you be curious about {topic}? If you're less into it than me, that's cool.", True),
        ("I'd like to look into {topic}, but only if it's a yes for you too; no is fine.", True),
        ("{topic} has been on my mind, but if it isn't on yours, no problem at all.", True),
        (
            "I thought {topic} might be fun, but if you hate the idea, say so and it's dropped.",
            True,
        ),
        ("Curious what you think of {topic}, but no is a great answer too, {pet}.", True),
        ("I'm a bit excited about {topic}, but if you're not, I'm still excited about us.", True),
        ("{pet}, {topic} could be fun, but if you'd rather not, I'd rather not either.", True),
        ("Just floating {topic}, but if you're not into it, consider it floated away.", True),
        ("I'd enjoy {topic} I think, though if you wouldn't, then neither would I.", True),
        (
            "{topic} might be a laugh, but if it's a no from you, that's the end of it, happily.",
            True,
        ),
    ],
    "reask": [
        "You said to ask again after your exams, so: still curious about {topic}? {nofine}",
        "You told me to bring {topic} up again once work calmed down. Is now ok? {nofine}",
        "You asked me to remind you about that article on {topic}. Here it is! {nofine}",
        "Last month you said 'ask me again in a few weeks'. Asking gently: {topic}? {nofine}",
        "You wanted a day to think about {topic}. Any thoughts, or more time? {nofine}",
        "You said you'd like me to check in about {topic} {when}. Checking in! {nofine}",
        "You asked me to ask again when we're {place}, so here I am. {nofine}",
        "You told me you like being asked twice. So: {topic}, maybe? {nofine}",
        "You said 'ask me again on a lazy Sunday'. It's Sunday! {topic}? {nofine}",
        "Following up only because you asked me to: still want to chat about {topic}? {nofine}",
        "You mentioned you'd had more thoughts about {topic}. I'm all ears. {nofine}",
    ],
    "self_directed": [
        "I'm such a prude about asking, my face is on fire. Can we talk about {topic}? {nofine}",
        "I feel like an idiot bringing this up, but I'm curious about {topic}. {nofine}",
        "I'm being a total baby about saying it out loud: {topic}? {nofine}",
        "Ugh, I'm so awkward. Anyway. {topic}, maybe, one day? {nofine}",
        "I've been a coward about asking for {days}. Would you talk about {topic}? {nofine}",
        "I feel so boring next to all the advice online 😅 but I'm curious about {topic}.",
        "Me being dramatic: I rehearsed this in the shower. {topic}? {nofine}",
        "I'm the one who's nervous here, not you. {topic}, maybe one day? {nofine}",
        "Sorry, I'm such a chicken about this stuff. Could we talk about {topic}? {nofine}",
        "I'm pathetic at these conversations, so I'm texting instead: {topic}? {nofine}",
        "Look at me being a total prude, blushing at my phone. {topic}, someday? {nofine}",
    ],
    "negated": [
        "I'm not going to keep asking about {topic}. You know where I am. {nofine}",
        ("I'm not upset, I promise, and I mean it. Thanks for telling me how you feel.", True),
        ("I won't bring up {topic} again unless you do, {pet}.", True),
        "I'm not asking you to decide anything, {when} or ever. {nofine}",
        ("I'd never want you to do something because you felt you had to.", True),
        "I won't be sulking, or counting, or keeping score. {nofine}",
        ("You said no, and that's the end of it. Thank you for being honest.", True),
        "No guilt trip attached, not even a small one. {nofine}",
        ("Thanks for telling me {topic} isn't for you. I love you just as much as before.", True),
        "You were so kind about my question. {nofine} Want {food} tonight?",
        "I'm not comparing you to anyone, ever. {nofine}",
        "Not trying to bargain or trade here. {topic} is a question, not a deal. {nofine}",
        "I'm not hurt and I'm not keeping a tally. {nofine}",
        "I won't bring it up when we've been drinking. That's a sober-only chat. {nofine}",
    ],
}
NEGATIVE_SHARES = {
    "everyday": 0.10, "everyday_hard": 0.10, "lookalike": 0.14, "everyday_senses": 0.08,
    "invitation": 0.19, "wish_then_fine": 0.07, "reask": 0.08, "self_directed": 0.08,
    "negated": 0.14,
}  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Disguises (pressuring only). Each returns the new text and a tactic it adds, if any.

OPENERS = [
    "Love you! ", "Morning, gorgeous ❤️ ", "You're the best thing in my life. ", "Hey you 😘 ",
    "Thinking of you! ", "You looked so lovely today. ", "I adore you, you know that. ",
]  # fmt: skip
JOKES = [
    "lol jk... unless? 😏", "haha kidding. unless...?", "jk jk. (not really)",
    "just joking! mostly.", "lol. but also, I'm serious", "😂 kidding. or am I",
]  # fmt: skip
APOLOGIES = [
    "Sorry for pushing earlier, I know I went on. But ", "I'm sorry about last night, really. ",
    "Sorry sorry, I know you said no. But honestly, ", "Sorry for the rant yesterday. Anyway, ",
    "I know I apologised already, and I meant it. ",
]  # fmt: skip
DEADLINE_TAILS = ["Let me know {deadline}.", "Answer me {deadline}, ok?", "Need it {deadline}."]
QUESTION_TAGS = [", right?", ", don't you think?", ", yeah?", ", isn't that fair?", ", no?"]

# ---------------------------------------------------------------------------------------------
# Texting styles (any message).

PREAMBLES = [
    "Hey you, hope your day's going ok. ",
    "I was thinking about us on the way home and smiling. ",
    "Thank you for last night, it was lovely. ",
    "Okay, random thought while I'm on the bus. ",
    "So I've been meaning to say this for a while. ",
    "I know you've had a long week, and I'm proud of you for getting through it. ",
    "First of all, the soup you made was incredible. ",
    "I hope your mum's appointment went well, tell me everything later. ",
]
CLOSERS = ["Anyway, see you later x", "Talk tonight? x", "Love you loads.", "Drive safe!"]
EMOJI = ["😊", "😘", "❤️", "🙈", "😅", "🥺", "😏", "🙃", "✨", "🍑", "😬", "🫶", "💕", "🤔"]
SHORTHAND = {
    "you": "u", "your": "ur", "are": "r", "because": "bc", "tonight": "tonite",
    "please": "pls", "really": "rly", "though": "tho", "okay": "ok", "before": "b4",
    "about": "abt", "something": "smth", "people": "ppl", "what": "wat", "know": "kno",
    "with": "w", "tomorrow": "tmrw", "honestly": "honestly lol",
}  # fmt: skip
PET_NAMES = {name.lower() for name in SLOTS["pet"]}
PROPER = set(NAMES) | {"I", "Jamie", "Rowan", "Dani", "Leo", "Mira", "Kit", "Sol", "Hana"}

SLOT = re.compile(r"\{([a-z_]+?)(\d*)\}")


def fill(template: str, rng: random.Random) -> str:
    """Fill every {slot}; a repeated slot keeps its value, {when2} differs from {when}."""
    chosen: dict[str, str] = {}

    def pick(match: re.Match) -> str:
        key = match.group(0)
        if key not in chosen:
            options = SLOTS[match.group(1)]
            taken = set(chosen.values())
            value = rng.choice(options)
            for _ in range(10):
                if value not in taken:
                    break
                value = rng.choice(options)
            chosen[key] = value
        return chosen[key]

    return capitalise_sentences(SLOT.sub(pick, template))


def capitalise_sentences(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return re.sub(r"([.!?] )([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)


def lower_first(text: str) -> str:
    first = re.split(r"[\s,'.!?]", text, maxsplit=1)[0]
    return text if first in PROPER else text[:1].lower() + text[1:]


# --- disguises ---


def respect_then_cost(text, rng):
    return f"{rng.choice(SLOTS['fake_ok'])}, but {lower_first(text)}", "respect_then_cost"


def joke_hedge(text, rng):
    return f"{text} {rng.choice(JOKES)}", None


def apology_then_reask(text, rng):
    apology = rng.choice(APOLOGIES)
    return apology + (lower_first(text) if apology.endswith(", ") else text), "persistence"


def deadline_tail(text, rng):
    return f"{text} {fill(rng.choice(DEADLINE_TAILS), rng)}", "deadline"


def kind_opener(text, rng):
    return rng.choice(OPENERS) + text, None


def question_form(text, rng):
    if text.endswith("?"):
        return text, None
    return text.rstrip(".!") + rng.choice(QUESTION_TAGS), None


DISGUISES = [
    respect_then_cost, joke_hedge, apology_then_reask, deadline_tail, kind_opener, question_form,
]  # fmt: skip


# --- styles ---


def lowercase(text, rng):
    return text.lower()


def typos(text, rng):
    words = text.split(" ")
    spots = [i for i, word in enumerate(words) if word.isalpha() and len(word) >= 3]
    for i in rng.sample(spots, min(len(spots), rng.randint(1, 3))):
        word = words[i]
        if word.lower() in SHORTHAND and rng.random() < 0.6:
            words[i] = SHORTHAND[word.lower()]
            continue
        k = rng.randrange(1, len(word) - 1)
        kind = rng.choice(("swap", "drop", "double"))
        if kind == "swap":
            words[i] = word[:k] + word[k + 1] + word[k] + word[k + 2 :]
        elif kind == "drop":
            words[i] = word[:k] + word[k + 1 :]
        else:
            words[i] = word[:k] + word[k] + word[k:]
    return " ".join(words)


def emoji(text, rng):
    marks = "".join(rng.choice(EMOJI) for _ in range(rng.randint(1, 2)))
    return f"{text} {marks}"


def very_short(text, rng):
    """Clip it: no leading pet name, no closing full stop."""
    head, comma, rest = text.partition(", ")
    if comma and head.lower() in PET_NAMES:
        text = rest
    text = text.rstrip(".")
    return text[:1].lower() + text[1:] if rng.random() < 0.5 else text


def very_long(text, rng):
    preamble = rng.choice(PREAMBLES)
    if rng.random() < 0.4:
        preamble += rng.choice([p for p in PREAMBLES if p != preamble])
    if rng.random() < 0.5:
        return preamble + text
    stop = "" if text[-1] in ".!?x" else "."
    return f"{preamble}{text}{stop} {rng.choice(CLOSERS)}"


def punctuation(text, rng):
    kind = rng.choice(("ellipsis", "bang", "none", "double_question", "spaced"))
    if kind == "ellipsis":
        return re.sub(r"\.( |$)", r"...\1", text, count=1)
    if kind == "bang":
        return re.sub(r"!( |$)", r"!!\1", text) if "!" in text else text.rstrip(".") + "!"
    if kind == "none":
        return text.rstrip(".!")
    if kind == "double_question":
        return text.replace("?", "??")
    return text.replace(", ", " , ", 1) if rng.random() < 0.3 else text.replace(". ", ".  ")


STYLES = [lowercase, typos, emoji, very_short, very_long, punctuation]


def dress(text: str, rng: random.Random) -> str:
    """Apply none, one or two texting styles, in a fixed order so lowercase comes last."""
    count = rng.choices((0, 1, 2), weights=(35, 45, 20))[0]
    chosen = rng.sample(range(len(STYLES)), count)
    for index in sorted(chosen, key=lambda i: (STYLES[i] is lowercase, i)):
        text = STYLES[index](text, rng)
    return text


def fits(text: str) -> bool:
    return len(text) <= MAX_CHARS and len(text.split()) >= MIN_WORDS


# ---------------------------------------------------------------------------------------------


def template_id(group: str, index: int) -> str:
    return f"{group}/{index + 1:02d}"


def pressuring_message(tactic: str, rng: random.Random) -> dict:
    index = rng.randrange(len(PRESSURING[tactic]))
    entry = PRESSURING[tactic][index]
    template, second = (entry, None) if isinstance(entry, str) else entry
    categories = [tactic] + ([second] if second else [])
    text = fill(template, rng)
    if rng.random() < 0.4:
        disguise = rng.choice(DISGUISES)
        if disguise is respect_then_cost and tactic == "respect_then_cost":
            disguise = kind_opener
        text, added = disguise(text, rng)
        if added and len(categories) == 1 and added != tactic:
            categories.append(added)
    text = dress(text, rng)
    return {
        "text": text,
        "pressuring": True,
        "categories": categories,
        "says_no_is_fine": False,
        "template": template_id(tactic, index),
        "writer": WRITER,
    }


def negative_message(group: str, rng: random.Random) -> dict:
    index = rng.randrange(len(NEGATIVE[group]))
    entry = NEGATIVE[group][index]
    template, no_is_fine = (entry, "{nofine}" in entry) if isinstance(entry, str) else entry
    text = dress(fill(template, rng), rng)
    return {
        "text": text,
        "pressuring": False,
        "categories": [],
        "says_no_is_fine": no_is_fine,
        "template": template_id(group, index),
        "writer": WRITER,
    }


def plan(count: int) -> list[tuple[str, str]]:
    """Which kind of message each line is: tactics in turn, negative groups by share."""
    pressuring = round(count * PRESSURING_SHARE)
    kinds = [("pressuring", TACTICS[i % len(TACTICS)]) for i in range(pressuring)]
    negatives = count - pressuring
    groups = list(NEGATIVE_SHARES)
    sizes = {group: int(negatives * NEGATIVE_SHARES[group]) for group in groups}
    sizes["everyday"] += negatives - sum(sizes.values())
    for group in groups:
        kinds += [("negative", group)] * sizes[group]
    return kinds


def generate(seed: int = 1, count: int = 30000) -> list[dict]:
    rng = random.Random(seed)  # noqa: S311 - reproducible data, not secrets
    seen: set[str] = set()
    messages = []
    for kind, name in plan(count):
        make = pressuring_message if kind == "pressuring" else negative_message
        for _ in range(2000):
            message = make(name, rng)
            if fits(message["text"]) and message["text"] not in seen:
                break
        else:
            raise RuntimeError(f"ran out of distinct messages for {name}; lower --count")
        seen.add(message["text"])
        messages.append(message)
    rng.shuffle(messages)
    return messages


def split_by_template(
    messages: list[dict], fraction: float, seed: int
) -> tuple[list[dict], list[dict]]:
    """Split into (train, held_out) so that no template is on both sides.

    Within each tactic or negative group, about `fraction` of its templates (at least one when
    it has two or more) go to held_out, so every group is seen on both sides.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible split, not secrets
    groups: dict[str, list[str]] = {}
    for template in sorted({message["template"] for message in messages}):
        groups.setdefault(template.rsplit("/", 1)[0], []).append(template)
    held: set[str] = set()
    for templates in groups.values():
        rng.shuffle(templates)
        take = round(len(templates) * fraction)
        if len(templates) > 1:
            take = min(max(take, 1), len(templates) - 1)
        held.update(templates[:take])
    train = [message for message in messages if message["template"] not in held]
    held_out = [message for message in messages if message["template"] in held]
    return train, held_out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=30000)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    messages = generate(args.seed, args.count)
    with args.out.open("w", encoding="utf-8") as out:
        for message in messages:
            out.write(json.dumps(message, ensure_ascii=False) + "\n")
    pressuring = sum(message["pressuring"] for message in messages)
    print(f"{len(messages)} messages ({pressuring} pressuring) -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
