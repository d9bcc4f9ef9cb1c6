"""The year's inspection summary counted in plain Python."""

from vinhdanh.inspections.summary import summarise

ITEMS = [(10, 1, "Ban hành kế hoạch"), (11, 2, "Phát động phong trào")]


def test_counts_results_per_item_and_units_that_met_everything():
    findings = [
        (1, 10, "met"),
        (1, 11, "met"),
        (2, 10, "met"),
        (2, 11, "not_met"),
        (3, 10, "na"),
        (3, 11, "met"),
    ]
    visits = [(1, "Phường A", True), (2, "Phường B", True), (3, "Phường C", False), (4, "D", False)]
    summary = summarise(ITEMS, findings, visits, [("open", True), ("open", False), ("done", True)])
    first, second = summary.items
    assert (first.counts["met"], first.counts["na"], first.inspected) == (2, 1, 2)
    assert (second.counts["met"], second.counts["not_met"], second.inspected) == (2, 1, 3)
    # Not applicable does not spoil "met everything"; a unit not yet visited is not listed.
    assert summary.units_all_met == ["Phường A", "Phường C"]
    assert (summary.units, summary.signed) == (4, 2)
    assert (summary.follow_ups_open, summary.follow_ups_done, summary.follow_ups_late) == (2, 1, 1)


def test_items_come_in_checklist_order_whatever_order_they_are_given():
    summary = summarise(list(reversed(ITEMS)), [], [], [])
    assert [line.position for line in summary.items] == [1, 2]
    assert summary.units_all_met == []
