from datetime import UTC, datetime, timedelta

from handhold.core.conversation import (
    build_outline,
    cool_off_until,
    covered_points,
    may_invite_again,
)
from handhold.core.packs import ChecklistPoint

POINTS = [
    ChecklistPoint(
        id="in-control",
        title="In control",
        detail="d",
        bookend=True,
        examples={"casual": "You'd be in charge.", "text": "You're in control.", "sit_down": "s"},
        cues=[r"\bin (?:control|charge)\b"],
    ),
    ChecklistPoint(
        id="why-attracted",
        title="Why",
        detail="d",
        examples={"casual": "c", "sit_down": "s"},
        cues=[r"\battractive\b"],
    ),
    ChecklistPoint(
        id="no-is-fine", title="No is fine", detail="d", examples={"text": "t", "sit_down": "s"}
    ),
]


def test_a_style_has_only_the_points_with_an_example_for_it():
    assert [line.point.id for line in build_outline(POINTS, "casual")] == [
        "in-control",
        "why-attracted",
        "in-control",
    ]


def test_the_partner_is_told_they_are_in_control_at_the_start_and_at_the_end():
    for style in ("casual", "text", "sit_down"):
        outline = build_outline(POINTS, style)
        assert outline[0].point.id == "in-control" and not outline[0].repeated
        assert outline[-1].point.id == "in-control" and outline[-1].repeated


def test_a_sit_down_talk_covers_every_point_and_a_text_is_shorter():
    assert len(build_outline(POINTS, "sit_down")) > len(build_outline(POINTS, "text"))


def test_covered_points_come_from_cues_and_from_the_checker():
    text = "I find you so attractive, and you'd be in control."
    assert covered_points(text, POINTS, says_no_is_fine=False) == {"in-control", "why-attracted"}
    assert "no-is-fine" in covered_points("", POINTS, says_no_is_fine=True)


def test_cool_offs_follow_the_answer():
    answered = datetime(2026, 1, 1, tzinfo=UTC)
    kwargs = {"not_now_days": 14, "not_for_me_days": 90}
    assert cool_off_until("like_to_talk", answered, **kwargs) is None
    assert cool_off_until("not_now", answered, **kwargs) == answered + timedelta(days=14)
    assert cool_off_until("not_for_me", answered, **kwargs) == answered + timedelta(days=90)
    assert cool_off_until(None, None, **kwargs) is None


def test_inviting_again_waits_for_the_end_of_the_cool_off():
    until = datetime(2026, 4, 1, tzinfo=UTC)
    assert not may_invite_again(until - timedelta(seconds=1), until)
    assert may_invite_again(until, until)
    assert may_invite_again(until, None)
