from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from handhold.couples.services import partner_of


@require_GET
def home(request):
    context = {}
    if request.user.is_authenticated:
        context["partner"] = partner_of(request.user)
    return render(request, "pages/home.html", context)


@require_GET
def away(request):
    """The quick-exit page: an ordinary recipe, with nothing that points back to Handhold."""
    return render(request, "pages/away.html")


@require_GET
def deleted(request):
    return render(request, "pages/deleted.html")


def bare(request):
    """The benchmark's baseline: reads request.user and returns a small fixed page."""
    return HttpResponse(f"<!doctype html><title>ok</title><p>{request.user.pk}</p>")
