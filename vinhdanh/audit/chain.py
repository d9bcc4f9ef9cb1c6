"""The audit log's hash chain, as pure functions (no database).

Each entry stores the hash of the entry before it and its own hash: sha256 over a
canonical JSON of its fields and that previous hash. Changing, removing or
inserting an entry anywhere but at the end breaks a link that `verify_audit` finds.
"""

import datetime
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# The previous hash of the very first entry.
GENESIS = "0" * 64
# The fields an entry's hash covers, in the order they are documented (the JSON sorts them).
HASHED_FIELDS = (
    "at",
    "actor_id",
    "action",
    "object_type",
    "object_id",
    "object_repr",
    "before",
    "after",
    "note",
)


def normalised(value):
    """`value` as it comes back from a JSON column, so the hash made before saving still holds."""
    if value is None:
        return None
    return json.loads(json.dumps(value, allow_nan=False))


def _moment(value: datetime.datetime) -> str:
    # One spelling of the instant whatever the database's time zone: UTC, microseconds.
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_json(fields: Mapping, previous_hash: str) -> bytes:
    payload = {name: fields[name] for name in HASHED_FIELDS}
    payload["at"] = _moment(payload["at"])
    payload["previous_hash"] = previous_hash
    return json.dumps(
        payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    ).encode()


def entry_hash(fields: Mapping, previous_hash: str) -> str:
    return hashlib.sha256(canonical_json(fields, previous_hash)).hexdigest()


@dataclass(frozen=True)
class BrokenLink:
    entry_id: int
    problem: str


@dataclass(frozen=True)
class Verdict:
    count: int
    head: str
    broken: BrokenLink | None


def walk(rows: Iterable[Mapping]) -> Verdict:
    """Follow the chain over `rows` (each with `id`, the hashed fields, `previous_hash` and
    `entry_hash`, in id order) and stop at the first broken link. Reads one row at a time."""
    expected_previous, previous_id, count = GENESIS, None, 0
    for row in rows:
        if row["previous_hash"] != expected_previous:
            before = f"mục #{previous_id}" if previous_id is not None else "đầu chuỗi"
            return Verdict(
                count,
                expected_previous,
                BrokenLink(
                    row["id"],
                    f"trỏ tới băm trước {row['previous_hash']} nhưng {before} có băm "
                    f"{expected_previous}: có mục đã bị xóa, chèn thêm hoặc sửa băm.",
                ),
            )
        computed = entry_hash(row, row["previous_hash"])
        if computed != row["entry_hash"]:
            return Verdict(
                count,
                expected_previous,
                BrokenLink(
                    row["id"],
                    f"nội dung không khớp băm đã lưu ({row['entry_hash']}); tính lại được "
                    f"{computed}: mục đã bị sửa sau khi ghi.",
                ),
            )
        expected_previous, previous_id, count = row["entry_hash"], row["id"], count + 1
    return Verdict(count, expected_previous, None)
