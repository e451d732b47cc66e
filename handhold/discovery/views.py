"""Reflect, learn and discover. Thin views over discovery.services and the content pack."""

from functools import lru_cache

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from handhold.config.templating import forget_with_catalogue
from handhold.content.registry import current_pack
from handhold.couples import services as couples
from handhold.discovery import private, services
from handhold.discovery.filters import level_name
from handhold.discovery.forms import (
    JournalForm,
    LadderForm,
    answer_field_name,
    mutual_roles_in_words,
)
from handhold.discovery.ladder import ladder_markup


def _wants_json(request) -> bool:
    """The autosave script asks for a small JSON answer instead of a page."""
    return request.headers.get("X-Requested-With") == "handhold-autosave"


@login_required
@require_http_methods(["GET", "POST"])
def reflect(request):
    # Read first: the navigation reads this row too, and it brings the couple's topic with it.
    couples.journey_of_request(request)
    pack = current_pack(request.user)
    questions = services.reflect_questions(person=request.user, pack=pack)
    if request.method == "POST":
        form = JournalForm(request.POST, pack=pack, questions=questions)
        if form.is_valid():
            services.save_journal(author=request.user, pack=pack, entries=form.entries())
            if _wants_json(request):
                return JsonResponse({"saved": True})
            messages.success(request, _("Saved. Only you can ever see your journal."))
            return redirect("discovery:reflect")
        if _wants_json(request):
            return JsonResponse({"saved": False, "errors": form.errors}, status=400)
        status = 400
    else:
        form = JournalForm(pack=pack, questions=questions)
        journal = services.journal_of(author=request.user, pack=pack)
        form.initial = JournalForm.initial_from(journal, form.questions_shown)
        status = 200
    context = {
        "form": form,
        "still_open": services.still_open_questions(
            author=request.user, pack=pack, questions=questions
        ),
        "pack": pack,
    }
    return render(request, "discovery/reflect.html", context, status=status)


@require_GET
def learn(request):
    return render(request, "discovery/learn.html", {"pack": current_pack(request.user)})


@require_GET
def card(request, card_id: str):
    pack = current_pack(request.user)
    found = pack.card(card_id)
    if found is None:
        raise Http404
    related = [a for a in pack.activities if a.card == card_id]
    return render(request, "discovery/card.html", {"card": found, "related": related})


@login_required
@require_http_methods(["GET", "POST"])
def discover(request):
    # This person's journey row, shared with the navigation: whether private matching is on
    # and whether they finished, without a query of their own.
    side = couples.journey_of_request(request)
    if private.is_on(request.user, side=side):
        # Answers live in the browsers now: nothing posted here is read, let alone saved.
        return redirect("discovery:private_ladder")
    pack = current_pack(request.user)
    opened = services.opened_level_of(person=request.user, pack=pack)
    if request.method == "POST":
        form = LadderForm(request.POST, pack=pack, opened=opened)
        if form.is_valid():
            services.save_answers(person=request.user, pack=pack, choices=form.choices())
            if "open_next" in request.POST:
                return _open_next_level(request, pack)
            if "finish" in request.POST:
                try:
                    services.mark_finished(person=request.user, pack=pack)
                except services.NotPaired:
                    messages.info(
                        request,
                        _("Saved. You can mark your answers finished once you are paired."),
                    )
                    return redirect("discovery:discover")
                return redirect("discovery:reveal")
            messages.success(request, _("Saved. Only you can see your answers."))
            return redirect("discovery:discover")
        # Only a tampered post gets here: show what was sent, with the errors.
        ladder = ladder_markup(pack, opened=opened).fill(request.POST, form.errors)
        status = 400
    else:
        form = None
        current = services.answers_of(person=request.user, pack=pack)
        chosen = {answer_field_name(item, role): c for (item, role), c in current.items()}
        ladder = ladder_markup(pack, opened=opened).fill(chosen)
        status = 200
    next_level = services.next_level_for(opened=opened, pack=pack)
    context = {
        "form": form,
        "ladder": ladder,
        "paired": request.user.is_paired,
        "finished": services.has_finished(person=request.user, pack=pack, side=side),
        "next_level": next_level,
        "next_level_name": level_name(next_level) if next_level else "",
    }
    return render(request, "discovery/discover.html", context, status=status)


def _open_next_level(request, pack):
    """The answers are saved; now one more level, for this person alone."""
    level = services.open_next_level(person=request.user, pack=pack)
    if level is None:
        return redirect("discovery:discover")
    messages.success(
        request,
        _("Saved, and level %(level)s is open. Only you can see how far you have looked.")
        % {"level": level},
    )
    return redirect(f"{reverse('discovery:discover')}#level-{level}")


@login_required
@require_GET
def reveal(request):
    # Shared with the navigation, and read first: it brings the couple's topic (current_pack).
    side = couples.journey_of_request(request)
    pack = current_pack(request.user)
    result = services.reveal_for(viewer=request.user, pack=pack, side=side)
    levels = _by_level(result.items, pack)
    context = {"reveal": result, "levels": levels, "first_evening": _first_evening(levels)}
    return render(request, "discovery/reveal.html", context)


def _by_level(items, pack) -> list[tuple[int, str, list[tuple[str, str]]]]:
    """[(level, its name, [(title, roles in words)])]: one line per item with its roles merged
    ("both ways"), gentlest level first, in the pack's order within a level. Plain strings:
    cheaper to draw than objects."""
    language = get_language()
    roles: dict[str, set[str]] = {}
    for item in items:
        roles.setdefault(item.activity.id, set()).add(item.role)
    levels: dict[int, list[tuple[str, str]]] = {}
    for activity in pack.activities:  # the pack's order
        if activity.id in roles:
            line = (activity.title, _roles_in(language, frozenset(roles[activity.id])))
            levels.setdefault(activity.level, []).append(line)
    return [
        (level, _level_name_in(language, level), rows) for level, rows in sorted(levels.items())
    ]


# The reveal's words, translated once per language (part of each key) rather than through
# Django's gettext for every line and heading, some twenty-five Python calls a string. Only
# the pack's fixed words are kept: nothing here depends on a person or their answers.
@lru_cache(maxsize=64)
def _roles_in(language: str | None, roles: frozenset[str]) -> str:
    return mutual_roles_in_words(roles)


@lru_cache(maxsize=64)
def _level_name_in(language: str | None, level: int) -> str:
    return str(level_name(level))


forget_with_catalogue(_roles_in.cache_clear)
forget_with_catalogue(_level_name_in.cache_clear)


def _first_evening(levels) -> list[tuple[str, str]]:
    """The gentlest mutual items, up to three: something to talk about, not a plan."""
    return [line for _level, _name, rows in levels for line in rows][:3]
