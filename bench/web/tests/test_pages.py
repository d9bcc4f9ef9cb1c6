from bench.web import pages
from bench.web.pages import API, DASHBOARD, DETAIL, LIST, REPORT, object_key, page_kind


def test_the_kinds_of_the_pages_the_bench_loads():
    assert page_kind("home:index", "", ()) == DASHBOARD
    assert page_kind("plans:dashboard", "plans/dashboard/", ()) == DASHBOARD
    assert page_kind("awards:nomination_list", "awards/", ()) == LIST
    assert page_kind("awards:nomination_detail", "awards/<int:pk>/", ("pk",)) == DETAIL
    assert page_kind("reports:form_0601", "reports/form-0601/", ()) == REPORT
    assert page_kind("records:screening", "records/screening/", ()) == REPORT
    assert page_kind("api:nomination-list", "api/^nominations/$", ()) == API
    assert page_kind("api:unit-detail", "api/^units/(?P<pk>[^/.]+)/$", ("pk",)) == API
    assert page_kind("movements:api-root", "movements/api/", ()) == API


def test_downloads_forms_actions_and_other_arguments_are_not_loaded():
    assert page_kind("plans:export_docx", "plans/<int:pk>/export.docx", ("pk",)) is None
    assert (
        page_kind("awards:decision_document", "x/<int:pk>/document.<slug:fmt>", ("pk", "fmt"))
        is None
    )
    assert page_kind("api:unit-list", "api/^units\\.(?P<format>[a-z0-9]+)/?$", ("format",)) is None
    assert page_kind("awards:nomination_create", "awards/new/", ()) is None
    assert page_kind("org:person_edit", "org/people/<int:pk>/edit/", ("pk",)) is None
    assert page_kind("scoring:ballot_count", "scoring/ballots/<int:pk>/count/", ("pk",)) is None
    assert page_kind("records:screening_detail", "r/<int:person_pk>/<slug:title_id>/",
                     ("person_pk", "title_id")) is None  # fmt: skip
    assert page_kind("admin:index", "admin/", ()) is None
    assert page_kind("accounts:security", "accounts/security/", ()) is None


def test_the_trivial_page_is_the_baseline_not_a_page_of_the_table():
    assert page_kind(pages.TRIVIAL_PAGE, "accounts/login/", ()) is None


def test_object_key_names_the_object_of_the_id():
    assert object_key("awards:nomination_verdict") == "nomination"
    assert object_key("awards:person_history") == "person"
    assert object_key("awards:unit_history") == "unit"
    assert object_key("api:decision-detail") == "decision"
    assert object_key("scoring:cluster_year") == "cluster"
    assert object_key("scoring:api-proposal-detail") == "proposal"
    assert object_key("plans:unit_plans") == "plan"
    assert object_key("home:index") is None


def test_every_object_key_names_a_model_of_the_project():
    from django.apps import apps

    for label in pages.MODELS.values():
        assert apps.get_model(label) is not None
