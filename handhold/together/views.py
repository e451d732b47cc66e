"""Go slowly: thin views over together.services. Every plan is fetched through the viewer's
couple (services.plans_for), by the random public id its URLs carry, so anyone else gets a
404."""

from collections.abc import Callable
from functools import lru_cache
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from handhold.config.templating import forget_with_catalogue
from handhold.content.registry import current_pack, pack_named
from handhold.conversation import services as conversation
from handhold.core.matching import Token, keyed, role_for
from handhold.couples import services as couples
from handhold.couples.models import TopicSuggestion
from handhold.discovery.forms import MUTUAL_ROLE_WORDS
from handhold.together import services, topics
from handhold.together.forms import CheckInForm, DebriefForm, ProposalForm, ResponseForm
from handhold.together.journey import journey_for
from handhold.together.models import SessionPlan
from handhold.together.waiting import anything_waits, waiting_context


def _plan_or_404(user, public_id: UUID) -> SessionPlan:
    try:
        return services.plans_for(user).get(public_id=public_id)
    except SessionPlan.DoesNotExist:
        raise Http404 from None


@lru_cache(maxsize=4096)
def _label_in(language: str | None, title: str, role: str, level: int) -> str:
    """A step's label, made once per language (part of the key, with the pack's own title):
    Django's gettext costs some twenty Python calls a string, and the sessions page labels
    every mutual step, twice with the role's word."""
    words = {"title": title, "role": MUTUAL_ROLE_WORDS[role], "level": level}
    return _("%(title)s (%(role)s), level %(level)s") % words


forget_with_catalogue(_label_in.cache_clear)


def _step_labeller(user, pack) -> Callable[[Token], str]:
    """Names steps as `user` sees them, in the request's language. The person's id and the
    language are read once for all the steps of a page: request.user is a lazy object and the
    language a context-local, some ten Python calls a read."""
    viewer, language = str(user.pk), get_language()

    def label(token: Token) -> str:
        role = role_for(token, viewer=viewer)
        return _label_in(language, pack.activity(token.item_id).title, role, token.level)

    return label


def _step_choices(tokens, user, pack) -> tuple[list[tuple[str, str]], dict[str, Token]]:
    """Steps offered in a form, each valued 'item|me', 'item|you' or 'item|both' (never a
    person's id), and the way back from a value to the step it stands for."""
    by_key = keyed(tokens, viewer=str(user.pk))
    label = _step_labeller(user, pack)
    return [(key, label(t)) for key, t in by_key.items()], by_key


@login_required
@require_GET
def journey(request: HttpRequest) -> HttpResponse:
    journey = journey_for(request.user)
    context = {"journey": journey, **waiting_context(request.user, side=journey["side"])}
    return render(request, "together/journey.html", context)


@login_required
@require_POST
def we_talked(request: HttpRequest) -> HttpResponse:
    if conversation.confirm_we_talked(user=request.user, pack=current_pack(request.user)):
        messages.success(request, _("Thank you. It counts once both of you have said so."))
    return redirect("together:journey")


@login_required
@require_http_methods(["GET", "POST"])
def prepare(request: HttpRequest) -> HttpResponse:
    # Read first: the navigation reads this row too, and it brings the couple's topic with it.
    couples.journey_of_request(request)
    pack = current_pack(request.user)
    if request.method == "POST":
        services.set_ticks(user=request.user, pack=pack, ticked=set(request.POST.getlist("ticked")))
        messages.success(request, _("Saved."))
        return redirect("together:prepare")
    ticks = services.ticks(user=request.user, pack=pack)
    partner = couples.partner_of(request.user)
    items = [
        {
            "item": item,
            "mine": request.user.pk in ticks.get(item.id, set()),
            "theirs": partner is not None and partner.pk in ticks.get(item.id, set()),
        }
        for item in pack.supplies
    ]
    return render(request, "together/prepare.html", {"items": items, "partner": partner})


def _resting_titles(user, pack, pacing, mutual) -> list[str]:
    """The titles of the mutual steps that rest by this person's own red or stop: shown to
    them alone, beside the button that opens them again."""
    if pacing.my_resting_from is None:
        return []
    label = _step_labeller(user, pack)
    return [label(t) for t in sorted(mutual) if t.level >= pacing.my_resting_from]


@login_required
@require_http_methods(["GET", "POST"])
def sessions(request: HttpRequest) -> HttpResponse:
    user = request.user
    # The couple's journey rows, read once for the topic, the mutual set, the pacing and the
    # navigation.
    sides = services.couple_sides(user)
    mine = sides.get(user.pk)
    pack = current_pack(user)
    mutual = services.mutual_tokens(user=user, pack=pack, sides=sides)
    pacing = services.pacing_for(user=user, pack=pack, mutual=mutual, sides=sides)
    choices, offered = _step_choices(
        services.proposable_steps(user=user, pacing=pacing, mutual=mutual), user, pack
    )
    form = ProposalForm(
        request.POST if request.method == "POST" else None,
        step_choices=choices,
        max_ceiling=pacing.ceiling,
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                plan = services.propose(
                    user=user,
                    pack=pack,
                    steps=[offered[key] for key in form.cleaned_data["steps"]],
                    ceiling=form.cleaned_data["ceiling"],
                    stop_word=form.cleaned_data["stop_word"],
                )
            except services.NotNow as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(request, _("Your proposal is with your partner."))
                return redirect("together:session", public_id=plan.public_id)
    context = {
        "form": form,
        "reason": services.MESSAGES[pacing.reason] if pacing.reason else None,
        "ceiling": pacing.ceiling,
        "plans": services.recent_plans(user),
        "someone_rests": pacing.someone_rests,
        "my_halts": pacing.my_halts,
        "resting_titles": _resting_titles(user, pack, pacing, mutual),
        "paused": pacing.pause,
    }
    if mine is not None:  # the navigation's quiet dot, from this person's own side
        context["waiting_for_you"] = anything_waits(user, side=mine, pack=pack)
    return render(request, "together/sessions.html", context, status=status)


def _session_page(request, plan: SessionPlan, pack, response_form=None, status=200):
    view = services.session_view(user=request.user, plan=plan, pack=pack)
    if view.waits_for_me and response_form is None:
        response_form = _response_form(request.user, pack, view, plan)[0]
    context = {"view": view, "plan": plan, "response_form": response_form}
    return render(request, "together/session.html", context, status=status)


def _response_form(user, pack, view, plan, data=None) -> tuple[ResponseForm, dict[str, Token]]:
    choices, offered = _step_choices([s.token for s in view.steps], user, pack)
    form = ResponseForm(data, step_choices=choices, ceiling=plan.ceiling, stop_word=plan.stop_word)
    return form, offered


@login_required
@require_GET
def session(request: HttpRequest, public_id: UUID) -> HttpResponse:
    plan = _plan_or_404(request.user, public_id)
    return _session_page(request, plan, pack_named(plan.pack_id))


@login_required
@require_POST
def respond(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """One form, two buttons of equal weight: "Accept these steps" or "Not this time"."""
    plan = _plan_or_404(request.user, public_id)
    pack = pack_named(plan.pack_id)
    try:
        if request.POST.get("decision") != "accept":
            services.decline(user=request.user, public_id=public_id)
            messages.info(request, _("Not this time. No reason needed."))
            return redirect("together:session", public_id=public_id)
        view = services.session_view(user=request.user, plan=plan, pack=pack)
        form, offered = _response_form(request.user, pack, view, plan, request.POST)
        if not form.is_valid():
            return _session_page(request, plan, pack, response_form=form, status=400)
        services.accept(
            user=request.user,
            pack=pack,
            public_id=public_id,
            keep=[offered[key] for key in form.cleaned_data["keep"]],
            ceiling=form.cleaned_data["ceiling"],
            stop_word=form.cleaned_data["stop_word"],
        )
    except ObjectDoesNotExist:
        raise Http404 from None
    except services.NotNow as refused:
        form.add_error(None, str(refused))
        return _session_page(request, plan, pack, response_form=form, status=400)
    messages.success(request, _("Agreed. Start whenever you are both ready, or not at all."))
    return redirect("together:session", public_id=public_id)


def _simple_action(action):
    @login_required
    @require_POST
    def view(request: HttpRequest, public_id: UUID) -> HttpResponse:
        plan = _plan_or_404(request.user, public_id)
        try:
            action(request, plan)
        except ObjectDoesNotExist:
            messages.info(request, _("That has already changed. Here is where things stand."))
        except services.NotNow as refused:
            messages.info(request, str(refused))
        return redirect("together:session", public_id=public_id)

    return view


# Each takes the request and the plan, which is fetched again (and locked) by the service.
cancel = _simple_action(
    lambda request, plan: services.cancel(user=request.user, public_id=plan.public_id)
)
start = _simple_action(
    lambda request, plan: services.start(user=request.user, public_id=plan.public_id)
)
finish = _simple_action(
    lambda request, plan: services.finish(user=request.user, public_id=plan.public_id)
)
move_on = _simple_action(
    lambda request, plan: services.move_on(
        user=request.user, pack=pack_named(plan.pack_id), public_id=plan.public_id
    )
)


@login_required
@require_POST
def check_in(request: HttpRequest, public_id: UUID) -> HttpResponse:
    plan = _plan_or_404(request.user, public_id)
    form = CheckInForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose green, yellow or red."))
        return redirect("together:session", public_id=public_id)
    try:
        services.check_in(
            user=request.user,
            pack=pack_named(plan.pack_id),
            public_id=public_id,
            light=form.cleaned_data["light"],
        )
    except ObjectDoesNotExist:
        messages.info(request, _("This session has already ended."))
    return redirect("together:session", public_id=public_id)


@login_required
@require_http_methods(["GET", "POST"])
def debrief(request: HttpRequest, public_id: UUID) -> HttpResponse:
    plan = _plan_or_404(request.user, public_id)
    if plan.status != SessionPlan.Status.ENDED:
        raise Http404
    view = services.debriefs_for(user=request.user, plan=plan)
    form = DebriefForm(request.POST if request.method == "POST" else None, instance=view.mine)
    if request.method == "POST" and form.is_valid():
        services.write_debrief(
            user=request.user,
            pack=pack_named(plan.pack_id),
            public_id=public_id,
            **form.cleaned_data,
        )
        messages.success(
            request, _("Saved. Your partner sees it only once both of you have written.")
        )
        return redirect("together:session", public_id=public_id)
    status = 400 if form.is_bound else 200
    return render(request, "together/debrief.html", {"form": form, "plan": plan}, status=status)


@login_required
@require_POST
def open_again(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """Only the person who said red or stop may open it again; anyone else gets a 404."""
    if not services.open_again(user=request.user, public_id=public_id):
        raise Http404
    messages.success(request, _("Open again. Only what you both want, and only when you want."))
    return redirect("together:sessions")


@login_required
@require_POST
def pause(request: HttpRequest) -> HttpResponse:
    couples.pause_everything(user=request.user)
    messages.info(request, _("Everything is paused. Take all the time you need."))
    return redirect("together:journey")


@login_required
@require_POST
def resume(request: HttpRequest) -> HttpResponse:
    if couples.resume(user=request.user):
        messages.info(request, _("Resumed."))
    return redirect("together:journey")


@require_GET
def resources(request: HttpRequest) -> HttpResponse:
    pack = current_pack(request.user)
    groups = {}
    for resource in pack.resources:
        groups.setdefault(resource.kind, []).append(resource)
    return render(request, "together/resources.html", {"groups": groups})


# Choosing a topic together ---------------------------------------------------------------------


@login_required
@require_GET
def topic(request: HttpRequest) -> HttpResponse:
    user = request.user
    choices = topics.topic_choices(user, language=get_language())
    context = {
        "choices": choices,
        "titles": {c.pack.id: c.pack.manifest.title for c in choices},
        "received": topics.waiting_for_me(user),
        "sent": topics.my_waiting(user),
        "answered": topics.last_answered_no(user),
        "current": current_pack(user),
    }
    return render(request, "together/topic.html", context)


def _pack_title(pack_id: str) -> str:
    return pack_named(pack_id).manifest.title


@login_required
@require_POST
def suggest_topic(request: HttpRequest) -> HttpResponse:
    pack = topics.installed(request.POST.get("pack", ""), language=get_language())
    if pack is None:
        messages.error(request, _("Please choose one of the topics listed."))
        return redirect("together:topic")
    try:
        topics.suggest_topic(user=request.user, pack=pack)
    except topics.CannotChangeTopic as refused:
        messages.info(request, str(refused))
    else:
        messages.success(
            request,
            _(
                "Your suggestion is with your partner. Every answer is fine, and none needs "
                "a reason."
            ),
        )
    return redirect("together:topic")


@login_required
@require_POST
def answer_topic(request: HttpRequest, public_id: UUID) -> HttpResponse:
    answer = request.POST.get("answer", "")
    if answer not in TopicSuggestion.Answer.values:
        messages.error(request, _("Please choose one of the three answers."))
        return redirect("together:topic")
    try:
        suggestion = topics.answer_suggestion(user=request.user, public_id=public_id, answer=answer)
    except TopicSuggestion.DoesNotExist:
        raise Http404 from None
    except topics.CannotChangeTopic as refused:
        messages.info(request, str(refused))
        return redirect("together:topic")
    if answer == TopicSuggestion.Answer.YES:
        title = _pack_title(suggestion.pack_id)
        messages.success(request, _("You are exploring %(title)s together now.") % {"title": title})
    else:
        messages.success(request, _("Thank you. Your answer is saved, and you owe no explanation."))
    return redirect("together:topic")


@login_required
@require_POST
def withdraw_topic(request: HttpRequest, public_id: UUID) -> HttpResponse:
    try:
        topics.withdraw_suggestion(user=request.user, public_id=public_id)
    except TopicSuggestion.DoesNotExist:
        raise Http404 from None  # someone else's, or already answered
    messages.info(request, _("Taken back. Nothing was changed."))
    return redirect("together:topic")
