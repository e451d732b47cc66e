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
