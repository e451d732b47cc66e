"""Private matching in Python: the agreed bytes, the server's checks, the whole protocol.

The JavaScript side is proved identical in test_private_matching_interop.py."""

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handhold.core import private_matching as pm
from handhold.core.matching import (
    BOTH,
    Answer,
    CatalogItem,
    Token,
    open_tokens,
    reveal_mutual_interest,
)
from handhold.core.packs import load_pack

PACKS = Path(__file__).resolve().parents[2] / "content" / "packs"
ALICE, BOB = "7f3c2a10-alice", "0b9e44d2-bob"  # public ids: Bob's sorts first, so Bob is "a"
DST = pm.dst(couple_id="c0ffee", run_id="run-1")

# RFC 9497 appendix A.1.1, OPRF(ristretto255, SHA-512), base mode: HashToGroup is
# hash_to_ristretto255 with this DST, BlindedElement = Blind * H(Input), and
# EvaluationElement = skSm * BlindedElement: our hash, blind and raise, step for step.
RFC9497_DST = b"HashToGroup-OPRFV1-\x00-ristretto255-SHA512"
RFC9497_SK = "5ebcea5ee37023ccb9fc2d2019f9d7737be85591ae8652ffa9ef0f4d37063b0e"
RFC9497_BLIND = "64d37aed22a27f5191de1c1d69fadb899d8862b58eb4220029e036ec4c1f6706"
RFC9497_VECTORS = [
    (
        "00",
        "609a0ae68c15a3cf6903766461307e5c8bb2f95e7e6550e1ffa2dc99e412803c",
        "7ec6578ae5120958eb2db1745758ff379e77cb64fe77b0b2d8cc917ea0869c7e",
    ),
    (
        "5a" * 17,
        "da27ef466870f5f15296299850aa088629945a17d1f5b7f5ff043f76b3c06418",
        "b4cbf5a4f1eeda5a63ce7b77c7d23f461db3fcab0dd28e4e17cecb5c90d02c25",
    ),
]
# RFC 9380 appendix K.3, expand_message_xmd(SHA-512), msg "abcdef0123456789", 0x20 bytes.
RFC9380_DST = b"QUUX-V01-CS02-with-expander-SHA512-256"
RFC9380_OUT = "087e45a86e2939ee8b91100af1583c4938e0f5fc6c9db4b107b83346bc967f58"


CATALOG = {
    "massage": CatalogItem(level=2, roles=frozenset({"give", "receive"})),
    "talk": CatalogItem(level=1, roles=frozenset({"together"})),
}


@cache
def catalog(name: str = "anal-play") -> dict[str, CatalogItem]:
    pack = load_pack(PACKS / name)
    return {a.id: CatalogItem(a.level, frozenset(a.roles)) for a in pack.activities}


def slots(name: str = "anal-play") -> list[tuple[str, str]]:
    return sorted((item_id, role) for item_id, item in catalog(name).items() for role in item.roles)


CHOICES = st.sampled_from(["yes", "curious", "no"])


def answers_strategy(name: str = "anal-play"):
    return st.lists(CHOICES, min_size=len(slots(name)), max_size=len(slots(name))).map(
        lambda choices: [Answer(i, r, c) for (i, r), c in zip(slots(name), choices, strict=True)]
    )


def run_privately(first, second, *, opened=(5, 5), name="anal-play"):
    """Two simulated browsers, each knowing only its own person's answers. Returns what
    each computed and everything that crossed the server."""
    people = (ALICE, BOB)
    size = pm.ladder_size(catalog(name))
    a = pm.ClientRun(
        tokens=open_tokens(first, me=ALICE, partner=BOB, catalog=catalog(name), opened=opened[0]),
        people=people,
        dst=DST,
        ladder_size=size,
    )
    b = pm.ClientRun(
        tokens=open_tokens(second, me=BOB, partner=ALICE, catalog=catalog(name), opened=opened[1]),
        people=people,
        dst=DST,
        ladder_size=size,
    )
    one_a, one_b = a.round_one(), b.round_one()
    pm.check_round_one(one_a, expected_size=size)
    pm.check_round_one(one_b, expected_size=size)
    two_a, two_b = a.round_two(one_b), b.round_two(one_a)
    pm.check_round_two(two_a, partner_round_one=one_b)
    pm.check_round_two(two_b, partner_round_one=one_a)
    mutual_a, mutual_b = a.mutual(two_b), b.mutual(two_a)
    keys = lambda tokens: {pm.token_bytes(t, people=people).decode() for t in tokens}  # noqa: E731
    stored = pm.settle_mutual(keys(mutual_a), keys(mutual_b), people=people, catalog=catalog(name))
    assert stored == mutual_a
    return mutual_a, mutual_b, {"one": (one_a, one_b), "two": (two_a, two_b), "stored": stored}


# --- What both browsers agree on ------------------------------------------------------------


def test_dst_names_handhold_the_couple_and_the_run():
    assert DST == b"Handhold private matching v1;couple=c0ffee;run=run-1"


@pytest.mark.parametrize("bad", ["", "a;run=x", "a=b", "é", "x" * 65, "a b"])
def test_dst_refuses_an_id_that_could_forge_a_separator(bad):
    with pytest.raises(ValueError, match="couple_id"):
        pm.dst(couple_id=bad, run_id="r")
    with pytest.raises(ValueError, match="run_id"):
        pm.dst(couple_id="c", run_id=bad)


def test_a_mutual_token_has_the_same_bytes_in_both_browsers():
    # Alice gives the massage, Bob receives it: each browser builds the token on its own.
    alice = open_tokens(
        [Answer("massage", "give", "yes")], me=ALICE, partner=BOB, catalog=CATALOG, opened=5
    )
    bob = open_tokens(
        [Answer("massage", "receive", "curious")], me=BOB, partner=ALICE, catalog=CATALOG, opened=5
    )
    [from_alice], [from_bob] = alice, bob
    assert pm.token_bytes(from_alice, people=(ALICE, BOB)) == b"massage|a|2"
    assert pm.token_bytes(from_bob, people=(BOB, ALICE)) == b"massage|a|2"


def test_the_receiver_is_named_by_the_order_of_public_ids_not_by_who_asks():
    assert pm.people_in_order(ALICE, BOB) == pm.people_in_order(BOB, ALICE) == (BOB, ALICE)
    together = Token(level=1, item_id="talk", receiver=BOTH)
    assert pm.token_bytes(together, people=(ALICE, BOB)) == b"talk|both|1"
    to_alice = Token(level=2, item_id="massage", receiver=ALICE)
    assert pm.token_bytes(to_alice, people=(ALICE, BOB)) == b"massage|b|2"


def test_token_bytes_refuse_a_stranger_or_a_forged_item():
    with pytest.raises(ValueError, match="neither"):
        pm.token_bytes(Token(2, "massage", "someone-else"), people=(ALICE, BOB))
    with pytest.raises(ValueError, match="item id"):
        pm.token_bytes(Token(2, "mass|age", ALICE), people=(ALICE, BOB))
    with pytest.raises(ValueError, match="two different"):
        pm.people_in_order(ALICE, ALICE)


def test_the_ladder_size_is_one_place_per_item_and_role():
    assert pm.ladder_size(CATALOG) == 3
    assert pm.ladder_size(catalog()) == len(slots()) == 38


# --- Hash to group against published vectors ------------------------------------------------


def test_expand_message_xmd_matches_rfc_9380():
    assert pm.expand_message_xmd(b"abcdef0123456789", RFC9380_DST, 32).hex() == RFC9380_OUT


@pytest.mark.parametrize(("message", "blinded", "evaluated"), RFC9497_VECTORS)
def test_hash_blind_and_raise_match_rfc_9497(message, blinded, evaluated):
    point = pm.hash_to_group(bytes.fromhex(message), RFC9497_DST)
    once = pm.raise_point(point, bytes.fromhex(RFC9497_BLIND))
    assert once.hex() == blinded
    assert pm.raise_point(once, bytes.fromhex(RFC9497_SK)).hex() == evaluated


def test_the_same_token_hashes_differently_in_another_run():
    token = b"massage|a|2"
    assert pm.hash_to_group(token, DST) != pm.hash_to_group(
        token, pm.dst(couple_id="c0ffee", run_id="run-2")
    )


# --- The server's checks -------------------------------------------------------------------


def valid_set(size: int) -> list[str]:
    return sorted(pm.random_point().hex() for _ in range(size))


# A 32-byte string that is not a canonical encoding: its low bit makes it "negative".
NOT_A_POINT = "01" + "00" * 31
# Decodes as a field element equal to p + 1 >= p: not canonical either.
NON_CANONICAL = "ee" + "ff" * 30 + "7f"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda s: s[:-1], "wrong_size"),
        (lambda s: [*s, pm.random_point().hex()], "wrong_size"),
        (lambda s: [s[0].upper(), *s[1:]], "bad_encoding"),
        (lambda s: [s[0][:-2], *s[1:]], "bad_encoding"),
        (lambda s: [s[0] + "00", *s[1:]], "bad_encoding"),
        (lambda s: [7, *s[1:]], "bad_encoding"),
        (lambda s: sorted([NOT_A_POINT, *s[1:]]), "not_a_point"),
        (lambda s: sorted([NON_CANONICAL, *s[1:]]), "not_a_point"),
        (lambda s: sorted(["00" * 32, *s[1:]]), "identity"),
        (lambda s: sorted([s[1], *s[1:]]), "duplicate"),
        (lambda s: list(reversed(s)), "not_sorted"),
        (lambda s: tuple(s), "not_a_list"),
        (lambda s: ",".join(s), "not_a_list"),
    ],
)
def test_a_bad_round_one_set_is_refused_with_its_reason(change, reason):
    with pytest.raises(pm.PostedSetInvalid) as refused:
        pm.check_round_one(change(valid_set(5)), expected_size=5)
    assert refused.value.reason == reason
    assert str(refused.value).startswith(pm.REASONS[reason])


def test_a_refusal_says_which_element_and_why():
    posted = valid_set(3)
    posted[2] = NOT_A_POINT
    with pytest.raises(pm.PostedSetInvalid, match=r"canonical ristretto255 .*\(element 2\)"):
        pm.decode_points(posted, expected_size=3)
    with pytest.raises(pm.PostedSetInvalid, match=r"whole ladder\. \(expected 4, got 3\)"):
        pm.decode_points(posted, expected_size=4)


def test_a_round_two_set_need_not_be_sorted_but_must_match_the_partner_s_size():
    partner = [bytes.fromhex(p) for p in valid_set(4)]
    unsorted = list(reversed(valid_set(4)))
    assert len(pm.check_round_two(unsorted, partner_round_one=partner)) == 4
    with pytest.raises(pm.PostedSetInvalid, match="whole ladder"):
        pm.check_round_two(unsorted[:3], partner_round_one=partner)
    with pytest.raises(pm.PostedSetInvalid) as refused:
        pm.check_round_two([*unsorted[:3], "00" * 32], partner_round_one=partner)
    assert refused.value.reason == "identity"


def test_every_reason_has_a_message():
    assert set(pm.REASONS) == {
        "not_a_list",
        "wrong_size",
        "bad_encoding",
        "not_a_point",
        "identity",
        "duplicate",
        "not_sorted",
    }


def test_mutual_tokens_are_stored_only_when_both_browsers_agree():
    people = (ALICE, BOB)
    stored = pm.settle_mutual(["massage|a|2"], {"massage|a|2"}, people=people, catalog=CATALOG)
    assert stored == {Token(level=2, item_id="massage", receiver=BOB)}
    with pytest.raises(pm.MatchMustRunAgain, match="disagree"):
        pm.settle_mutual(["massage|a|2"], [], people=people, catalog=CATALOG)


@pytest.mark.parametrize(
    "forged",
    [
        "massage|a|3",
        "massage|both|2",
        "talk|a|1",
        "talk|both|2",
        "plug|a|4",
        "massage|c|2",
        "massage",
    ],
)
def test_a_forged_or_stale_token_is_never_stored(forged):
    with pytest.raises(pm.MatchMustRunAgain, match="not a token"):
        pm.settle_mutual([forged], [forged], people=(ALICE, BOB), catalog=CATALOG)


def test_token_text_reads_back_as_the_token_it_came_from():
    for token in [Token(2, "massage", ALICE), Token(2, "massage", BOB), Token(1, "talk", BOTH)]:
        text = pm.token_bytes(token, people=(ALICE, BOB)).decode()
        assert pm.token_from_text(text, people=(BOB, ALICE), catalog=CATALOG) == token


# --- The whole protocol ---------------------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    first=answers_strategy(),
    second=answers_strategy(),
    opened=st.tuples(st.integers(2, 5), st.integers(2, 5)),
)
def test_two_browsers_find_exactly_the_mutual_interest(first, second, opened):
    mutual_a, mutual_b, _ = run_privately(first, second, opened=opened)
    expected = reveal_mutual_interest(
        first,
        second,
        first=ALICE,
        second=BOB,
        catalog=catalog(),
        first_opened=opened[0],
        second_opened=opened[1],
    )
    assert mutual_a == mutual_b == expected


def test_nothing_and_everything():
    everything = [Answer(i, r, "yes") for i, r in slots()]
    nothing = [Answer(i, r, "no") for i, r in slots()]
    assert run_privately(everything, nothing)[0] == frozenset()
    mutual, _, seen = run_privately(everything, everything)
    assert len(mutual) == len(slots())  # every give meets a receive, every together itself
    assert len(seen["stored"]) == len(slots())


def shape(seen):
    """Everything but the random bytes: how many, how long, in what kind of order."""
    return {
        "one": [(len(s), {len(p) for p in s}, s == sorted(s)) for s in seen["one"]],
        "two": [(len(s), {len(p) for p in s}) for s in seen["two"]],
    }


@settings(max_examples=15, deadline=None)
@given(
    first=answers_strategy(),
    second=answers_strategy(),
    more_first=answers_strategy(),
    more_second=answers_strategy(),
)
def test_what_crosses_the_server_has_one_shape_whatever_the_non_mutual_answers(
    first, second, more_first, more_second
):
    # The second pair keeps the first pair's mutual interest and adds non-mutual answers of
    # its own (open to anything the other did not say yes to), or drops some.
    mutual = reveal_mutual_interest(
        first, second, first=ALICE, second=BOB, catalog=catalog(), first_opened=5, second_opened=5
    )
    _, _, seen = run_privately(first, second)
    other_first, other_second = _keep_mutual(mutual, more_first, more_second)
    assert mutual == reveal_mutual_interest(
        other_first,
        other_second,
        first=ALICE,
        second=BOB,
        catalog=catalog(),
        first_opened=5,
        second_opened=5,
    )
    _, _, seen_other = run_privately(other_first, other_second)
    assert shape(seen) == shape(seen_other)
    assert seen["stored"] == seen_other["stored"]
    size = pm.ladder_size(catalog())
    assert shape(seen)["one"] == [(size, {64}, True)] * 2
    assert shape(seen)["two"] == [(size, {64})] * 2


def _keep_mutual(mutual, first, second):
    """Answers that have exactly `mutual` as their mutual interest: `first` as drawn, plus
    the mutual tokens; `second` says yes to the mutual tokens and to nothing else that
    `first` is open to."""
    wanted = {(t.item_id, t.receiver) for t in mutual}
    first = [a for a in first if not _is_mutual_slot(a, wanted, me=ALICE)]
    first += [_answer_for(t, me=ALICE) for t in mutual]
    alice = open_tokens(first, me=ALICE, partner=BOB, catalog=catalog(), opened=5)
    open_to_alice = {(t.item_id, t.receiver) for t in alice}
    kept = []
    for answer in second:
        bob = open_tokens([answer], me=BOB, partner=ALICE, catalog=catalog(), opened=5)
        if not {(t.item_id, t.receiver) for t in bob} & open_to_alice:
            kept.append(answer)
    kept += [_answer_for(t, me=BOB) for t in mutual]
    return first, kept


def _answer_for(token, *, me):
    if token.receiver == BOTH:
        return Answer(token.item_id, "together", "yes")
    return Answer(token.item_id, "receive" if token.receiver == me else "give", "yes")


def _is_mutual_slot(answer, wanted, *, me):
    tokens = open_tokens(
        [Answer(answer.item_id, answer.role, "yes")],
        me=me,
        partner=BOB if me == ALICE else ALICE,
        catalog=catalog(),
        opened=5,
    )
    return any((t.item_id, t.receiver) in wanted for t in tokens)


def test_a_browser_refuses_a_partner_set_of_the_wrong_size():
    size = pm.ladder_size(CATALOG)
    run = pm.ClientRun(tokens=frozenset(), people=(ALICE, BOB), dst=DST, ladder_size=size)
    assert len(run.round_one()) == size
    with pytest.raises(pm.PostedSetInvalid, match="whole ladder"):
        run.round_two(valid_set(size + 1))
