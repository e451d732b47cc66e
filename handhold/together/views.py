"""Go slowly: thin views over together.services. Every plan is fetched through the viewer's
couple (services.plans_for), so anyone else gets a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from handhold.accounts.services import partner_of
from handhold.content.registry import default_pack
from handhold.core.matching import Token, role_for
from handhold.discovery.forms import MUTUAL_ROLE_WORDS
from handhold.together import services
from handhold.together.forms import CheckInForm, DebriefForm, ProposalForm, ResponseForm
from handhold.together.journey import journey_for
from handhold.together.models import SessionPlan


def _plan_or_404(user, plan_id: int) -> SessionPlan:
    try:
        return services.plans_for(user).get(pk=plan_id)
    except SessionPlan.DoesNotExist:
        raise Http404 from None


def _labelled_steps(plan: SessionPlan, user, pack) -> list:
    """The plan's current steps, each with a label that reads from the viewer's side."""
    steps = services.current_steps(plan, user=user, pack=pack)
    for step in steps:
        step.label = _token_label(services.token_of(step, pack), user, pack)
    return steps


def _token_label(token: Token, user, pack) -> str:
    role = role_for(token, viewer=str(user.pk))
    title = pack.activity(token.item_id).title
    return f"{title} ({MUTUAL_ROLE_WORDS[role]}), level {token.level}"


@login_required
@require_GET
def journey(request):
    return render(request, "together/journey.html", {"journey": journey_for(request.user)})


@login_required
@require_POST
def we_talked(request):
    services.mark_we_talked(user=request.user)
    messages.success(request, _("Thank you for talking. Let it settle for a little while."))
    return redirect("together:journey")


@login_required
@require_http_methods(["GET", "POST"])
def prepare(request):
    pack = default_pack()
    if request.method == "POST":
        services.set_ticks(user=request.user, pack=pack, ticked=set(request.POST.getlist("ticked")))
        messages.success(request, _("Saved."))
        return redirect("together:prepare")
    ticks = services.ticks(user=request.user, pack=pack)
    partner = partner_of(request.user)
    items = [
        {
            "item": item,
            "mine": request.user.pk in ticks.get(item.id, set()),
            "theirs": partner is not None and partner.pk in ticks.get(item.id, set()),
        }
        for item in pack.supplies
    ]
    return render(request, "together/prepare.html", {"items": items, "partner": partner})


@login_required
@require_http_methods(["GET", "POST"])
def sessions(request):
    pack = default_pack()
    user = request.user
    held = services.held_back(user) if user.couple_id else frozenset()
    mutual = services.mutual_tokens(user=user, pack=pack)
    choices = [
        (f"{t.item_id}|{t.receiver}", _token_label(t, user, pack))
        for t in sorted(mutual)
        if (t.item_id, t.receiver) not in held
    ]
    form = ProposalForm(
        request.POST if request.method == "POST" else None,
        step_choices=choices,
        max_ceiling=services.ceiling_allowed(user) if user.couple_id else 5,
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            steps = []
            for value in form.cleaned_data["steps"]:
                item_id, receiver = value.split("|", 1)
                steps.append(Token(pack.level_of(item_id, default=0), item_id, receiver))
            try:
                plan = services.propose(
                    user=user,
                    pack=pack,
                    steps=steps,
                    ceiling=form.cleaned_data["ceiling"],
                    stop_word=form.cleaned_data["stop_word"],
                )
            except services.NotNow as reason:
                form.add_error(None, str(reason))
            else:
                messages.success(request, _("Your proposal is with your partner."))
                return redirect("together:session", plan_id=plan.pk)
    context = {
        "form": form,
        "reason": services.why_no_proposal(user=user, pack=pack, mutual=mutual),
        "plans": services.plans_for(user)[:10] if user.couple_id else [],
        "held": services.held_back_rows(user),
        "paused": services.pause_of(user),
    }
    return render(request, "together/sessions.html", context, status=status)


@login_required
@require_GET
def session(request, plan_id: int):
    pack = default_pack()
    plan = _plan_or_404(request.user, plan_id)
    steps = _labelled_steps(plan, request.user, pack)
    response_form = None
    if plan.status == SessionPlan.Status.PROPOSED and plan.proposer_id != request.user.pk:
        response_form = ResponseForm(steps=steps, ceiling=plan.ceiling)
    context = {
        "plan": plan,
        "steps": steps,
        "response_form": response_form,
        "mine": plan.proposer_id == request.user.pk,
        "debriefs": services.debriefs_for(user=request.user, plan=plan),
        "check_in_form": CheckInForm(),
    }
    return render(request, "together/session.html", context)


@login_required
@require_POST
def respond(request, plan_id: int):
    pack = default_pack()
    plan = _plan_or_404(request.user, plan_id)
    steps = _labelled_steps(plan, request.user, pack)
    form = ResponseForm(request.POST, steps=steps, ceiling=plan.ceiling)
    accept = request.POST.get("decision") == "accept"
    if accept and not form.is_valid():
        messages.error(request, _("Please choose the steps to keep and a ceiling."))
        return redirect("together:session", plan_id=plan_id)
    try:
        services.respond(
            user=request.user,
            pack=pack,
            plan_id=plan_id,
            keep_step_ids={int(pk) for pk in form.cleaned_data.get("keep", [])}
            if accept
            else set(),
            ceiling=form.cleaned_data.get("ceiling", plan.ceiling) if accept else plan.ceiling,
            accept=accept,
        )
    except ObjectDoesNotExist:
        raise Http404 from None
    except services.NotNow as reason:
        messages.info(request, str(reason))
    return redirect("together:session", plan_id=plan_id)


def _simple_action(action):
    @login_required
    @require_POST
    def view(request, plan_id: int):
        _plan_or_404(request.user, plan_id)
        try:
            action(request, plan_id)
        except ObjectDoesNotExist:
            messages.info(request, _("That has already changed. Here is where things stand."))
        except services.NotNow as reason:
            messages.info(request, str(reason))
        return redirect("together:session", plan_id=plan_id)

    return view


cancel = _simple_action(lambda request, pk: services.cancel(user=request.user, plan_id=pk))
start = _simple_action(lambda request, pk: services.start(user=request.user, plan_id=pk))
finish = _simple_action(lambda request, pk: services.finish(user=request.user, plan_id=pk))


@login_required
@require_POST
def check_in(request, plan_id: int):
    _plan_or_404(request.user, plan_id)
    form = CheckInForm(request.POST)
    if form.is_valid():
        try:
            services.check_in(user=request.user, plan_id=plan_id, light=form.cleaned_data["light"])
        except ObjectDoesNotExist:
            messages.info(request, _("This session has already ended."))
    return redirect("together:session", plan_id=plan_id)


@login_required
@require_http_methods(["GET", "POST"])
def debrief(request, plan_id: int):
    plan = _plan_or_404(request.user, plan_id)
    if plan.status != SessionPlan.Status.ENDED:
        raise Http404
    view = services.debriefs_for(user=request.user, plan=plan)
    form = DebriefForm(request.POST if request.method == "POST" else None, instance=view.mine)
    if request.method == "POST" and form.is_valid():
        services.write_debrief(user=request.user, plan_id=plan_id, **form.cleaned_data)
        messages.success(
            request, _("Saved. Your partner sees it only once both of you have written.")
        )
        return redirect("together:session", plan_id=plan_id)
    status = 400 if form.is_bound else 200
    return render(request, "together/debrief.html", {"form": form, "plan": plan}, status=status)


@login_required
@require_POST
def open_again(request, held_id: int):
    if not any(row.pk == held_id for row in services.held_back_rows(request.user)):
        raise Http404
    services.open_again(user=request.user, held_id=held_id)
    return redirect("together:sessions")


@login_required
@require_POST
def pause(request):
    services.pause_everything(user=request.user)
    messages.info(request, _("Everything is paused. Take all the time you need."))
    return redirect("together:journey")


@login_required
@require_POST
def resume(request):
    if services.resume(user=request.user):
        messages.info(request, _("Resumed."))
    return redirect("together:journey")


@require_GET
def resources(request):
    pack = default_pack()
    groups = {}
    for resource in pack.resources:
        groups.setdefault(resource.kind, []).append(resource)
    return render(request, "together/resources.html", {"groups": groups})
