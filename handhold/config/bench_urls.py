"""The URL configuration of `handhold bench`'s servers only (HANDHOLD_BENCH=1): every
production page, the bare view that the bench compares each page with, and two views that
measure the planner's floor (eval/planner_floor.py). The production configuration,
handhold/config/urls.py, has none of them."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.http import require_POST

from handhold.config.urls import urlpatterns as production_urlpatterns
from handhold.content.registry import current_pack
from handhold.conversation.forms import DraftForm
from handhold.conversation.services import analyse
from handhold.conversation.views import count_and_save


def bare(request: HttpRequest) -> HttpResponse:
    """The baseline: through the same server and middleware, reads request.user (so, logged in,
    the session and the user) and returns a small fixed page."""
    return HttpResponse(f"<!doctype html><title>ok</title><p>{request.user.pk}</p>")


def _small_page(analysis) -> HttpResponse:
    return HttpResponse(f"<!doctype html><title>ok</title><p>{analysis.result.pressuring}</p>")


@login_required
@require_POST
def planner_check_alone(request: HttpRequest) -> HttpResponse:
    """The planner's check with nothing around it: the draft form read and its words checked,
    as the planner does, then the bare view's small page. Nothing saved, nothing drawn."""
    form = DraftForm(request.POST)
    form.is_valid()
    return _small_page(
        analyse(text=form.cleaned_data.get("text", ""), pack=current_pack(request.user))
    )


@login_required
@require_POST
def planner_check_and_save(request: HttpRequest) -> HttpResponse:
    """`planner_check_alone`, and the try counted and the words saved in one commit, as the
    planner does (`count_and_save`): what a check must do before anything is drawn."""
    form = DraftForm(request.POST)
    pack = current_pack(request.user)
    count_and_save(request, pack, form if form.is_valid() else None)
    return _small_page(analyse(text=form.cleaned_data.get("text", ""), pack=pack))


urlpatterns = [
    *production_urlpatterns,
    path("bench/bare/", bare, name="bench_bare"),
    path("bench/planner-check-alone/", planner_check_alone),
    path("bench/planner-check-and-save/", planner_check_and_save),
]
