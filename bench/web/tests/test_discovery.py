"""The pages the bench finds in the real URLconf (no server, no database)."""

from bench.web.discovery import candidate_pages
from bench.web.pages import object_key


def test_the_urlconf_gives_every_kind_of_page_and_no_download():
    found = {name: kind for name, kind, _ in candidate_pages()}
    assert found["home:index"] == "dashboard"
    assert found["awards:nomination_list"] == "list"
    assert found["awards:nomination_detail"] == "detail"
    assert found["org:person_detail"] == "detail"
    assert found["reports:award_statistics"] == "report"
    assert found["api:decision-list"] == "api"
    assert "plans:export_xlsx" not in found
    assert "awards:certificate_pdf" not in found
    assert "awards:nomination_step" not in found
    assert not any(name.startswith(("admin:", "accounts:")) for name in found)


def test_every_page_with_an_id_says_which_object_fills_it():
    unfilled = [
        name for name, _, takes_id in candidate_pages() if takes_id and not object_key(name)
    ]
    assert not unfilled, (
        "These pages take an id the web benchmark cannot fill: add their object to "
        f"bench/web/pages.py (MODELS, or OBJECT_OVERRIDES): {unfilled}"
    )
