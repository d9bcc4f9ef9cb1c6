"""Numbers in Vietnamese style for pages (the `vn_numbers` filters) and code above core.

The functions live with the document writers (`documents/numbers.py`), which write the
same figures on paper and sit below core; this module is their name for the pages."""

from vinhdanh.documents.numbers import EMPTY, vn_money, vn_number, vn_percent

__all__ = ["EMPTY", "vn_money", "vn_number", "vn_percent"]
