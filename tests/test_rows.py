"""The hot reads written once (handhold/rows.py) give what the ORM gives, on each database:
the same instances, field by field, converters (dates, JSON, booleans) included, and nothing
of anyone outside the owner the WHERE clause names."""

from django.utils import timezone

from handhold.couples import services as couples
from handhold.couples.models import CoupleJourney, PersonJourney
from handhold.together import state


def fields(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def test_a_journey_side_reads_as_the_orm_reads_it(asker, partner, stranger):
    CoupleJourney.objects.filter(couple_id=asker.couple_id).update(
        invitations_from={"default": [asker.pk]},
        revealed_packs=["default"],
        talked_at=timezone.now(),
        had_session=True,
        ceiling_after_history=2,
    )
    PersonJourney.objects.filter(person=asker).update(finished_packs=["default"], debrief_due=True)
    side = couples.journey_of(asker)
    orm = PersonJourney.objects.select_related("journey").get(person=asker)
    assert fields(side) == fields(orm)
    assert fields(side.journey) == fields(orm.journey)
    assert side.journey.invitations_from == {"default": [asker.pk]}
    assert side.finished_packs == ["default"] and side.debrief_due is True
    assert couples.journey_of(stranger) is None


def test_both_sides_and_the_partner_read_as_the_orm_reads_them(asker, partner, former_partner):
    sides = state.journey_sides(asker.couple_id)
    assert set(sides) == {asker.pk, partner.pk}
    for person, side in sides.items():
        orm = PersonJourney.objects.select_related("journey").get(person_id=person)
        assert fields(side) == fields(orm) and fields(side.journey) == fields(orm.journey)
    # The couple's row, joined to both sides, is read into one instance that both share.
    assert sides[asker.pk].journey is sides[partner.pk].journey
    assert fields(couples.partner_of(asker)) == fields(type(partner).objects.get(pk=partner.pk))
    assert couples.partner_of(partner).pk == asker.pk


def test_plain_columns_and_order_read_as_the_orm_reads_them(asker, partner):
    from handhold.content.registry import default_pack
    from handhold.conversation import services as conversation
    from handhold.conversation.models import TalkInvitation
    from handhold.discovery import services as discovery
    from handhold.discovery.models import Answer

    pack = default_pack()
    item = pack.activities[0].id
    Answer.objects.create(person=asker, pack_id=pack.id, item_id=item, role="give", choice="yes")
    Answer.objects.create(person=partner, pack_id=pack.id, item_id=item, role="give", choice="no")
    assert discovery.answers_of(person=asker, pack=pack) == {(item, "give"): "yes"}
    older = TalkInvitation.objects.create(
        couple_id=asker.couple_id, sender=asker, pack_id=pack.id, message="a", answer="not_now"
    )
    newer = TalkInvitation.objects.create(
        couple_id=asker.couple_id, sender=asker, pack_id=pack.id, message="b"
    )
    assert TalkInvitation.objects.filter(sender=asker).first() == newer != older
    assert conversation.latest_sent(sender=asker, pack=pack) == newer
    assert conversation.pending_invitation_for(recipient=partner, pack=pack) == newer
    assert conversation.pending_invitation_for(recipient=asker, pack=pack) is None


def test_both_invitations_in_one_statement_read_as_each_alone(asker, partner, stranger):
    """The invitation page's two reads asked as one (rows.FirstOfEach) give what each gives
    alone, field by field, whichever of them finds a row; and nothing of another couple."""
    from datetime import timedelta

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from handhold.content.registry import default_pack
    from handhold.conversation import services as conversation
    from handhold.conversation.models import TalkInvitation

    pack = default_pack()

    def alone(person) -> tuple:
        return (
            conversation.latest_sent(sender=person, pack=pack),
            conversation.pending_invitation_for(recipient=person, pack=pack),
        )

    def together(person) -> tuple:
        with CaptureQueriesContext(connection) as captured:
            found = conversation.invitations_of(person=person, pack=pack, side=None)
        assert len(captured) <= 1
        return found

    def same(person) -> None:
        for one, other in zip(together(person), alone(person), strict=True):
            assert (one is None) == (other is None)
            if one is not None:
                assert fields(one) == fields(other)

    for person in (asker, partner, stranger):  # nothing sent, nothing waiting
        same(person)
        assert together(person) == (None, None)
    now = timezone.now()
    TalkInvitation.objects.create(
        couple_id=asker.couple_id, sender=asker, pack_id=pack.id, message="a", answer="not_now",
        sent_at=now - timedelta(days=9), answered_at=now - timedelta(days=8),
    )  # fmt: skip
    TalkInvitation.objects.create(
        couple_id=asker.couple_id, sender=asker, pack_id=pack.id, message="b",
        sent_at=now - timedelta(days=1),
    )  # fmt: skip
    for person in (asker, partner, stranger):  # the asker's latest; one waits for the partner
        same(person)
    assert together(partner)[1].message == "b" and together(asker)[0].message == "b"
    TalkInvitation.objects.create(
        couple_id=asker.couple_id, sender=partner, pack_id=pack.id, message="c", sent_at=now
    )
    for person in (asker, partner, stranger):  # each has sent one, and one waits for each
        same(person)
    assert [i.message for i in together(asker)] == ["b", "c"]
    assert [i.message for i in together(partner)] == ["c", "b"]
    assert together(stranger) == (None, None)
