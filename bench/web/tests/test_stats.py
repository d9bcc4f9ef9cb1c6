import pytest

from bench.web.stats import percentile, summarise, throughput_ratio


def test_percentile_interpolates_between_ranks_like_numpy():
    assert percentile([4, 1, 3, 2], 0.5) == 2.5
    assert percentile([10, 20, 30, 40, 50], 0.95) == pytest.approx(48.0)
    assert percentile([10, 20, 30, 40, 50], 0.99) == pytest.approx(49.6)


def test_percentile_ends_are_the_extremes_and_one_value_is_every_percentile():
    values = [0.3, 0.1, 0.2]
    assert percentile(values, 0) == 0.1
    assert percentile(values, 1) == 0.3
    assert percentile([0.7], 0.95) == 0.7


def test_percentile_refuses_nothing_and_fractions_outside_zero_one():
    with pytest.raises(ValueError):
        percentile([], 0.5)
    with pytest.raises(ValueError):
        percentile([1.0], 95)


def test_summary_is_in_milliseconds_and_throughput_is_requests_over_wall_time():
    latencies = [0.010] * 95 + [0.100] * 5
    summary = summarise(latencies, wall_seconds=2.0)
    assert summary.requests == 100
    assert summary.p50_ms == pytest.approx(10.0)
    assert 10.0 < summary.p95_ms < 100.0
    assert summary.p99_ms == pytest.approx(100.0)
    assert summary.requests_per_second == pytest.approx(50.0)


def test_ratio_is_a_share_of_the_trivial_page():
    assert throughput_ratio(50.0, 400.0) == pytest.approx(0.125)
    with pytest.raises(ValueError):
        throughput_ratio(50.0, 0.0)
