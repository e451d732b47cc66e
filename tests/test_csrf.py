"""CSRF protection with `Referrer-Policy: no-referrer`, where browsers send `Origin: null`."""

import re

import pytest
from django.test import Client
from django.urls import reverse


def post_sign_up(**headers):
    client = Client(enforce_csrf_checks=True)
    html = client.get(reverse("accounts:sign_up")).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    data = {"csrfmiddlewaretoken": token, "username": "river"}
    return client.post(reverse("accounts:sign_up"), data, **headers)


@pytest.mark.django_db
def test_a_same_origin_form_with_a_null_origin_is_accepted():
    response = post_sign_up(HTTP_ORIGIN="null", HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 400  # the form's own complaint, past the CSRF check
    assert b"18 or older" in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("site", ["cross-site", "same-site", "none", None])
def test_a_null_origin_from_anywhere_else_is_refused(site):
    headers = {"HTTP_ORIGIN": "null"}
    if site:
        headers["HTTP_SEC_FETCH_SITE"] = site
    assert post_sign_up(**headers).status_code == 403


@pytest.mark.django_db
def test_another_origin_is_refused_even_when_it_claims_same_origin():
    response = post_sign_up(
        HTTP_ORIGIN="https://elsewhere.example", HTTP_SEC_FETCH_SITE="same-origin"
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_the_token_is_still_required():
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("accounts:sign_up"),
        {"username": "river"},
        HTTP_ORIGIN="null",
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 403
    assert b"Please try again" in response.content


def test_csrf_protection_is_in_the_middleware(settings):
    from django.middleware.csrf import CsrfViewMiddleware
    from django.utils.module_loading import import_string

    assert any(
        issubclass(import_string(path), CsrfViewMiddleware)
        for path in settings.MIDDLEWARE
        if path.endswith("CsrfViewMiddleware")
    )


def test_the_token_a_page_draws_is_djangos_for_the_same_secret():
    """Our get_token (handhold/config/middleware.py) masks as Django's does: Django's own
    checks read the token, unmask it to the cookie's secret, and every draw has a new mask."""
    from django.middleware import csrf
    from django.test import RequestFactory

    from handhold.config.middleware import get_token

    request = RequestFactory().get("/")
    secret = csrf._get_new_csrf_string()
    request.META["CSRF_COOKIE"] = secret
    tokens = {get_token(request) for _ in range(200)}
    assert len(tokens) == 200
    for token in tokens:
        csrf._check_token_format(token)  # raises if it is not a token Django accepts
        assert len(token) == csrf.CSRF_TOKEN_LENGTH
        assert csrf._unmask_cipher_token(token) == secret
        assert csrf._does_token_match(token, secret)
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True  # renewed, as Django renews it


def test_without_a_cookie_the_token_comes_from_django():
    from django.middleware import csrf
    from django.test import RequestFactory

    from handhold.config.middleware import get_token

    request = RequestFactory().get("/")
    token = get_token(request)
    assert csrf._unmask_cipher_token(token) == request.META["CSRF_COOKIE"]


def test_the_mask_is_drawn_evenly():
    """Each of the 62 characters about equally often, as with secrets.choice: over 200,000
    draws, Pearson's chi-squared statistic (61 degrees of freedom: mean 61, standard deviation
    about 11) stays far below what a biased draw gives; `byte % 62` without redrawing the
    bytes from 248 up, for one, scores in the thousands."""
    from collections import Counter

    from handhold.config.middleware import _random_numbers

    draws = 200_000 // 32 * 32
    counts = Counter()
    for _ in range(draws // 32):
        counts.update(_random_numbers(32))
    expected = draws / 62
    assert set(counts) == set(range(62))
    chi_squared = sum((count - expected) ** 2 / expected for count in counts.values())
    assert chi_squared < 150, (chi_squared, counts)


@pytest.mark.django_db
def test_a_logged_in_page_s_token_passes_the_csrf_check(client_for, asker):
    """Every logged-in page draws the log-out form; its token is accepted. The first page sets
    the CSRF cookie (with Django's own get_token); the second masks the cookie's secret."""
    client = client_for(asker)
    client.handler.enforce_csrf_checks = True
    client.get(reverse("together:journey"))
    assert "csrftoken" in client.cookies
    html = client.get(reverse("together:journey")).content.decode()
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert tokens and len(set(tokens)) == 1  # one token, shared by every form of the page
    response = client.post(
        reverse("accounts:logout"), {"csrfmiddlewaretoken": tokens[0]}, HTTP_ORIGIN="null",
        HTTP_SEC_FETCH_SITE="same-origin",
    )  # fmt: skip
    assert response.status_code == 302
    refused = client_for(asker)
    refused.handler.enforce_csrf_checks = True
    assert (
        refused.post(reverse("accounts:logout"), {"csrfmiddlewaretoken": "x" * 64}).status_code
        == 403
    )
