"""The online filings of the Hà Nội 2026 chapter (`demo/hanoi_loader.EXTENSIONS`)."""

from vinhdanh.filings.demo import load_hanoi_2026


def load() -> None:
    load_hanoi_2026()
