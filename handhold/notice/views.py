"""Notice: thin views over notice.services. Every entry is fetched through its author, so
anyone else, the partner included, gets a 404."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from handhold.content.registry import current_pack
from handhold.notice import services
from handhold.notice.forms import KIND_HEADINGS, NoticeForm
from handhold.notice.models import NoticeEntry


def _entry_or_404(user, public_id: UUID) -> NoticeEntry:
    try:
        return services.entry_of(author=user, public_id=public_id)
    except NoticeEntry.DoesNotExist:
        raise Http404 from None


@login_required
@require_http_methods(["GET", "POST"])
def notice(request: HttpRequest) -> HttpResponse:
    pack = current_pack(request.user)
    view = services.notice_for(person=request.user, pack=pack)
    status = 200
    if request.method == "POST":
        form = NoticeForm(request.POST, ideas=view.ideas)
        if form.is_valid():
            services.log_reaction(
                author=request.user,
                pack=pack,
                reaction=form.cleaned_data["reaction"],
                idea_id=form.cleaned_data["idea"],
                note=form.cleaned_data["note"],
            )
            messages.success(request, services.MESSAGES["logged"])
            return redirect("notice:notice")
        status = 400
    else:
        # "Note how it went" beside an idea opens the form with that idea chosen.
        chosen = request.GET.get("idea", "")
        known = {idea.id for idea in view.ideas}
        form = NoticeForm(initial={"idea": chosen if chosen in known else ""}, ideas=view.ideas)
    groups = [
        (kind, heading, [idea for idea in view.ideas if idea.kind == kind])
        for kind, heading in KIND_HEADINGS.items()
    ]
    entries = services.entries_of(author=request.user, pack=pack)
    context = {
        "view": view,
        "groups": [group for group in groups if group[2]],
        "form": form,
        "entries": [(entry, pack.notice_idea(entry.idea_id)) for entry in entries],
    }
    return render(request, "notice/notice.html", context, status=status)


@login_required
@require_POST
def delete(request: HttpRequest, public_id: UUID) -> HttpResponse:
    _entry_or_404(request.user, public_id)
    services.delete_entry(author=request.user, public_id=public_id)
    messages.info(request, services.MESSAGES["deleted"])
    return redirect("notice:notice")
