"""The encrypted copy of a person's answers (handhold/core/answers_copy.py): its shape, checked
by the server, and the proof that the browser's private-copy.js and Python's `cryptography`
seal and open the same bytes. The JavaScript runs under Node; without it these tests fail."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidTag

from handhold.core import answers_copy as ac
from handhold.core.recovery_codes import normalise_recovery_code

DRIVER = Path(__file__).with_name("answers_copy_node.mjs")
PERSON = "8c4f0f2c9a4e4d4f9a4a1f3e2b1c0d9e"
PHRASE = "K3QZ8M2D7XTR4W9N6BHC1PVA"
SALT = bytes(range(16))
IV = bytes(range(100, 112))
CONTENT = {
    "format": 1,
    "since": "2026-11-27T10:00:00+00:00",
    "packs": {"anal-play": {"buttock-massage__give": "yes", "toy__receive": "no"}},
}


def node(op: str, **request):
    binary = shutil.which("node")
    if binary is None:
        pytest.fail("Node.js 20+ is needed to test the browser's answers copy")
    out = subprocess.run(  # noqa: S603 - our own script
        [binary, str(DRIVER), json.dumps({"op": op, **request})],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    answer = json.loads(out)
    if "error" in answer:
        raise RuntimeError(answer["error"])
    return answer["ok"]


def test_python_opens_what_the_browser_seals_and_the_server_accepts_its_shape():
    sealed = node(
        "seal", content=CONTENT, phrase=PHRASE, salt=SALT.hex(), iv=IV.hex(), personId=PERSON
    )
    copy = ac.check_copy(sealed)
    assert len(bytes.fromhex(copy.ciphertext)) == ac.CIPHERTEXT_BYTES
    assert ac.open_copy(copy, phrase=PHRASE, person_id=PERSON) == CONTENT
    # The same bytes as Python seals: one format, written down once.
    assert copy == ac.seal_copy(CONTENT, phrase=PHRASE, person_id=PERSON, salt=SALT, iv=IV)


def test_the_browser_opens_what_python_seals_only_with_the_phrase_and_for_that_person():
    copy = ac.seal_copy(CONTENT, phrase=PHRASE, person_id=PERSON, salt=SALT, iv=IV)
    as_posted = {"salt": copy.salt, "iv": copy.iv, "ciphertext": copy.ciphertext}
    opened = node("open", copy=as_posted, phrase=PHRASE, salt=copy.salt, personId=PERSON)
    assert opened == CONTENT
    with pytest.raises(RuntimeError, match="OperationError"):
        node("open", copy=as_posted, phrase="0" * 24, salt=copy.salt, personId=PERSON)
    with pytest.raises(RuntimeError, match="OperationError"):
        node("open", copy=as_posted, phrase=PHRASE, salt=copy.salt, personId="someone-else")
    with pytest.raises(InvalidTag):
        ac.open_copy(copy, phrase=PHRASE, person_id="someone-else")


def test_every_copy_is_the_same_size_whatever_it_holds():
    empty = ac.seal_copy({}, phrase=PHRASE, person_id=PERSON, salt=SALT, iv=IV)
    many = {"packs": {"p": {f"item-{n}__give": "curious" for n in range(200)}}}
    full = ac.seal_copy(many, phrase=PHRASE, person_id=PERSON, salt=SALT, iv=IV)
    assert len(empty.ciphertext) == len(full.ciphertext) == 2 * ac.CIPHERTEXT_BYTES


def test_phrases_are_random_and_typed_back_like_recovery_codes():
    phrases = node("phrases", count=50)
    assert len({p for p, _ in phrases}) == 50
    for shown, canonical in phrases:
        assert len(shown) == 29 and shown.count("-") == 5
        assert canonical == normalise_recovery_code(shown)
    typed = [" k3qz-8m2d 7xtr-4w9n-6bhc-IpvA ", "k3qz", "K3QZ8M2D7XTR4W9N6BHC1PVU!"]
    assert node("normalise", typed=typed) == [
        normalise_recovery_code(t) if normalise_recovery_code(t) else None for t in typed
    ]


@pytest.mark.parametrize(
    "posted, reason",
    [
        ("salt", "not_an_object"),
        ({"iv": "00" * 12, "ciphertext": "00" * ac.CIPHERTEXT_BYTES}, "bad_salt"),
        ({"salt": "00" * 16, "iv": "00" * 11, "ciphertext": "00"}, "bad_iv"),
        ({"salt": "00" * 16, "iv": "00" * 12, "ciphertext": "00" * 100}, "bad_ciphertext"),
        (
            {"salt": "00" * 16, "iv": "00" * 12, "ciphertext": "AA" * ac.CIPHERTEXT_BYTES},
            "bad_ciphertext",
        ),
        # A plaintext posted by mistake is refused, never stored.
        ({"salt": "00" * 16, "iv": "00" * 12, "ciphertext": json.dumps(CONTENT)}, "bad_ciphertext"),
    ],
)
def test_the_server_keeps_only_a_sealed_copy_of_the_exact_size(posted, reason):
    with pytest.raises(ac.CopyInvalid) as refused:
        ac.check_copy(posted)
    assert refused.value.reason == reason
