import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_home_says_what_handhold_will_never_do(client):
    html = client.get(reverse("pages:home")).content.decode()
    assert "What Handhold will never do" in html
    assert "Show your partner a no" in html
    assert "email" in html


@pytest.mark.django_db
def test_the_quick_exit_page_is_neutral(client):
    response = client.get(reverse("pages:away"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Red lentil soup</title>" in html
    assert "handhold" not in html.lower()
    assert "<script" not in html
    for name, value in response.items():
        assert "handhold" not in f"{name}: {value}".lower()


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
def test_quick_exit_logs_out_on_the_server_before_the_neutral_page(client_for, stranger, method):
    client = client_for(stranger)
    session_key = client.session.session_key
    response = getattr(client, method)(reverse("pages:leave"))
    assert response.status_code == 302
    assert response["Location"] == reverse("pages:away")
    from handhold.accounts.models import Session

    assert not Session.objects.filter(session_key=session_key).exists()
    back = client.get(reverse("discovery:reflect"))
    assert back.status_code == 302  # every page behind Quick exit asks for a log-in again
    assert back["Location"].startswith(reverse("accounts:login"))


@pytest.mark.django_db
def test_quick_exit_needs_no_csrf_token_to_leave(client_for, stranger):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(stranger)
    assert strict.post(reverse("pages:leave")).status_code == 302
    assert strict.get(reverse("accounts:settings")).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["pages:home", "accounts:login", "accounts:sign_up"])
def test_every_page_has_a_quick_exit_that_works_without_javascript(client, name):
    html = client.get(reverse(name)).content.decode()
    assert f'<a class="quick-exit" href="{reverse("pages:leave")}" data-quick-exit>' in html
    assert "/static/handhold/quick-exit.js" in html


def test_every_logged_in_page_has_a_quick_exit(client_for, asker, partner):
    client = client_for(asker)
    for name in (
        "pages:home",
        "accounts:pairing",
        "accounts:settings",
        "accounts:unpair",
        "accounts:delete",
        "accounts:join",
    ):
        assert b"data-quick-exit" in client.get(reverse(name)).content, name


@pytest.mark.django_db
def test_security_headers(client):
    response = client.get(reverse("pages:home"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "style-src 'self'" in csp
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Frame-Options"] == "DENY"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_pages_have_no_inline_script_or_style_and_no_third_party_urls(client):
    for name in ("pages:home", "accounts:login", "accounts:sign_up", "pages:away"):
        html = client.get(reverse(name)).content.decode()
        assert "<style" not in html and 'style="' not in html
        assert "<script>" not in html
        assert "http://" not in html and "https://" not in html


@pytest.mark.django_db
def test_static_files_are_served_by_handhold_itself(client):
    from django.test import Client

    response = Client().get("/static/handhold/handhold.css")
    assert response.status_code == 200


def test_the_only_images_are_three_small_abstract_icons():
    """No image of a body anywhere: the static files hold only the favicon, its discreet
    twin and the soup bowl of the quick-exit page."""
    from pathlib import Path

    static = Path(__file__).resolve().parents[1] / "static"
    images = sorted(p.name for p in static.glob("*/*") if p.suffix not in {".css", ".js"})
    assert images == ["bowl.svg", "icon.svg", "notes.svg"]
