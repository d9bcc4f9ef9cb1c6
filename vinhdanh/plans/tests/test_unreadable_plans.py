"""A plan file the reader cannot make sense of is refused in Vietnamese, never a 500."""

import pytest
from django.core.exceptions import ValidationError

from vinhdanh.plans import importing


@pytest.mark.parametrize("error", [KeyError("w:val"), ValueError("bad"), IndexError(0)])
def test_an_unforeseen_reader_error_becomes_a_vietnamese_refusal(monkeypatch, error):
    def broken(data, filename):
        raise error

    monkeypatch.setattr(importing, "read_plan", broken)
    with pytest.raises(ValidationError) as refused:
        importing.parse_plan_bytes(b"KE HOACH", "ke-hoach.txt")
    assert refused.value.messages == [importing.UNREADABLE_PLAN]
