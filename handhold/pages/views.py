from django.contrib.auth import logout
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.i18n import set_language

from handhold.couples.services import partner_of


@require_GET
def home(request):
    context = {}
    if request.user.is_authenticated:
        context["partner"] = partner_of(request.user)
    return render(request, "pages/home.html", context)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def leave(request):
    """Quick exit: end the session on the server, then show the neutral page.

    Hiding the current page is not enough: Back, or anyone who opens the browser next, would
    find every earlier Handhold page still logged in. Once the session is gone, every page
    behind this one asks for a log-in, whatever the history holds.

    It answers a plain link (GET), so it works without JavaScript and from any page. It is
    exempt from the CSRF check because leaving must never fail on a stale form; the worst
    another site can do with it is log someone out, and our cookies are SameSite=Lax, so it
    can only do that by sending the person to this address in plain sight.
    """
    logout(request)
    return redirect("pages:away")


@require_GET
def away(request):
    """The quick-exit page: an ordinary recipe, with nothing that points back to Handhold."""
    return render(request, "pages/away.html")


@require_GET
def deleted(request):
    return render(request, "pages/deleted.html")


@require_POST
def language(request):
    """The footer's language switch: Django's own `set_language` (a cookie that LocaleMiddleware
    reads before the browser's Accept-Language), then back to the page the person was on.
    A plain form, so it works without JavaScript; POST only, so a link cannot change it."""
    return set_language(request)
