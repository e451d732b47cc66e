"""The browser's private matching (private-matching.js over the vendored @noble/curves) and the
Python reference (libsodium through rbcl) compute the same bytes: hash to group, blinded and
doubly-raised points, token bytes, open tokens, and the mutual set, with one side in each.

The JavaScript runs under Node (20.19 or newer), one process for this whole module. Nothing
is skipped: without `node` these tests fail, because the proof they give is the point."""

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handhold.core import private_matching as pm
from handhold.core.matching import open_tokens, reveal_mutual_interest
from handhold.core.tests.test_private_matching import (
    ALICE,
    BOB,
    DST,
    RFC9380_DST,
    RFC9380_OUT,
    RFC9497_BLIND,
    RFC9497_DST,
    RFC9497_SK,
    RFC9497_VECTORS,
    answers_strategy,
    catalog,
)

DRIVER = Path(__file__).with_name("private_matching_node.mjs")
SIZE = 38  # the default pack's ladder


class Node:
    """One Node process running private_matching_node.mjs: a request a line, an answer a line."""

    def __init__(self) -> None:
        node = shutil.which("node")
        if node is None:
            pytest.fail("Node.js 20.19+ is needed to test the browser's private matching")
        self.process = subprocess.Popen(  # noqa: S603 - our own script
            [node, str(DRIVER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def __call__(self, op: str, **request):
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps({"op": op, **request}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            pytest.fail(f"node stopped (exit {self.process.poll()})")
        answer = json.loads(line)
        if "error" in answer:
            raise JavaScriptError(answer["error"], answer["message"])
        return answer["ok"]

    def close(self) -> None:
        assert self.process.stdin
        self.process.stdin.close()
        self.process.wait(timeout=10)


class JavaScriptError(Exception):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@pytest.fixture(scope="module")
def node():
    process = Node()
    yield process
    process.close()


def as_js(token):
    return {"itemId": token.item_id, "receiver": token.receiver, "level": token.level}


def scalar() -> str:
    return pm.new_scalar().hex()


# --- Published vectors, in JavaScript too ---------------------------------------------------


def test_javascript_matches_rfc_9380_and_rfc_9497(node):
    expanded = node(
        "expand", message=b"abcdef0123456789".hex(), dstText=RFC9380_DST.decode(), length=32
    )
    assert expanded == RFC9380_OUT
    messages = [message for message, _, _ in RFC9497_VECTORS]
    blinded = node("blind", messages=messages, dstText=RFC9497_DST.decode(), scalar=RFC9497_BLIND)
    assert blinded == [b for _, b, _ in RFC9497_VECTORS]
    evaluated = node("raise", points=blinded, scalar=RFC9497_SK)
    assert evaluated == [e for _, _, e in RFC9497_VECTORS]


# --- Random inputs: the same bytes on both sides --------------------------------------------


@settings(max_examples=5, deadline=None)
@given(
    messages=st.lists(st.binary(max_size=200), min_size=1, max_size=20),
    dst_=st.text(st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=255),
    length=st.sampled_from([32, 64, 100, 255]),
)
def test_expand_message_xmd_is_identical(node, messages, dst_, length):
    for message in messages:
        expected = pm.expand_message_xmd(message, dst_.encode(), length).hex()
        assert node("expand", message=message.hex(), dstText=dst_, length=length) == expected


@settings(max_examples=5, deadline=None)
@given(
    messages=st.lists(st.binary(max_size=100), min_size=1, max_size=20),
    couple=st.from_regex(r"[A-Za-z0-9_-]{1,64}", fullmatch=True),
    run=st.from_regex(r"[A-Za-z0-9_-]{1,64}", fullmatch=True),
)
def test_hash_to_group_is_identical_for_random_tokens(node, messages, couple, run):
    dst_ = pm.dst(couple_id=couple, run_id=run)
    assert node("dst", coupleId=couple, runId=run) == dst_.decode()
    hashed = node("hash", messages=[m.hex() for m in messages], dstText=dst_.decode())
    assert hashed == [pm.hash_to_group(m, dst_).hex() for m in messages]


def test_blinded_and_doubly_raised_points_are_identical_for_fixed_scalars(node):
    rng = random.Random(17)  # noqa: S311 - test data, not secrets
    tokens = [
        f"item-{rng.randrange(10**6)}|{rng.choice('ab')}|{rng.randint(1, 5)}" for _ in range(30)
    ]
    k_a, k_b = scalar(), scalar()
    blinded = node(
        "blind", messages=[t.encode().hex() for t in tokens], dstText=DST.decode(), scalar=k_a
    )
    expected = [
        pm.raise_point(pm.hash_to_group(t.encode(), DST), bytes.fromhex(k_a)) for t in tokens
    ]
    assert blinded == [p.hex() for p in expected]
    raised = node("raise", points=blinded, scalar=k_b)
    assert raised == [pm.raise_point(p, bytes.fromhex(k_b)).hex() for p in expected]
    # Raising commutes: k_b * (k_a * H) == k_a * (k_b * H), which the intersection rests on.
    other_order = node(
        "raise",
        points=node(
            "blind", messages=[t.encode().hex() for t in tokens], dstText=DST.decode(), scalar=k_b
        ),
        scalar=k_a,
    )
    assert other_order == raised


@settings(max_examples=5, deadline=None)
@given(answers=answers_strategy(), opened=st.integers(2, 5))
def test_open_tokens_and_their_bytes_are_identical(node, answers, opened):
    tokens = open_tokens(answers, me=ALICE, partner=BOB, catalog=catalog(), opened=opened)
    js_catalog = {i: {"level": c.level, "roles": sorted(c.roles)} for i, c in catalog().items()}
    js_answers = [{"itemId": a.item_id, "role": a.role, "choice": a.choice} for a in answers]
    js_tokens = node(
        "openTokens", answers=js_answers, me=ALICE, partner=BOB, catalog=js_catalog, opened=opened
    )
    assert sorted(map(json.dumps, js_tokens)) == sorted(json.dumps(as_js(t)) for t in tokens)
    texts = node("tokenText", tokens=js_tokens, people=[BOB, ALICE])
    assert sorted(texts) == sorted(pm.token_bytes(t, people=(ALICE, BOB)).decode() for t in tokens)
    assert node("ladderSize", catalog=js_catalog) == pm.ladder_size(catalog()) == SIZE


# --- The whole run, one browser in each language --------------------------------------------


@settings(max_examples=5, deadline=None)
@given(first=answers_strategy(), second=answers_strategy())
def test_a_python_browser_and_a_javascript_browser_find_the_same_mutual_tokens(node, first, second):
    people = (ALICE, BOB)
    alice_tokens = open_tokens(first, me=ALICE, partner=BOB, catalog=catalog(), opened=5)
    bob_tokens = open_tokens(second, me=BOB, partner=ALICE, catalog=catalog(), opened=5)
    alice = pm.ClientRun(tokens=alice_tokens, people=people, dst=DST, ladder_size=SIZE)
    one_a = alice.round_one()
    one_b = node(
        "runStart",
        id="bob",
        tokens=[as_js(t) for t in bob_tokens],
        people=list(people),
        dstText=DST.decode(),
        size=SIZE,
    )
    pm.check_round_one(one_b, expected_size=SIZE)
    two_a = alice.round_two(one_b)
    two_b = node("runTwo", id="bob", partnerRoundOne=one_a)
    pm.check_round_two(two_b, partner_round_one=one_a)
    mutual_bob = node("runMutual", id="bob", partnerRoundTwo=two_a)
    mutual_alice = alice.mutual(two_b)
    expected = reveal_mutual_interest(
        first, second, first=ALICE, second=BOB, catalog=catalog(), first_opened=5, second_opened=5
    )
    assert mutual_alice == expected
    assert sorted(map(json.dumps, mutual_bob)) == sorted(json.dumps(as_js(t)) for t in expected)


def test_a_javascript_browser_with_nothing_open_still_posts_a_whole_ladder(node):
    # Every point is padding, yet the sets look like any other: SIZE sorted valid points.
    people = [ALICE, BOB]
    one = node("runStart", id="empty", tokens=[], people=people, dstText=DST.decode(), size=SIZE)
    assert one == sorted(one)
    pm.check_round_one(one, expected_size=SIZE)
    partner = pm.ClientRun(tokens=frozenset(), people=(ALICE, BOB), dst=DST, ladder_size=SIZE)
    two = node("runTwo", id="empty", partnerRoundOne=partner.round_one())
    pm.check_round_two(two, partner_round_one=[bytes.fromhex(p) for p in one])
    assert node("runMutual", id="empty", partnerRoundTwo=partner.round_two(one)) == []


# --- The browser refuses what the server refuses ------------------------------------------


@pytest.mark.parametrize(
    ("posted", "reason"),
    [
        (["00" * 32], "identity"),
        (["01" + "00" * 31], "not_a_point"),
        (["ee" + "ff" * 30 + "7f"], "not_a_point"),
        (["AB" * 32], "bad_encoding"),
        (["ab" * 31], "bad_encoding"),
        ([], "wrong_size"),
        ("not a list", "not_a_list"),
    ],
)
def test_javascript_refuses_a_bad_point_for_the_same_reason_as_python(node, posted, reason):
    with pytest.raises(pm.PostedSetInvalid) as python:
        pm.decode_points(posted, expected_size=1)
    with pytest.raises(JavaScriptError) as javascript:
        node("decodePoints", posted=posted, size=1)
    assert python.value.reason == javascript.value.reason == reason


def test_javascript_refuses_duplicates_and_disorder_like_python(node):
    points = sorted(pm.random_point().hex() for _ in range(3))
    for posted, reason in [([points[0], *points[:2]], "duplicate"), (points[::-1], "not_sorted")]:
        with pytest.raises(pm.PostedSetInvalid) as python:
            pm.check_round_one(posted, expected_size=3)
        with pytest.raises(JavaScriptError) as javascript:
            node("checkRoundOne", posted=posted, size=3)
        assert python.value.reason == javascript.value.reason == reason
