import datetime as dt
from collections import Counter

import pytest

from vinhdanh.documents.reader import read_plan
from vinhdanh.documents.structure import DeadlineKind, to_json_dict

from . import builders


@pytest.fixture(scope="module")
def seed_plan():
    return read_plan(builders.seed_bytes(), builders.SEED_PATH.name)


def test_seed_header(seed_plan):
    header = seed_plan.header
    assert header.number == "01/KH-HĐTĐKT"
    assert header.place == "Hoàng Mai"
    assert header.date == dt.date(2021, 1, 13)
    assert header.title == "Triển khai công tác thi đua khen thưởng năm 2021"
    assert header.year == 2021
    assert header.issuer == "Hội đồng Thi đua - Khen thưởng quận Hoàng Mai"


def test_seed_has_25_tasks_by_quarter(seed_plan):
    assert [task.number for task in seed_plan.tasks] == [str(n) for n in range(1, 26)]
    sections = Counter(task.section for task in seed_plan.tasks)
    assert sections == {"Quý I": 14, "Quý II": 5, "Quý III": 4, "Quý IV": 2}
    assert all(not task.flags for task in seed_plan.tasks)


def test_seed_task_details(seed_plan):
    tasks = {task.number: task for task in seed_plan.tasks}
    assert tasks["1"].deadline.kind == DeadlineKind.DATE
    assert tasks["1"].deadline.date == dt.date(2021, 1, 30)
    assert tasks["1"].directing == "Hội đồng TĐKT Quận"
    assert tasks["8"].lead_units == ["Phòng Y tế"]
    assert tasks["8"].coordinating_units == ["phòng Kinh tế", "Phòng Nội vụ"]
    assert tasks["8"].directing == "UBND/Hội đồng TĐKT Quận"
    assert tasks["10"].lead_units == ["Phòng Lao động TB và XH"]
    assert tasks["10"].coordinating_units == ["Ủy ban MTTQ Quận", "Phòng Nội vụ"]
    assert tasks["13"].coordinating_units == ["các đơn vị liên quan", "Phòng Văn hóa và Thông tin"]
    assert tasks["14"].deadline.kind == DeadlineKind.HIGHER_LEVEL
    assert tasks["14"].deadline.date is None
    assert tasks["14"].lead_units == ["Văn phòng HĐND và UBND Quận"]
    assert tasks["19"].coordinating_units == ["Văn phòng HĐND và UBND Quận", "Các đơn vị liên quan"]
    assert tasks["25"].deadline.date == dt.date(2021, 12, 31)


def test_seed_body_deadline(seed_plan):
    assert [(item.text, item.date) for item in seed_plan.body_deadlines] == [
        ("trước ngày 30/01/2021", dt.date(2021, 1, 30))
    ]
    assert "qua phòng Nội vụ" in seed_plan.body_deadlines[0].context


def test_json_dict_is_plain(seed_plan):
    data = to_json_dict(seed_plan)
    assert data["date"] == "2021-01-13"
    task = data["tasks"][0]
    assert task["deadline"] == {
        "kind": "date",
        "date": "2021-01-30",
        "text": "Trước ngày 30/01/2021",
        "period": "",
    }
    assert data["body_deadlines"][0]["date"] == "2021-01-30"


@pytest.mark.parametrize(
    ("build", "filename"),
    [
        (builders.seed_docx_bytes, "ke-hoach.docx"),
        (builders.seed_xlsx_bytes, "ke-hoach.xlsx"),
        # The bytes decide, not the name.
        (builders.seed_docx_bytes, "ke-hoach.txt"),
    ],
)
def test_seed_in_office_formats_reads_the_same(seed_plan, build, filename):
    plan = read_plan(build(), filename)
    expected = to_json_dict(seed_plan)
    actual = to_json_dict(plan)
    assert actual["tasks"] == expected["tasks"]
    for key in ("number", "date", "year", "title", "issuer", "place", "body_deadlines"):
        assert actual[key] == expected[key], key
