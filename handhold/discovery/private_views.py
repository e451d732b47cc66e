"""Private matching's pages and the small JSON views its browser script talks to.

Thin: each begins with the person's couple (runs are fetched through it, 404 for anyone
else), hands the posted set to discovery.private, and answers with what that person may see.
The answers themselves never come here: the pages hold no form that could send them.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from handhold.content.registry import current_pack
from handhold.core import answers_copy as ac
from handhold.core import private_matching as pm
from handhold.core import private_runs as rules
from handhold.discovery import private, services
from handhold.discovery.ladder import ladder_markup
from handhold.discovery.models import PrivateRun

STEPS = {"round-one": rules.ROUND_ONE, "round-two": rules.ROUND_TWO, "mutual": rules.MUTUAL}


def _run_for(request: HttpRequest, public_id: UUID) -> PrivateRun:
    try:
        return private.run_for(request.user, public_id)
    except PrivateRun.DoesNotExist:
        raise Http404 from None


def _refused(error: private.NotNow, status: int = 409) -> JsonResponse:
    return JsonResponse({"error": error.name, "message": str(error)}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def private_matching(request: HttpRequest) -> HttpResponse:
    """Switch private matching on (each ticks) or off (either unticks), with what it means."""
    if request.method == "POST":
        if request.POST.get("tick") == "on":
            try:
                now_on = private.tick(person=request.user)
            except private.NotNow as refusal:
                messages.info(request, str(refusal))
                return redirect("discovery:private_matching")
            if now_on:
                messages.success(request, _("Private matching is on for both of you."))
                return redirect("discovery:private_ladder")
            messages.success(
                request,
                _("You've ticked it. It comes on when your partner ticks it too, no sooner."),
            )
        else:
            private.untick(person=request.user)
            messages.success(
                request,
                _("Private matching is off. The ladder starts afresh, in the ordinary way."),
            )
        return redirect("discovery:private_matching")
    context = {
        "paired": request.user.is_paired,
        "on": private.is_on(request.user),
        "ticked": private.has_ticked(request.user),
        "runs_per_window": rules.RUNS_PER_WINDOW,
    }
    return render(request, "discovery/private_matching.html", context)


@login_required
@require_GET
def private_ladder(request: HttpRequest) -> HttpResponse:
    """The ladder in private mode: drawn with no form, filled and saved by the browser."""
    if not private.is_on(request.user):
        return private_matching(request)  # what the mode is, and how to switch it on
    pack = current_pack(request.user)
    opened = services.opened_level_of(person=request.user, pack=pack)
    next_level = services.next_level_for(opened=opened, pack=pack)
    context = {
        "ladder": ladder_markup(pack, opened=opened).fill({}),
        "next_level": next_level,
        "runs": private.runs_of(request.user)[:10],
        "runs_per_window": rules.RUNS_PER_WINDOW,
    }
    return render(request, "discovery/private_ladder.html", context)


@login_required
@require_POST
def private_open_level(request: HttpRequest) -> HttpResponse:
    """Open the next level in private mode: the same pace rule, no answers sent."""
    if private.is_on(request.user):
        services.open_next_level(person=request.user, pack=current_pack(request.user))
    return redirect("discovery:private_ladder")


@login_required
@require_GET
def private_state(request: HttpRequest) -> JsonResponse:
    """What the browser needs to take part: the couple's and the two people's public ids (the
    domain separation tag and the tokens are made of them), the pack's catalog and the run."""
    if not private.is_on(request.user):
        return JsonResponse({"on": False})
    pack = current_pack(request.user)
    catalog = private.catalog_of(pack)
    run = private.runs_of(request.user).first()
    on_since = private.on_since(request.user)
    return JsonResponse(
        {
            "on": True,
            # Public ids only: the primary keys never reach the browser.
            "couple": private.couple_id_of(request.user),
            "me": private.protocol_id(request.user.public_id),
            "people": list(private.people_of(request.user)),
            "pack": pack.id,
            "since": on_since.isoformat() if on_since else "",
            "opened": services.opened_level_of(person=request.user, pack=pack),
            "catalog": {
                k: {"level": v.level, "roles": sorted(v.roles)} for k, v in catalog.items()
            },
            "size": pm.ladder_size(catalog),
            "matched": private.stored_mutual(viewer=request.user, pack=pack) is not None,
            "run": asdict(private.run_view(viewer=request.user, run=run)) if run else None,
            "copy_version": copy.version if (copy := private.copy_of(request.user)) else None,
        }
    )


@login_required
@require_POST
def private_run_start(request: HttpRequest) -> JsonResponse:
    try:
        run = private.start_run(person=request.user, pack=current_pack(request.user))
    except private.NotNow as refusal:
        return _refused(refusal)
    return JsonResponse(asdict(private.run_view(viewer=request.user, run=run)), status=201)


@login_required
@require_GET
def private_run(request: HttpRequest, public_id: UUID) -> JsonResponse:
    run = _run_for(request, public_id)
    return JsonResponse(asdict(private.run_view(viewer=request.user, run=run)))


@login_required
@require_POST
def private_run_post(request: HttpRequest, public_id: UUID) -> JsonResponse:
    """One person's set for one step of a run, as JSON {"step": ..., "set": [...]}: checked,
    kept, and released to the partner only when both are in."""
    run = _run_for(request, public_id)
    try:
        body = json.loads(request.body or b"null")
    except ValueError:
        body = None
    if not isinstance(body, dict) or body.get("step") not in STEPS:
        return JsonResponse({"error": "no_step", "message": "Which step?"}, status=400)
    try:
        private.post_step(
            person=request.user,
            run=run,
            step=STEPS[body["step"]],
            posted=body.get("set"),
            pack=current_pack(request.user),
        )
    except pm.PostedSetInvalid as invalid:
        return JsonResponse({"error": invalid.reason, "message": str(invalid)}, status=400)
    except private.NotNow as refusal:
        return _refused(refusal)
    run.refresh_from_db()
    return JsonResponse(asdict(private.run_view(viewer=request.user, run=run)))


@login_required
@require_POST
def private_run_cancel(request: HttpRequest, public_id: UUID) -> HttpResponse:
    run = _run_for(request, public_id)
    private.cancel_run(person=request.user, run=run)
    if request.headers.get("Accept", "").startswith("application/json"):
        return JsonResponse({"status": "cancelled"})
    return redirect(reverse("discovery:private_ladder"))


@login_required
@require_POST
def private_answers_changed(request: HttpRequest) -> JsonResponse:
    try:
        private.answers_changed(person=request.user, pack=current_pack(request.user))
    except private.NotNow as refusal:
        return _refused(refusal)
    return JsonResponse({"matched": False})


@login_required
@require_http_methods(["GET", "POST"])
def private_copy(request: HttpRequest) -> JsonResponse:
    """This person's sealed copy of their answers (GET), or a new one from their browser (POST,
    JSON {"copy": {"salt", "iv", "ciphertext"}, "based_on": version or null}). The server sees
    only the sealed bytes: the phrase and the key stay in the browser."""
    if request.method == "GET":
        copy = private.copy_of(request.user)
        if copy is None:
            return JsonResponse({"copy": None})
        fields = ("salt", "iv", "ciphertext", "iterations", "version")
        return JsonResponse({"copy": {name: getattr(copy, name) for name in fields}})
    try:
        body = json.loads(request.body or b"null")
    except ValueError:
        body = None
    if not isinstance(body, dict):
        return JsonResponse({"error": "not_an_object", "message": "Which copy?"}, status=400)
    try:
        copy = private.save_copy(
            person=request.user, posted=body.get("copy"), based_on=body.get("based_on")
        )
    except ac.CopyInvalid as invalid:
        return JsonResponse({"error": invalid.reason, "message": str(invalid)}, status=400)
    except private.NotNow as refusal:
        return _refused(refusal)
    return JsonResponse({"version": copy.version})


@login_required
@require_POST
def private_copy_delete(request: HttpRequest) -> JsonResponse:
    private.delete_copy(person=request.user)
    return JsonResponse({"copy": None})
