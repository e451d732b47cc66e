"""The default pack in Spanish (packs/anal-play-es): the same pack as anal-play, item for item,
so saved answers mean the same whichever language a person reads; and Spanish that keeps the
pack's voice (packs/anal-play-es/VOICE.md).

These read the packs directly (no database, no registry): whether and how the registry serves
a second language is separate work."""

import re
from pathlib import Path

import pytest

from handhold.cli import main
from handhold.content.tests.packtext import examples_missing_their_cues, pack_text
from handhold.core.conversation import NO_IS_FINE
from handhold.core.packs import PACK_ATTRIBUTES, compare_language_versions, load_pack

PACKS = Path(__file__).resolve().parents[1] / "packs"
PACK_DIR = PACKS / "anal-play-es"


@pytest.fixture(scope="module")
def pack():
    return load_pack(PACK_DIR)


@pytest.fixture(scope="module")
def english():
    return load_pack(PACKS / "anal-play")


# The same pack -----------------------------------------------------------------------------


def test_the_pack_passes_handhold_content_check_beside_the_english_one(capsys, monkeypatch):
    monkeypatch.delenv("HANDHOLD_CONTENT_PACKS", raising=False)
    assert main(["content", "check", str(PACK_DIR)]) == 0
    out = capsys.readouterr().out
    assert "ok: pack 'anal-play' (es, version" in out
    assert f"{PACK_DIR}: ok: the same ids as the en version" in out


def test_it_is_the_anal_play_pack_in_spanish(pack, english):
    assert pack.id == english.id == "anal-play"
    assert pack.manifest.language == "es"
    assert pack.manifest.version == english.manifest.version


def test_it_has_exactly_the_english_packs_ids(pack, english):
    assert compare_language_versions(english, pack) == []
    for attribute in PACK_ATTRIBUTES.values():
        ours = [item.id for item in getattr(pack, attribute)]
        theirs = [item.id for item in getattr(english, attribute)]
        assert ours == theirs, attribute  # in the same order, too


# Everything that is not words stays the same: the ladder, the links, who a question is for.
SAME_FIELDS = {
    "activities": ("level", "roles", "card"),
    "reflection": ("stage", "audience", "card"),
    "checklist": ("bookend",),
    "supplies": ("kind", "card"),
    "resources": ("kind", "year", "link"),
    "notice": ("kind", "activity"),
}


def test_only_the_words_are_translated(pack, english):
    for attribute, fields in SAME_FIELDS.items():
        for ours, theirs in zip(getattr(pack, attribute), getattr(english, attribute), strict=True):
            for name in fields:
                assert getattr(ours, name) == getattr(theirs, name), (ours.id, name)
    for ours, theirs in zip(pack.checklist, english.checklist, strict=True):
        assert set(ours.examples) == set(theirs.examples), ours.id
        assert bool(ours.cues) == bool(theirs.cues), ours.id
    for ours, theirs in zip(pack.cards, english.cards, strict=True):
        assert [s.url for s in ours.sources] == [s.url for s in theirs.sources], ours.id
        assert [s.title.removesuffix(" (en inglés)") for s in ours.sources] == [
            s.title for s in theirs.sources
        ], ours.id


TEXT_FIELDS = ("title", "description", "question", "why", "summary", "body", "detail", "text")


def test_every_reader_facing_text_is_translated(pack, english):
    for attribute in ("activities", "reflection", "cards", "checklist", "supplies", "notice"):
        for ours, theirs in zip(getattr(pack, attribute), getattr(english, attribute), strict=True):
            for name in TEXT_FIELDS:
                if hasattr(ours, name):
                    assert getattr(ours, name) != getattr(theirs, name), (ours.id, name)
    for ours, theirs in zip(pack.checklist, english.checklist, strict=True):
        for style, example in ours.examples.items():
            assert example != theirs.examples[style], (ours.id, style)
    for ours, theirs in zip(pack.resources, english.resources, strict=True):
        assert ours.note != theirs.note, ours.id


def test_english_only_links_and_resources_say_so(pack):
    for card in pack.cards:
        for source in card.sources:
            if source.url:
                assert source.title.endswith("(en inglés)"), (card.id, source.title)
    for resource in pack.resources:
        assert "En inglés" in resource.note, resource.id


# The conversation --------------------------------------------------------------------------


def test_each_spanish_example_line_is_covered_by_its_own_cues(pack):
    assert examples_missing_their_cues(pack) == []


def test_the_cues_also_recognise_drafts_typed_without_accents(pack):
    drafts = {
        "in-control": "tu decides todo, y podemos parar en cualquier momento",
        "why-attracted": "me encanta como eres",
        "what-they-find-hot": "que piensas tu?",
        "go-slow": "te preguntaria como vas",
        "supplies": "tendria condon y lubricante",
    }
    by_id = {point.id: point for point in pack.checklist}
    for point_id, draft in drafts.items():
        cues = by_id[point_id].cues
        assert any(re.search(cue, draft, re.IGNORECASE) for cue in cues), point_id


def test_no_is_fine_has_no_cues_as_in_english(pack):
    # Handhold ticks it from the (English) pressure checker, never from cues.
    by_id = {point.id: point for point in pack.checklist}
    assert by_id[NO_IS_FINE].cues == []
    assert by_id["in-control"].bookend


# Voice -------------------------------------------------------------------------------------


def test_the_voice_guide_examples_are_real_copy_from_this_pack(pack):
    guide = (PACK_DIR / "VOICE.md").read_text(encoding="utf-8")
    pairs = re.findall(r'^- Antes: "(.+)"\n- Después: "(.+)"$', guide, flags=re.MULTILINE)
    assert len(pairs) >= 3
    text = pack_text(pack)
    for before, after in pairs:
        assert after in text, after
        assert before not in text, before


# Spain's plural "you" (vosotros) and formal "usted" read as one side of the Atlantic or as
# stiff; the pack speaks to one person, as tú.
VOSOTROS = re.compile(
    r"\b(?:os|vosotr[oa]s|vuestr[oa]s?|usted(?:es)?|\w+(?:áis|éis|íais|aos|eos|íos)|"
    r"id|sed|seguid|dejad|parad|preguntad|mirad)\b",
    re.IGNORECASE,
)
SELLING = re.compile(r"\b(?:convenc\w*|conseguir que|hacer que lo pruebe|pru[eé]balo)\b")


def test_the_copy_speaks_to_one_person_in_neutral_spanish(pack):
    text = pack_text(pack)
    assert not VOSOTROS.findall(text)


def test_the_copy_never_sells(pack):
    # "¿Eres tú?" quotes these words on purpose, to name them; nowhere else may use them.
    texts = [item.detail for item in pack.supplies] + [r.note for r in pack.resources]
    texts += [card.body for card in pack.cards] + [card.summary for card in pack.cards]
    texts += [q.why for q in pack.reflection if q.stage == "reflect"]
    texts += [idea.text for idea in pack.notice] + [a.description for a in pack.activities]
    for text in texts:
        assert not SELLING.search(text.lower()), text


def test_notice_ideas_are_short_asks_are_questions_and_never_say_try_or_just(pack):
    for idea in pack.notice:
        assert len(idea.text) <= 160, idea.id
        assert not re.search(r"\b(?:prueba|probar|solo|sólo|simplemente)\b", idea.text.lower())
        if idea.kind == "ask":
            assert idea.text.endswith("?") and "¿" in idea.text, idea.id


def test_every_checklist_item_says_why_in_one_short_line(pack):
    for item in pack.supplies:
        assert 20 <= len(item.detail) <= 200, item.id
        assert "\n" not in item.detail, item.id
