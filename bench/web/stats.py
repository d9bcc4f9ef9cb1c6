"""Latency and throughput figures of one page: pure functions over measured seconds."""

import math
from dataclasses import dataclass


def percentile(values: list[float], fraction: float) -> float:
    """The `fraction` (0..1) percentile, linearly interpolated between the closest ranks.

    The same definition as numpy's default, so p50 of [1, 2, 3, 4] is 2.5.
    """
    if not values:
        raise ValueError("no values to take a percentile of")
    if not 0 <= fraction <= 1:
        raise ValueError(f"fraction must be between 0 and 1, not {fraction}")
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low = math.floor(position)
    high = math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Summary:
    requests: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    requests_per_second: float


def summarise(latencies: list[float], wall_seconds: float) -> Summary:
    """Percentiles in milliseconds, and throughput as requests completed over the wall time."""
    if wall_seconds <= 0:
        raise ValueError("the wall time must be positive")
    return Summary(
        requests=len(latencies),
        p50_ms=percentile(latencies, 0.50) * 1000,
        p95_ms=percentile(latencies, 0.95) * 1000,
        p99_ms=percentile(latencies, 0.99) * 1000,
        requests_per_second=len(latencies) / wall_seconds,
    )


def throughput_ratio(page_rps: float, trivial_rps: float) -> float:
    """A page's throughput as a share of the trivial page's (the login form) in the same run."""
    if trivial_rps <= 0:
        raise ValueError("the trivial page's throughput must be positive")
    return page_rps / trivial_rps
