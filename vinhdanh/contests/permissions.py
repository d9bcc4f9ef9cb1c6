"""Who may do what in writing contests: every check of the app is named here.

The standing office keeps its council's contests (rules, judges, rounds, screening, the
decision); a judge acts on their own score sheets only, whatever their role; what may move
where is contests.workflows.
"""

import rules

from vinhdanh.accounts.models import Role
from vinhdanh.accounts.predicates import has_role, is_standing_office, may_change, may_view
from vinhdanh.workflow.permissions import define


@rules.predicate
def is_sheet_judge(user, sheet) -> bool:
    """The sheet is this user's own (no sheet: nothing to check)."""
    return sheet is None or (user.is_authenticated and sheet.judge_id == user.pk)


def _contest():
    from vinhdanh.contests.models import Contest

    return Contest.objects.order_by("year", "pk").first()


def _entry():
    from vinhdanh.contests.models import Entry

    return Entry.objects.order_by("pk").first()


def _round():
    from vinhdanh.contests.models import Round

    return Round.objects.order_by("pk").first()


def _sheet():
    from vinhdanh.contests.models import Sheet

    return Sheet.objects.order_by("pk").first()


# The contests' list and pages: the council's organisation-wide roles (judges see their own
# sheets through their inbox, whatever their role).
VIEW_CONTESTS = define(
    "contests.view_contests",
    has_role(Role.ADMIN, Role.STANDING_OFFICE, Role.COUNCIL_MEMBER, Role.LEADER),
    reads=True,
)
CREATE_CONTEST = define("contests.create_contest", is_standing_office)
MANAGE_CONTEST = define("contests.manage_contest", is_standing_office & may_change, sample=_contest)
# Authors' names and contacts, and the entries' own pages: the standing office only.
SEE_AUTHORS = define(
    "contests.see_authors", is_standing_office & may_view, sample=_contest, reads=True
)
SCREEN_ENTRY = define("contests.screen_entry", is_standing_office & may_change, sample=_entry)
MANAGE_ROUND = define("contests.manage_round", is_standing_office & may_change, sample=_round)
SCORE_SHEET = define("contests.score_sheet", is_sheet_judge, sample=_sheet)
REPLACE_JUDGE = define("contests.replace_judge", is_standing_office & may_change, sample=_sheet)
