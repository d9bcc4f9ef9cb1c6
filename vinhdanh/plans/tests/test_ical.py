import datetime as dt

from vinhdanh.plans.ical import CalendarEvent, calendar_text, escape_text, fold_line

STAMP = dt.datetime(2021, 1, 15, 8, 0, tzinfo=dt.UTC)


def test_text_values_are_escaped():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_long_lines_fold_at_75_octets_without_splitting_a_character():
    line = "SUMMARY:" + "Xây dựng Kế hoạch triển khai công tác thi đua khen thưởng " * 3
    folded = fold_line(line)
    parts = folded.split("\r\n")
    assert len(parts) > 1
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join(part[1:] if i else part for i, part in enumerate(parts)) == line


def test_calendar_has_crlf_lines_and_all_day_events():
    text = calendar_text(
        [CalendarEvent("task-1@x", dt.date(2021, 1, 30), "1. Kế hoạch, năm 2021", "Trước ngày")],
        name="Phòng Nội vụ",
        stamp=STAMP,
        product="-//Vinh Danh//VI",
    )
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert "DTSTART;VALUE=DATE:20210130\r\n" in text
    assert "DTEND;VALUE=DATE:20210131\r\n" in text
    assert "DTSTAMP:20210115T080000Z\r\n" in text
    assert "SUMMARY:1. Kế hoạch\\, năm 2021\r\n" in text
