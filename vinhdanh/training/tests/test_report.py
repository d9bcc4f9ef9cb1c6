"""The attendance report counted in plain Python, without a database."""

from vinhdanh.training.report import AttendeeFact, attendance_report

INVITED = [(1, "Phường A"), (2, "Phường B"), (3, "Phường C")]


def test_counts_registered_and_present_per_unit_and_names_units_that_sent_nobody():
    facts = [
        AttendeeFact(1, True, (5, 4, 3)),
        AttendeeFact(1, False),
        AttendeeFact(2, False),  # registered, did not come: the unit sent nobody who came
        AttendeeFact(2, None),
    ]
    report = attendance_report(INVITED, facts)
    lines = {line.name: (line.registered, line.present, line.absent) for line in report.lines}
    assert lines == {"Phường A": (2, 1, 1), "Phường B": (2, 0, 2), "Phường C": (0, 0, 0)}
    assert [line.name for line in report.absent_units] == ["Phường B", "Phường C"]
    assert (report.registered, report.present) == (4, 1)
    assert report.attendance_share == 0.25


def test_averages_only_the_evaluations_of_people_who_came():
    facts = [
        AttendeeFact(1, True, (5, 4, 3)),
        AttendeeFact(2, True, (4, 4, 5)),
        AttendeeFact(3, True),  # came, handed in no evaluation
        AttendeeFact(3, False, (1, 1, 1)),  # an absent person's evaluation does not count
    ]
    report = attendance_report(INVITED, facts)
    assert report.evaluations == 2
    assert report.averages == (4.5, 4.0, 4.0)


def test_an_attendee_of_a_unit_under_an_invited_one_counts_for_it():
    report = attendance_report(INVITED, [AttendeeFact(31, True)], parent_of={31: 3}.get)
    assert [line.present for line in report.lines] == [0, 0, 1]
    assert report.averages is None


def test_nobody_registered_gives_no_share_and_every_unit_absent():
    report = attendance_report(INVITED, [])
    assert report.attendance_share == 0.0
    assert len(report.absent_units) == 3
