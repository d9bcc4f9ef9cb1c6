"""The statistics forms' pages and workbooks, counted for the acting council from small
hand-built data; which circular's form a year gets."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from vinhdanh.movements.models import Movement
from vinhdanh.org.models import Cluster, Council, Person, Unit
from vinhdanh.records.models import PastAward
from vinhdanh.reports.models import PersonCategory, WorkStaff

pytestmark = pytest.mark.django_db
YEAR = 2031  # a year of Thông tư 02/2023 with nothing in the demo


@pytest.fixture
def office(client, demo_user):
    client.force_login(demo_user("thuongtruc"))
    return client


def _rows(response) -> dict[str, list[int]]:
    return {row["code"]: row["values"] for row in response.context["rows"] if row["code"]}


def _movement(name, launched_by, *, parent=None, kind="regular", starts=(1, 1), ends=(12, 31)):
    return Movement.objects.create(
        name=name, kind=kind, year=YEAR, launched_by=launched_by, parent=parent,
        starts_on=dt.date(YEAR, *starts), ends_on=dt.date(YEAR, *ends), status="launched",
    )  # fmt: skip


def test_0601_counts_the_districts_own_movements_once_and_its_clusters(office):
    district, city = Unit.objects.get(code="hoang-mai"), Unit.objects.get(code="ha-noi")
    ward = Unit.objects.get(code="phuong-hoang-liet")
    council = Council.objects.get(unit=district)
    own = _movement("Thi đua năm của Quận", district, starts=(1, 15))
    _movement("Cụ thể hóa của phường", ward, parent=own)  # not counted again
    _movement("Thi đua chuyên đề của phường", ward, kind="thematic", ends=(6, 30))
    sent_down = _movement("Phong trào của Thành phố", city)  # the city's, not the district's
    sent_down.target_units.set([district])
    Cluster.objects.create(council=council, year=YEAR, code="cum-a", name="Cụm A")
    Cluster.objects.create(council=council, year=YEAR, code="cum-b", name="Cụm B")

    response = office.get(reverse("reports:form_0601"), {"year": YEAR})
    rows = _rows(response)
    assert rows["01"] == [4, 0, 0, 4]  # 2 movements + 2 clusters
    assert rows["04"] == [2, 0, 0, 2] and rows["05"] == [2, 0, 0, 2]
    assert rows["07"][0] == 3 and rows["06"][0] == 1  # the year's regular one is "1 năm"
    assert rows["12"][0] == 3 and rows["11"][0] == 1
    html = response.content.decode()
    assert "0601.N/BNV-TĐKT" in html and "Thông tư số 02/2023/TT-BNV" in html
    assert "NGƯỜI LẬP BIỂU" in html and "THỦ TRƯỞNG ĐƠN VỊ" in html
    # The chart of the rows carries the same figures, and downloads as a table.
    by_row = {c.key: c for c in response.context["charts"]}["theo-dong"]
    assert dict(zip(by_row.labels, by_row.series[0].values, strict=True))["1 năm"] == 3
    table = office.get(reverse("reports:form_0601"), {"year": YEAR, "chart": "theo-dong",
                                                      "format": "csv"})  # fmt: skip
    assert "Cụm, khối thi đua" in table.content.decode("utf-8-sig")


def test_2021_gets_the_form_of_circular_03_2018_never_02_2023(office):
    response = office.get(reverse("reports:form_0601"), {"year": 2021})
    html = response.content.decode()
    assert "0701.N/BNV-TĐKT" in html and "03/2018/TT-BNV" in html
    assert "02/2023/TT-BNV ngày" not in html
    # The district's movements have no column in the ministry's and province's form: the
    # page says how many were left out.
    assert _rows(response)["01"] == [0, 0, 0]
    assert "Ngoài biểu:" in html and "Biểu 0701 không có cột" in html
    workbook = office.get(reverse("reports:form_0601"), {"year": 2021, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    assert sheet["A1"].value == "Biểu số: 0701.N/BNV-TĐKT"
    assert "03/2018" in sheet["A2"].value


def test_a_form_the_old_circular_does_not_have_says_so(office):
    response = office.get(reverse("reports:form_0605"), {"year": 2021})
    html = response.content.decode()
    assert response.context["form"] is None
    assert "Thông tư 03/2018/TT-BNV" in html and "không có biểu" in html
    assert "Xuất Excel" not in html


def test_0602_counts_state_awards_by_dated_category(office):
    people = list(Person.objects.filter(unit__code="phuong-hoang-liet").order_by("pk")[:3])
    manager, worker, clerk = people
    PersonCategory.objects.create(person=manager, year=YEAR, category="leader_other")
    PersonCategory.objects.create(person=worker, year=YEAR, category="direct_worker")
    PersonCategory.objects.create(person=clerk, year=YEAR, category="other")
    PersonCategory.objects.create(person=clerk, year=YEAR - 1, category="leader_other")
    for person in people:
        PastAward.objects.create(person=person, year=YEAR, title_code="bang_khen_thu_tuong",
                                 basis_code="thuong_xuyen")  # fmt: skip
    PastAward.objects.create(person=worker, year=YEAR, title_code="giay_khen")  # not state
    PastAward.objects.create(
        unit=Unit.objects.get(code="phuong-hoang-liet"), year=YEAR,
        title_code="huan_chuong_lao_dong_hang_3", basis_code="cong_hien",
    )  # fmt: skip
    rows = _rows(office.get(reverse("reports:form_0602"), {"year": YEAR}))
    assert rows["1"][0] == 4 and rows["3"][0] == 4
    assert rows["6"][0] == 1 and rows["9"][0] == 3
    assert (rows["13"][0], rows["14"][0]) == (1, 1)  # the clerk is in neither
    assert rows["1"][1] == 1 and rows["1"][6] == 3  # huân chương; Bằng khen của Thủ tướng
    assert rows["15"][0] == 3 and rows["19"][0] == 1
    workbook = office.get(reverse("reports:form_0602"), {"year": YEAR, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    numbers = [c.value for c in sheet[7]]
    assert numbers[:5] == ["A", "B", "C", "1", "2"]
    assert any(c.value == "NGƯỜI LẬP BIỂU" for row in sheet.iter_rows() for c in row)
    assert "A5:A6" in {str(r) for r in sheet.merged_cells.ranges}


def test_0605_counts_the_councils_staff_of_the_year(office):
    council = Council.objects.get(unit__code="hoang-mai")
    WorkStaff.objects.create(
        council=council,
        year=YEAR,
        full_name="Lê Thị Hoa",
        gender="female",
        birth_year=YEAR - 35,
        education="university",
        started_year=YEAR - 3,
    )
    WorkStaff.objects.create(council=council, year=YEAR - 1, full_name="Năm trước",
                             gender="male", birth_year=1980, education="college",
                             started_year=2010)  # fmt: skip
    rows = _rows(office.get(reverse("reports:form_0605"), {"year": YEAR}))
    assert rows["01"] == [1, 1] and rows["03"] == [1, 1] and rows["11"] == [1, 1]
    assert rows["13"] == [1, 1]


def test_the_city_adds_up_its_wards_and_a_ward_reports_its_own(client):
    """Two-level government: the city's 0601 and 0605 hold its wards' movements and staff;
    the ward's hold only its own, never the city's."""
    from vinhdanh.awards.tests import two_levels

    levels = two_levels.build()
    city_unit, ward_unit = levels.city.unit, levels.ward.unit
    _movement("Thi đua của Thành phố", city_unit)
    _movement("Thi đua của phường", ward_unit)
    for council, name in ((levels.city, "Cán bộ Sở"), (levels.ward, "Cán bộ phường")):
        WorkStaff.objects.create(
            council=council,
            year=YEAR,
            full_name=name,
            gender="male",
            birth_year=1980,
            education="university",
            started_year=2020,
        )
    client.force_login(levels.city_office)
    city_0601 = _rows(client.get(reverse("reports:form_0601"), {"year": YEAR}))
    city_0605 = _rows(client.get(reverse("reports:form_0605"), {"year": YEAR}))
    assert city_0601["01"] == [2, 0, 1, 1]  # the city's (province level) and the ward's
    assert city_0605["01"] == [2, 0]
    client.force_login(levels.ward_office)
    ward_0601 = _rows(client.get(reverse("reports:form_0601"), {"year": YEAR}))
    ward_0605 = _rows(client.get(reverse("reports:form_0605"), {"year": YEAR}))
    assert ward_0601["01"] == [1, 0, 0, 1] and ward_0605["01"] == [1, 0]
