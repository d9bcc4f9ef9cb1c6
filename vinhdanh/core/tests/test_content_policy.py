"""The content policy and the other security headers, and templates that keep to them."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

ROOT = Path(settings.BASE_DIR) / "vinhdanh"

# What a policy of `script-src 'self'; style-src 'self'` blocks when written in a template.
INLINE_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>")
INLINE_STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]*\sstyle\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""(href|src|action)\s*=\s*["']\s*javascript:""", re.IGNORECASE)


def _directives(header: str) -> dict[str, str]:
    return {
        part.split()[0]: " ".join(part.split()[1:])
        for part in (p.strip() for p in header.split(";"))
        if part
    }


@pytest.mark.django_db
def test_a_page_sends_the_content_policy_and_the_other_headers(client, demo_user):
    client.force_login(demo_user("thuongtruc"))
    response = client.get(reverse("plans:plan_list"))
    assert response.status_code == 200
    policy = _directives(response["Content-Security-Policy"])
    assert policy == {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "frame-ancestors": "'none'",
        "form-action": "'self'",
        "base-uri": "'self'",
        "object-src": "'none'",
    }
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_error_pages_and_the_login_page_send_the_policy_too(client):
    for url, status in (("/khong-co/", 404), (reverse("accounts:login"), 200)):
        response = client.get(url)
        assert response.status_code == status
        assert "script-src 'self'" in response["Content-Security-Policy"]
        assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_page_tells_htmx_not_to_inject_its_style_and_loads_the_site_script(client):
    html = client.get(reverse("accounts:login")).content.decode()
    assert """<meta name="htmx-config" content='{"includeIndicatorStyles":false""" in html
    assert '<script src="/static/core/app.js" defer></script>' in html
    assert "data-submit-on-change" in html and "onchange=" not in html


def _templates() -> list[Path]:
    return sorted(ROOT.glob("**/templates/**/*.html"))


def test_the_scan_finds_templates_and_catches_what_the_policy_blocks():
    assert len(_templates()) > 50
    assert INLINE_HANDLER.search('<select onchange="this.form.submit()">')
    assert INLINE_HANDLER.search("<a\n  href='#' onClick='x()'>")
    assert INLINE_SCRIPT.search("<script>alert(1)</script>")
    assert INLINE_SCRIPT.search('<script type="module">')
    assert not INLINE_SCRIPT.search("<script src=\"{% static 'core/app.js' %}\" defer></script>")
    assert STYLE_ATTRIBUTE.search('<div class="x" style="width: 5rem">')
    assert not STYLE_ATTRIBUTE.search('<div class="x" data-style="width">')
    assert JAVASCRIPT_URL.search('<a href="javascript:void(0)">')


@pytest.mark.parametrize(
    "pattern",
    [INLINE_HANDLER, INLINE_SCRIPT, INLINE_STYLE_ELEMENT, STYLE_ATTRIBUTE, JAVASCRIPT_URL],
    ids=["event handler", "inline script", "style element", "style attribute", "javascript: url"],
)
def test_no_template_writes_what_the_content_policy_blocks(pattern):
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0)[:80]}"
        for path in _templates()
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "Move these into core/static/core/app.js or app.css:\n" + "\n".join(
        offenders
    )
