"""Every page without parameters opens for every role: no error page anywhere."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

ROLES = ["admin", "thuongtruc", "uyvien", "chutich", "canbo.hoangliet", "cumtruong"]
# Pages that answer only to POST, or stream files, are left to their own tests.
SKIP_PREFIXES = ("admin:", "set_language", "accounts:logout")


def _named_urls(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _named_urls(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name and not pattern.pattern.regex.groups:
            yield f"{namespace}{pattern.name}"


PAGES = sorted({name for name in _named_urls() if not name.startswith(SKIP_PREFIXES)})


@pytest.mark.django_db
@pytest.mark.parametrize("username", ROLES)
def test_every_page_opens_without_an_error_for_every_role(demo_user, client, username):
    client.force_login(demo_user(username))
    failures = {}
    for name in PAGES:
        try:
            url = reverse(name)
        except Exception:  # a name that needs arguments through a default
            continue
        response = client.get(url)
        if response.status_code >= 500:
            failures[name] = response.status_code
    assert failures == {}
    assert len(PAGES) > 40


@pytest.mark.django_db
def test_the_public_sees_public_pages_and_is_sent_to_login_elsewhere(demo, client):
    assert client.get(reverse("awards:public_list")).status_code == 200
    assert client.get(reverse("accounts:login")).status_code == 200
    assert client.get(reverse("plans:plan_list")).status_code == 302


def _links(html: str) -> list[str]:
    import re

    return re.findall(r'href="(/[^"#]*)"', html)


DOWNLOADS = (".docx", ".xlsx", ".zip", ".pdf", ".ics", "/download/", "/file/", "/pdf/")


@pytest.mark.django_db
@pytest.mark.parametrize("username", ROLES)
def test_following_links_from_home_never_reaches_an_error(demo_user, client, username):
    """A bounded walk over the pages a role can reach: detail pages included."""
    client.force_login(demo_user(username))
    queue, seen, failures = ["/"], set(), {}
    while queue and len(seen) < 70:
        url = queue.pop(0)
        if url in seen or url.startswith(("/admin/", "/accounts/logout", "/static/", "/media/")):
            continue
        if any(part in url for part in DOWNLOADS):
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code >= 500:
            failures[url] = response.status_code
        elif response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            queue.extend(link for link in _links(response.content.decode()) if link not in seen)
    assert failures == {}
    assert len(seen) > 20


@pytest.mark.django_db
def test_the_public_home_leads_to_the_public_list_and_certificate_checks(demo, client):
    from vinhdanh.awards.models import Certificate

    page = client.get("/").content.decode()
    assert 'data-testid="public-home"' in page and reverse("awards:public_list") in page
    certificate = Certificate.objects.first()
    pasted = f"http://127.0.0.1:8000/awards/verify/{certificate.token}/"
    response = client.get(reverse("core:verify_lookup"), {"token": pasted}, follow=True)
    assert response.status_code == 200 and certificate.token in response.request["PATH_INFO"]
    assert (
        client.get(reverse("core:verify_lookup"), {"token": "khong-co"}, follow=True).status_code
        == 404
    )
