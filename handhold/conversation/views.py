"""Is it you?, the planner and the invitation to talk. Thin views over conversation.services."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import get_template, render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from markupsafe import Markup

from handhold.config.templating import forget_with_catalogue
from handhold.content.registry import current_pack
from handhold.conversation import services
from handhold.conversation.forms import AnswerForm, DraftForm, InviteForm
from handhold.conversation.models import TalkInvitation
from handhold.core.conversation import STYLES, build_outline
from handhold.couples import services as couples
from handhold.discovery import services as discovery
from handhold.discovery.forms import JournalForm
from handhold.pages.ratelimits import TOO_MANY, limit, prepare_try


@login_required
@require_http_methods(["GET", "POST"])
def is_it_you(request):
    pack = current_pack(request.user)
    questions = services.talk_questions(pack)
    if request.method == "POST":
        form = JournalForm(request.POST, pack=pack, questions=questions)
        if form.is_valid():
            discovery.save_journal(author=request.user, pack=pack, entries=form.entries())
            messages.success(request, _("Saved. Only you can ever see your journal."))
            return redirect("conversation:is_it_you")
        status = 400
    else:
        journal = discovery.journal_of(author=request.user, pack=pack)
        form = JournalForm(
            initial=JournalForm.initial_from(journal, questions), pack=pack, questions=questions
        )
        status = 200
    return render(request, "conversation/is_it_you.html", {"form": form}, status=status)


def _planner_context(request, pack, form, analysis=None):
    style = form.data.get("style") if form.is_bound else form.initial.get("style")
    if style not in STYLES:
        style = "sit_down"
    return {
        "form": form,
        # Plain data, drawn by the template: cheaper than three widget templates per check.
        "styles": [(value, label, value == style) for value, label in form.fields["style"].choices],
        "outline_html": _outline_html(pack, style),
        "points": pack.checklist,
        "analysis": analysis,
        "ticks": _ticks_html(pack, analysis.covered) if analysis is not None else None,
        "text": form.data.get("text", "") if form.is_bound else form.initial.get("text", ""),
    }


# Per process, as _outlines: each checklist point's line, not yet covered and covered.
_ticks: dict[tuple[str, str, str], dict[str, tuple[Markup, Markup]]] = {}
forget_with_catalogue(_ticks.clear)


def _ticks_html(pack, covered: frozenset[str]) -> Markup:
    """The lines of "What your draft already covers", each point ticked if the draft covers
    it: each point's two lines hold only the pack's and the page's fixed words, so they are
    drawn once per process and language (conversation/_tick.html); which of them a draft gets
    is chosen on each check."""
    key = (str(pack.path), pack.id, get_language() or "")
    lines = _ticks.get(key)
    if lines is None:
        tick = get_template("conversation/_tick.html")
        lines = _ticks[key] = {
            point.id: tuple(
                Markup(tick.render({"point": point, "covered": covered}))  # noqa: S704 - autoescaped
                for covered in (False, True)
            )
            for point in pack.checklist
        }
    return Markup("".join(lines[point.id][point.id in covered] for point in pack.checklist))  # noqa: S704 - drawn lines


# Per process; two threads drawing one at once would only draw it twice.
_outlines: dict[tuple[str, str, str, str], Markup] = {}
forget_with_catalogue(_outlines.clear)


def _outline_html(pack, style: str) -> Markup:
    """The outline for `style` in `pack`, in the active language: the same for everyone, so
    drawn once per process for each (as discovery.ladder draws the ladder)."""
    key = (str(pack.path), pack.id, get_language() or "", style)
    drawn = _outlines.get(key)
    if drawn is None:
        outline = build_outline(pack.checklist, style)
        html = render_to_string("conversation/_outline.html", {"outline": outline})
        drawn = _outlines[key] = Markup(html)  # noqa: S704 - drawn by an autoescaping template
    return drawn


def count_and_save(request, pack, form: DraftForm | None) -> bool:
    """Count a check as a try and save its words (a valid `form`), in one transaction;
    whether the try went past the limit, in which case nothing is saved.

    Every POST counts as a try, as with `limit`; the count and the saved words are one
    transaction, so one commit (one flush of the database's log) where there were two. Both
    statements are prepared first (the key hashed, the draft validated and encrypted), so that
    the transaction holds SQLite's write lock for the writes alone."""
    count = prepare_try(request, "pressure_check", key="user")
    save = None
    if form is not None:
        save = services.draft_saver(
            author=request.user,
            pack=pack,
            style=form.cleaned_data["style"],
            text=form.cleaned_data["text"],
        )
    with transaction.atomic():
        limited = count()
        if save is not None and not limited:
            save()
    return limited


@login_required
@require_http_methods(["GET", "POST"])
def plan(request):
    # What live-check.js sends; read from META, as request.headers would copy every header.
    live = request.META.get("HTTP_X_REQUESTED_WITH") == "handhold-check"
    if not live:
        # The whole page draws the navigation, which reads this row: read first, it brings
        # the couple's topic with it (current_pack). A live check alone asks only the topic.
        couples.journey_of_request(request)
    pack = current_pack(request.user)
    if request.method == "POST":
        form = DraftForm(request.POST)
        valid = form.is_valid()
        limited = count_and_save(request, pack, form if valid else None)
        if limited:
            form.add_error(None, TOO_MANY)
            context = _planner_context(request, pack, form)
            return render(request, "conversation/plan.html", context, status=429)
        if valid:
            analysis = services.analyse(text=form.cleaned_data["text"], pack=pack)
            context = _planner_context(request, pack, form, analysis)
            if live:
                return render(request, "conversation/_check.html", context)
            return render(request, "conversation/plan.html", context)
        return render(
            request, "conversation/plan.html", _planner_context(request, pack, form), status=400
        )
    draft = services.draft_of(author=request.user, pack=pack)
    style = request.GET.get("style")
    initial = {
        "style": style if style in STYLES else (draft.style if draft else "sit_down"),
        "text": draft.text if draft else "",
    }
    form = DraftForm(initial=initial)
    analysis = services.analyse(text=draft.text, pack=pack) if draft and draft.text else None
    return render(
        request, "conversation/plan.html", _planner_context(request, pack, form, analysis)
    )


@login_required
@require_http_methods(["GET", "POST"])
@limit("pressure_check", key="user")
def invite(request):
    # This person's journey row, shared with the navigation, read first: it brings the
    # couple's topic (current_pack), the pause and whether an invitation waits for them.
    side = couples.journey_of_request(request)
    pack = current_pack(request.user)
    form = InviteForm(request.POST if request.method == "POST" else None)
    analysis = None
    status = 200
    if getattr(request, "limited", False):
        form.is_valid()
        form.add_error(None, TOO_MANY)
        status = 429
    elif request.method == "POST":
        status = 400
        if form.is_valid():
            text = form.cleaned_data["message"]
            analysis = services.analyse(text=text, pack=pack)
            try:
                services.send_invitation(sender=request.user, pack=pack, message=text)
            except services.CannotInvite as error:
                form.add_error("message" if analysis.result.pressuring else None, str(error))
            else:
                # Neutral, not a verdict: the checker finding nothing does not vouch for the words.
                messages.success(
                    request,
                    _(
                        "Your invitation is on its way. Your partner can answer in their own "
                        "time, and every answer is fine."
                    ),
                )
                return redirect("conversation:invite")
    # Their own latest invitation and the one waiting for them, in one statement.
    latest, received = services.invitations_of(person=request.user, pack=pack, side=side)
    state, may_invite = services.invitation_standing(
        sender=request.user, pack=pack, side=side, latest=latest
    )
    context = {
        "form": form,
        "paired": request.user.is_paired,
        "analysis": analysis,
        "text": form.data.get("message", "") if form.is_bound else "",
        "state": state,
        "may_invite": may_invite,
        "received": received,
    }
    return render(request, "conversation/invite.html", context, status=status)


@login_required
@require_POST
def answer(request, public_id: UUID):
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose one of the three answers."))
        return redirect("conversation:invite")
    try:
        services.answer_invitation(
            recipient=request.user, public_id=public_id, answer=form.cleaned_data["answer"]
        )
    except TalkInvitation.DoesNotExist:
        raise Http404 from None
    messages.success(request, _("Thank you. Your answer is saved, and you owe no explanation."))
    return redirect("conversation:invite")


@login_required
@require_POST
def reopen(request):
    services.reopen_topic(recipient=request.user, pack=current_pack(request.user))
    messages.success(request, _("The topic is open again. Your partner may invite you to talk."))
    return redirect("conversation:invite")
