"""The hash chain's pure functions, without a database."""

import datetime
from zoneinfo import ZoneInfo

from vinhdanh.audit import chain

AT = datetime.datetime(2026, 3, 5, 8, 30, 15, 123456, tzinfo=datetime.UTC)


def _fields(**changes) -> dict:
    fields = {
        "at": AT,
        "actor_id": 7,
        "action": "org.person.update",
        "object_type": "org.person",
        "object_id": "42",
        "object_repr": "Nguyễn Thị Hoa",
        "before": {"position": "Chuyên viên", "unit": 3},
        "after": {"position": "Chuyên viên chính", "unit": 3},
        "note": "",
    }
    return {**fields, **changes}


def _chain(count: int) -> list[dict]:
    rows, previous = [], chain.GENESIS
    for number in range(1, count + 1):
        row = {"id": number, **_fields(object_id=str(number)), "previous_hash": previous}
        row["entry_hash"] = chain.entry_hash(row, previous)
        rows.append(row)
        previous = row["entry_hash"]
    return rows


def test_the_hash_is_sha256_of_the_canonical_json_of_fields_and_previous_hash():
    payload = chain.canonical_json(_fields(), chain.GENESIS)
    assert payload.startswith(b'{"action":"org.person.update","actor_id":7,"after":{')
    assert b'"at":"2026-03-05T08:30:15.123456Z"' in payload
    assert f'"previous_hash":"{chain.GENESIS}"'.encode() in payload
    assert "Nguyễn Thị Hoa".encode() in payload  # kept as UTF-8, not \u escapes
    import hashlib

    assert chain.entry_hash(_fields(), chain.GENESIS) == hashlib.sha256(payload).hexdigest()


def test_the_hash_ignores_key_order_and_the_time_zone_the_instant_is_read_in():
    reordered = dict(reversed(list(_fields().items())))
    reordered["before"] = {"unit": 3, "position": "Chuyên viên"}
    in_hanoi = _fields(at=AT.astimezone(ZoneInfo("Asia/Ho_Chi_Minh")))
    expected = chain.entry_hash(_fields(), chain.GENESIS)
    assert chain.entry_hash(reordered, chain.GENESIS) == expected
    assert chain.entry_hash(in_hanoi, chain.GENESIS) == expected


def test_every_hashed_field_and_the_previous_hash_change_the_hash():
    original = chain.entry_hash(_fields(), chain.GENESIS)
    changed = {
        "at": AT + datetime.timedelta(microseconds=1),
        "actor_id": None,
        "action": "org.person.create",
        "object_type": "org.unit",
        "object_id": "43",
        "object_repr": "Nguyễn Thị Hòa",
        "before": {"position": "Chuyên viên", "unit": 4},
        "after": None,
        "note": "sửa",
    }
    assert set(changed) == set(chain.HASHED_FIELDS)
    for name, value in changed.items():
        assert chain.entry_hash(_fields(**{name: value}), chain.GENESIS) != original, name
    assert chain.entry_hash(_fields(), "1" * 64) != original


def test_normalised_values_are_what_a_json_column_gives_back():
    assert chain.normalised({"years": (2020, 2021), 5: "năm"}) == {
        "years": [2020, 2021],
        "5": "năm",
    }
    assert chain.normalised(None) is None


def test_an_intact_chain_walks_to_its_head():
    rows = _chain(5)
    verdict = chain.walk(iter(rows))
    assert (verdict.count, verdict.head, verdict.broken) == (5, rows[-1]["entry_hash"], None)
    assert chain.walk([]) == chain.Verdict(0, chain.GENESIS, None)


def test_a_changed_entry_is_the_first_broken_link():
    rows = _chain(5)
    rows[2]["note"] = "sửa lén"
    verdict = chain.walk(rows)
    assert verdict.count == 2
    assert verdict.broken.entry_id == 3
    assert "đã bị sửa" in verdict.broken.problem


def test_a_changed_entry_with_its_hash_recomputed_breaks_the_next_link():
    rows = _chain(5)
    rows[2]["note"] = "sửa lén"
    rows[2]["entry_hash"] = chain.entry_hash(rows[2], rows[2]["previous_hash"])
    verdict = chain.walk(rows)
    assert verdict.broken.entry_id == 4
    assert "mục #3" in verdict.broken.problem


def test_a_removed_entry_breaks_the_link_of_the_one_after_it():
    rows = _chain(5)
    del rows[1]
    verdict = chain.walk(rows)
    assert (verdict.count, verdict.broken.entry_id) == (1, 3)
    assert "bị xóa" in verdict.broken.problem


def test_a_removed_first_entry_is_found_too():
    verdict = chain.walk(_chain(3)[1:])
    assert verdict.broken.entry_id == 2
    assert "đầu chuỗi" in verdict.broken.problem
