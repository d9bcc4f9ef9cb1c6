import pytest
from django.urls import reverse

from vinhdanh.org import services
from vinhdanh.org.models import Person, Unit
from vinhdanh.org.selectors import people_for, units_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(demo_user):
    return demo_user("thuongtruc")


def test_search_ignores_diacritics_and_case(office):
    ward = Unit.objects.get(code="phuong-hoang-liet")
    services.create_person(
        actor=office, code="t-1", full_name="Nguyễn Văn A", unit=ward, gender="male"
    )
    # Typing goes word by word: "a" also starts "An", but the exact name comes first.
    found = [p.full_name for p in people_for(office, "nguyen van a")]
    assert found[0] == "Nguyễn Văn A"
    assert all(name.startswith("Nguyễn Văn A") for name in found)
    assert people_for(office, "NGUYỄN văn a").first().code == "t-1"
    assert not people_for(office, "guyen").exists()
    assert [u.code for u in units_for(office, "phong noi vu")] == ["phong-noi-vu"]
    assert [u.code for u in units_for(office, "hoang liet")] == [
        "phuong-hoang-liet",
        "thcs-hoang-liet",
    ]
    assert units_for(office, "đại kim").get().code == "phuong-dai-kim"


def test_people_list_is_sorted_by_given_name_the_vietnamese_way(office, client):
    ward = Unit.objects.get(code="phuong-yen-so")
    for code, name in [
        ("s1", "Trần Văn Bình"),
        ("s2", "Đỗ Thị Ánh"),
        ("s3", "Bùi Văn An"),
        ("s4", "Lê Thị Ân"),
    ]:
        services.create_person(actor=office, code=code, full_name=name, unit=ward, gender="male")
    names = [p.full_name for p in Person.objects.filter(code__in=["s1", "s2", "s3", "s4"])]
    assert names == ["Bùi Văn An", "Đỗ Thị Ánh", "Lê Thị Ân", "Trần Văn Bình"]


def test_people_page_searches_and_pages(office, client):
    client.force_login(office)
    response = client.get(reverse("org:person_list"))
    assert response.status_code == 200
    assert len(response.context["people"]) == 25
    assert response.context["people"].paginator.count == Person.objects.count()
    hit = Person.objects.first()
    response = client.get(reverse("org:person_list"), {"q": hit.search_text.split(" demo")[0]})
    assert hit in response.context["people"].object_list
    partial = client.get(reverse("org:person_list"), {"q": "zzzz"}, HTTP_HX_REQUEST="true")
    assert "<html" not in partial.content.decode()
    assert "Không tìm thấy cá nhân nào khớp" in partial.content.decode()


def test_global_search_finds_a_ward_without_accents(office, client):
    client.force_login(office)
    response = client.get(reverse("home:search"), {"q": "hoang liet"})
    assert "Phường Hoàng Liệt" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "org:unit_tree",
        "org:cluster_list",
        "org:council",
        "org:people_import",
        "home:index",
        "home:audit_log",
    ],
)
def test_main_pages_render_for_the_standing_office(office, client, url):
    client.force_login(office)
    assert client.get(reverse(url)).status_code == 200


def test_unit_tree_nests_wards_under_the_district(office, client):
    client.force_login(office)
    forest = client.get(reverse("org:unit_tree")).context["forest"]
    assert [node["unit"].code for node in forest] == ["ha-noi"]
    district = next(n for n in forest[0]["children"] if n["unit"].code == "hoang-mai")
    assert sum(1 for n in district["children"] if n["unit"].kind == "ward") == 14


def test_council_page_lists_the_chairman_first(office, client):
    client.force_login(office)
    members = client.get(reverse("org:council")).context["members"]
    assert members[0].person.full_name == "Nguyễn Minh Tâm"
    assert members[0].get_role_display() == "Chủ tịch"


def test_creating_a_person_through_the_page_is_audited(demo_user, client):
    officer = demo_user("canbo.hoangliet")
    client.force_login(officer)
    ward = officer.unit
    response = client.post(
        reverse("org:person_create"),
        {
            "code": "new-1",
            "full_name": "Phạm Thị Lan",
            "unit": ward.pk,
            "gender": "female",
            "birth_year": 1990,
        },
    )
    person = Person.objects.get(code="new-1")
    assert response.status_code == 302
    assert person.unit == ward
    from vinhdanh.audit.models import AuditEntry

    entry = AuditEntry.objects.get(object_type="org.person", object_id=str(person.pk))
    assert entry.actor == officer


def test_person_form_shows_vietnamese_errors_for_bad_input(demo_user, client):
    client.force_login(demo_user("canbo.hoangliet"))
    response = client.post(reverse("org:person_create"), {"code": "bad code!", "birth_year": "abc"})
    errors = response.context["form"].errors
    assert errors["full_name"] == ["Trường này là bắt buộc."]
    assert errors["birth_year"] == ["Nhập một số nguyên."]
    assert "code" in errors


def test_the_tree_draws_down_to_a_depth_and_counts_the_rest():
    from vinhdanh.org.models import Unit
    from vinhdanh.org.selectors import unit_forest

    def unit(pk, parent, path):
        return Unit(pk=pk, parent_id=parent, path=path, name=str(pk), sort_key=str(pk))

    units = [
        unit(1, None, "/1/"),
        unit(2, 1, "/1/2/"),
        unit(3, 2, "/1/2/3/"),
        unit(4, 3, "/1/2/3/4/"),
        unit(5, 3, "/1/2/3/5/"),
        unit(6, 1, "/1/6/"),
    ]
    (root,) = unit_forest(units, max_depth=1)
    assert [n["unit"].pk for n in root["children"]] == [2, 6]
    ward = root["children"][0]
    assert ward["children"] == [] and ward["hidden"] == 3  # 3, and 4 and 5 under it
    assert root["children"][1]["hidden"] == 0
    (whole,) = unit_forest(units)
    assert whole["children"][0]["children"][0]["hidden"] == 0
    assert [n["unit"].pk for n in whole["children"][0]["children"][0]["children"]] == [4, 5]
