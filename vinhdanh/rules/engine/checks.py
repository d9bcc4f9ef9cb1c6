"""Check primitives: small factories that close over their parameters once.

Each factory returns a :class:`CheckSpec` whose ``test`` only indexes the history's
prepared dictionaries; everything that can be decided when the rules are compiled
(thresholds, years back, whether a value is unconfirmed) is decided then.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from .case import CO_SO, TOT, XUAT_SAC
from .verdict import FAIL, FAIL_U, PASS, PASS_U, SKIP, UNKNOWN, CheckSpec

RATING_NAMES = {
    3: "hoàn thành xuất sắc nhiệm vụ",
    2: "hoàn thành tốt nhiệm vụ",
    1: "hoàn thành nhiệm vụ",
    0: "không hoàn thành nhiệm vụ",
    None: "chưa có xếp loại",
}
SCOPE_NAMES = {1: "cơ sở", 2: "Bộ, ban, ngành, tỉnh", 3: "toàn quốc"}


def _years(values) -> str:
    return ", ".join(str(y) for y in sorted(values)) or "không có"


def _percent(share: Fraction) -> str:
    # Vietnamese style, a decimal comma: 70%, 66,7% (the same as core.numbers.vn_percent).
    value = float(share) * 100
    return f"{value:.0f}%" if value == int(value) else f"{value:.1f}%".replace(".", ",")


# -- ratings --------------------------------------------------------------------------------


def rating_at_least(rule: str, rank: int, basis: str, *, what: str = "", unconfirmed=False):
    passed, failed = (PASS_U, FAIL_U) if unconfirmed else (PASS, FAIL)

    def test(h, y, c):
        rating = h.ratings.get(y)
        if rating is None:
            return UNKNOWN
        return passed if rating >= rank else failed

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Năm {year} xếp loại “{rating}”, đạt mức {need} trở lên{what}.",
            False: "Năm {year} xếp loại “{rating}”, chưa đạt mức {need}{what}.",
            None: "Chưa có xếp loại mức độ hoàn thành nhiệm vụ năm {year}.",
        },
        {"need": RATING_NAMES[rank], "what": what},
        lambda h, y, c: {"rating": RATING_NAMES[h.ratings.get(y)]},
    )


def good_years(rule: str, window: int, rank: int, basis: str, *, restart: bool):
    """Every one of the last ``window`` years (the case year included) rated ``rank`` or better."""

    def test(h, y, c):
        floor = h.restart_floor(y) if restart else -1
        unknown = False
        for year in range(y - window + 1, y + 1):
            if year <= floor:
                return FAIL
            rating = h.ratings.get(year)
            if rating is None:
                unknown = True
            elif rating < rank:
                return FAIL
        return UNKNOWN if unknown else PASS

    def detail(h, y, c):
        first = y - window + 1
        low = [yr for yr in range(first, y + 1) if h.ratings.get(yr, 9) < rank]
        missing = [yr for yr in range(first, y + 1) if yr not in h.ratings]
        floor = h.restart_floor(y) if restart else -1
        parts = []
        if low:
            parts.append(f"năm chưa đạt: {_years(low)}")
        if missing:
            parts.append(f"năm chưa có xếp loại: {_years(missing)}")
        if floor >= first:
            parts.append(f"thời hạn kỷ luật kết thúc năm {floor}, thành tích tính lại từ năm sau")
        return {"first": first, "why": "; ".join(parts) or "không có"}

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Các năm {first}–{year} liên tục đạt mức {need} trở lên ({window} năm).",
            False: "Các năm {first}–{year} không liên tục đạt mức {need} trở lên ({why}).",
            None: "Chưa đủ dữ liệu xếp loại các năm {first}–{year} ({why}).",
        },
        {"need": RATING_NAMES[rank], "window": window},
        detail,
    )


# -- individual titles ----------------------------------------------------------------------


def excellent_or_initiative(rule: str, basis: str):
    """Chiến sĩ thi đua cơ sở from 2024: excellent rating or a recognised initiative."""

    def test(h, y, c):
        rating = h.ratings.get(y)
        if rating == XUAT_SAC or h.initiative_years[CO_SO].get(y):
            return PASS
        return UNKNOWN if rating is None else FAIL

    def detail(h, y, c):
        grounds = []
        if h.ratings.get(y) == XUAT_SAC:
            grounds.append("hoàn thành xuất sắc nhiệm vụ")
        if h.initiative_years[CO_SO].get(y):
            grounds.append("có sáng kiến, đề tài khoa học được công nhận")
        return {"grounds": " và ".join(grounds)}

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Năm {year} {grounds}.",
            False: "Năm {year} không hoàn thành xuất sắc nhiệm vụ và không có sáng kiến, đề tài "
            "khoa học được cơ sở công nhận.",
            None: "Chưa có xếp loại năm {year} và không có sáng kiến được cơ sở công nhận.",
        },
        detail=detail,
    )


def initiative_in_window(rule: str, scope: int, back: int, count: int, basis: str):
    """At least ``count`` initiatives of ``scope`` or wider in the years y-back..y."""

    def test(h, y, c):
        return PASS if h.initiatives_between(scope, y - back, y) >= count else FAIL

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Có {found} sáng kiến, đề tài khoa học phạm vi {scope} trở lên trong {period} "
            "(cần {count}).",
            False: "Có {found} sáng kiến, đề tài khoa học phạm vi {scope} trở lên trong {period}, "
            "chưa đủ {count}.",
        },
        {"scope": SCOPE_NAMES[scope], "count": count},
        lambda h, y, c: {
            "found": h.initiatives_between(scope, y - back, y),
            "period": f"năm {y}" if back == 0 else f"các năm {y - back}–{y}",
        },
    )


def held_streak(
    rule: str,
    title_id: str,
    title_name: str,
    count: int,
    basis: str,
    *,
    merit_only: bool,
    restart: bool,
    current_year_possible=None,
):
    """The title held in each of the ``count`` years ending with the case year.

    When only the case year's award is missing, ``current_year_possible(h, y)`` says
    whether it may still be conferred in the same review (outcome unknown) or not.
    """

    def test(h, y, c):
        years = (h.held_merit if merit_only else h.held).get(title_id, ())
        floor = h.restart_floor(y) if restart else -1
        for year in range(y - count + 1, y):
            if year not in years or year <= floor:
                return FAIL
        if y in years:
            return PASS
        if current_year_possible is not None and current_year_possible(h, y):
            return UNKNOWN
        return FAIL

    def detail(h, y, c):
        years = (h.held_merit if merit_only else h.held).get(title_id, ())
        return {"held": _years(yr for yr in years if yr <= y), "first": y - count + 1}

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Đạt {name} {count} năm liên tục {first}–{year}.",
            False: "Không đạt {name} {count} năm liên tục {first}–{year} (các năm đã đạt: {held}).",
            None: "Đã đạt {name} các năm trước; năm {year} chưa có quyết định công nhận nhưng có "
            "thể xét đồng thời.",
        },
        {"name": title_name, "count": count},
        detail,
    )


def held_twice_consecutive(rule: str, title_id: str, title_name: str, term: int, basis: str):
    """Two consecutive terms of a multi-year title: held in y and in y - term."""

    def test(h, y, c):
        years = h.held_merit.get(title_id, ())
        if y - term in years and y in years:
            return PASS
        return FAIL

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Đạt {name} hai lần liên tục (năm {earlier} và năm {year}).",
            False: "Không có hai lần liên tục đạt {name} (năm {earlier} và năm {year}); các năm đã "
            "đạt: {held}.",
        },
        {"name": title_name},
        lambda h, y, c: {
            "earlier": y - term,
            "held": _years(h.held_merit.get(title_id, ())),
        },
    )


# -- chains of forms ------------------------------------------------------------------------


def _latest_prior(h, y, title_id, window, merit_only):
    years = (h.held_merit if merit_only else h.held).get(title_id, ())
    eligible = [yr for yr in years if yr <= y - window]
    return max(eligible) if eligible else None


def prior_award(rule: str, title_id: str, title_name: str, window: int, basis: str, *, merit_only):
    """Already holds ``title_id`` from before a window of ``window`` years ending at y."""

    def test(h, y, c):
        return PASS if _latest_prior(h, y, title_id, window, merit_only) is not None else FAIL

    def detail(h, y, c):
        years = (h.held_merit if merit_only else h.held).get(title_id, ())
        excluded = sorted(set(h.held.get(title_id, ())) - set(years))
        note = (
            f"; khen thưởng đột xuất, theo đợt, chuyên đề không được tính: {_years(excluded)}"
            if excluded
            else ""
        )
        return {
            "found": _latest_prior(h, y, title_id, window, merit_only),
            "held": _years(years),
            "last": y - window,
            "note": note,
        }

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Đã được tặng {name} năm {found}, trước thời gian xét {window} năm.",
            False: "Chưa được tặng {name} từ năm {last} trở về trước "
            "(các năm đã có: {held}{note}).",
        },
        {"name": title_name, "window": window},
        detail,
    )


def _period_start(h, y, prior_title, window, rank, merit_only, restart=False):
    """First year of the run of good years after the prior award and ending at y.

    With ``restart`` the run also begins after the last penalty period that ended before
    y: achievements inside a penalty period do not count (Nghị định 152/2025 Điều 4).
    """
    prior = _latest_prior(h, y, prior_title, window, merit_only) if prior_title else None
    ratings = h.ratings
    # A missing rating does not end the run here: good_years reports it as unknown.
    lowest = max(min(ratings, default=y), (prior if prior is not None else -1) + 1)
    if restart:
        lowest = max(lowest, h.restart_floor(y) + 1)
    start = y
    while start - 1 >= lowest:
        rating = ratings.get(start - 1)
        if rating is not None and rating < rank:
            break
        start -= 1
    return start


def count_in_period(
    rule: str,
    title_id: str,
    title_name: str,
    need: int,
    basis: str,
    *,
    prior_title: str | None,
    window: int,
    merit_only: bool,
    unconfirmed: bool = False,
    rank: int = TOT,
    current_year_possible=None,
    restart: bool = False,
):
    """At least ``need`` awards of ``title_id`` within the run of good years after the prior.

    One short, with the case year's award still possible in the same review, is unknown.
    """
    passed, failed = (PASS_U, FAIL_U) if unconfirmed else (PASS, FAIL)

    def test(h, y, c):
        years = (h.held_merit if merit_only else h.held).get(title_id, ())
        start = _period_start(h, y, prior_title, window, rank, merit_only, restart)
        found = sum(1 for yr in years if start <= yr <= y)
        if found >= need:
            return passed
        if (
            found + 1 == need
            and y not in years
            and current_year_possible is not None
            and current_year_possible(h, y)
        ):
            return UNKNOWN
        return failed

    def detail(h, y, c):
        years = (h.held_merit if merit_only else h.held).get(title_id, ())
        start = _period_start(h, y, prior_title, window, rank, merit_only, restart)
        inside = [yr for yr in years if start <= yr <= y]
        outside = [yr for yr in years if yr < start and h.restart_floor(y) >= yr]
        note = (
            f"; không tính các năm trong thời hạn kỷ luật hoặc trước khi hết thời hạn kỷ luật: "
            f"{_years(outside)}"
            if restart and outside
            else ""
        )
        return {"first": start, "found": len(inside), "held": _years(inside) + note}

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Trong thời gian {first}–{year} có {found} lần {name} (cần {need}).",
            False: "Trong thời gian {first}–{year} có {found} lần {name} ({held}), chưa đủ {need}.",
            None: "Trong thời gian {first}–{year} có {found} lần {name}; cần thêm {name} năm "
            "{year} (chưa có quyết định).",
        },
        {"name": title_name, "need": need},
        detail,
    )


def higher_distinction(
    rule: str, mode: str, basis: str, *, window, prior_title, unconfirmed, restart=False
):
    """Huân chương Lao động hạng Ba: one higher distinction within the period."""
    passed, failed = (PASS_U, FAIL_U) if unconfirmed else (PASS, FAIL)

    def test(h, y, c):
        start = _period_start(h, y, prior_title, window, TOT, True, restart)
        if mode == "chien_si_thi_dua_tinh":
            years = h.held_merit.get("chien_si_thi_dua_tinh", ())
            return passed if any(start <= yr <= y for yr in years) else failed
        ratings = h.ratings
        return passed if any(ratings.get(yr) == XUAT_SAC for yr in range(start, y + 1)) else failed

    what = (
        "01 lần Chiến sĩ thi đua Bộ, ban, ngành, tỉnh"
        if mode == "chien_si_thi_dua_tinh"
        else "01 năm hoàn thành xuất sắc nhiệm vụ"
    )
    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Trong thời gian {first}–{year} có {what}.",
            False: "Trong thời gian {first}–{year} không có {what}.",
        },
        {"what": what},
        lambda h, y, c: {"first": _period_start(h, y, prior_title, window, TOT, True, restart)},
    )


def initiatives_in_period(
    rule: str, scope: int, need: int, basis: str, *, prior_title, window, rank
):
    def test(h, y, c):
        start = _period_start(h, y, prior_title, window, rank, False)
        return PASS if h.initiatives_between(scope, start, y) >= need else FAIL

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Có {found} sáng kiến phạm vi {scope} trở lên trong thời gian {first}–{year} "
            "(cần {need}).",
            False: "Có {found} sáng kiến phạm vi {scope} trở lên trong thời gian {first}–{year}, "
            "chưa đủ {need}.",
        },
        {"scope": SCOPE_NAMES[scope], "need": need},
        lambda h, y, c: {
            "first": (s := _period_start(h, y, prior_title, window, rank, False)),
            "found": h.initiatives_between(scope, s, y),
        },
    )


# -- collectives ----------------------------------------------------------------------------


def members_share(
    rule: str, field: str, share: Fraction, basis: str, *, strict: bool, label: str, what: str
):
    num, den = share.numerator, share.denominator

    def test(h, y, c):
        members = c.members
        if members is None or members.total is None:
            return UNKNOWN
        value = getattr(members, field)
        if value is None:
            return UNKNOWN
        if members.total <= 0:
            return FAIL
        lhs, rhs = value * den, num * members.total
        return PASS if (lhs > rhs if strict else lhs >= rhs) else FAIL

    def detail(h, y, c):
        members = c.members
        if members is None or members.total in (None, 0) or getattr(members, field) is None:
            return {"value": "?", "total": "?", "actual": "?"}
        value = getattr(members, field)
        return {
            "value": value,
            "total": members.total,
            "actual": _percent(Fraction(value, members.total)),
        }

    sign = "trên" if strict else "từ"
    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "{value}/{total} thành viên ({actual}) {what}, đạt mức {sign} {need}.",
            False: "{value}/{total} thành viên ({actual}) {what}, chưa đạt mức {sign} {need}.",
            None: "Chưa có số liệu thành viên {what} ({label}).",
        },
        {"need": _percent(share), "sign": sign, "label": label, "what": what},
        detail,
    )


def members_all_completed(rule: str, basis: str):
    def test(h, y, c):
        m = c.members
        if m is None or m.total is None or m.completed_tasks is None:
            return UNKNOWN
        return PASS if m.completed_tasks >= m.total > 0 else FAIL

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "100% thành viên hoàn thành nhiệm vụ ({done}/{total}).",
            False: "Chỉ {done}/{total} thành viên hoàn thành nhiệm vụ, chưa đạt 100%.",
            None: "Chưa có số liệu thành viên hoàn thành nhiệm vụ.",
        },
        detail=lambda h, y, c: {
            "done": c.members.completed_tasks if c.members else "?",
            "total": c.members.total if c.members else "?",
        },
    )


def members_with_cstdcs(rule: str, basis: str):
    def test(h, y, c):
        m = c.members
        if m is None or m.chien_si_thi_dua_co_so is None:
            return UNKNOWN
        return PASS if m.chien_si_thi_dua_co_so >= 1 else FAIL

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Có {n} cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở năm {year}.",
            False: "Không có cá nhân nào đạt danh hiệu Chiến sĩ thi đua cơ sở năm {year}.",
            None: "Chưa có số liệu cá nhân đạt Chiến sĩ thi đua cơ sở năm {year}.",
        },
        detail=lambda h, y, c: {"n": c.members.chien_si_thi_dua_co_so if c.members else "?"},
    )


def members_not_disciplined(rule: str, basis: str):
    def test(h, y, c):
        m = c.members
        if m is None or m.disciplined is None:
            return UNKNOWN
        return PASS if m.disciplined == 0 else FAIL

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên năm {year}.",
            False: "Có {n} cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên năm {year}.",
            None: "Chưa có thông tin kỷ luật của thành viên năm {year}.",
        },
        detail=lambda h, y, c: {"n": c.members.disciplined if c.members else "?"},
    )


def cluster_leader(rule: str, basis: str):
    def test(h, y, c):
        if c.cluster_leader is None:
            return UNKNOWN
        return PASS if c.cluster_leader else FAIL

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Được suy tôn dẫn đầu cụm, khối thi đua (hoặc phong trào thi đua) năm {year}.",
            False: "Không dẫn đầu cụm, khối thi đua năm {year}.",
            None: "Chưa có kết quả suy tôn dẫn đầu cụm, khối thi đua năm {year}.",
        },
    )


def registered(rule: str, basis: str):
    def test(h, y, c):
        if c.registered is None:
            return UNKNOWN
        return PASS if c.registered else FAIL

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Đã đăng ký thi đua danh hiệu này từ đầu năm {year}.",
            False: "Chưa đăng ký thi đua danh hiệu này năm {year} (bắt buộc theo quy chế).",
            None: "Chưa có thông tin đăng ký thi đua năm {year}.",
        },
    )


def consecutive_excellence(rule: str, count: int, basis: str, *, unconfirmed, fail_unknown):
    """Collective: each of the last ``count`` years rated excellent or holding TTLĐXS."""
    passed = PASS_U if unconfirmed else PASS
    failed = UNKNOWN if fail_unknown else (FAIL_U if unconfirmed else FAIL)

    def test(h, y, c):
        held = h.held.get("tap_the_lao_dong_xuat_sac", ())
        for year in range(y - count + 1, y + 1):
            if h.ratings.get(year) != XUAT_SAC and year not in held:
                return failed
        return passed

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "{count} năm liên tục {first}–{year} hoàn thành xuất sắc nhiệm vụ hoặc đạt Tập "
            "thể lao động xuất sắc.",
            False: "Không có {count} năm liên tục {first}–{year} hoàn thành xuất sắc nhiệm vụ hoặc "
            "đạt Tập thể lao động xuất sắc.",
            None: "Không có {count} năm liên tục {first}–{year} hoàn thành xuất sắc nhiệm vụ hoặc "
            "đạt Tập thể lao động xuất sắc; cần thẩm định theo các căn cứ khác.",
        },
        {"count": count},
        lambda h, y, c: {"first": y - count + 1},
    )


# -- principles -----------------------------------------------------------------------------


def not_disciplined(rule: str, basis: str, *, outcome_if_disciplined: int, min_rank: int = 0):
    """No award while disciplined, or while a disciplinary review, an investigation, an
    inspection or a complaint verification is pending in the year (law.md §1.3, §11).

    ``min_rank`` > 0 bars only penalties of that rank or above (e.g. Hà Nội's "khiển
    trách trở lên"); pending procedures always bar.
    """
    bad = outcome_if_disciplined

    def test(h, y, c):
        # A procedure still pending on the decision day bars the proposal too (§1.3).
        if y in h.pending_years or (
            c.decision_date is not None and c.decision_date.year in h.pending_years
        ):
            return bad
        # A penalty served in the year or between it and the decision day: achievements
        # count only from the end of the penalty, so earlier ones cannot ground the award.
        last = y if c.decision_date is None else max(y, c.decision_date.year)
        for year in range(y, last + 1):
            if year not in h.penalty_years:
                continue
            if min_rank <= 0:
                return bad
            for item in h.discipline:
                if not item.pending and item.year <= year <= item.until and item.rank >= min_rank:
                    return bad
        return PASS

    def detail(h, y, c):
        day = max(y, c.decision_date.year) if c.decision_date is not None else y
        forms = [
            (item.form or "kỷ luật")
            + (f" (năm {item.year})" if item.pending else f" (thời hạn {item.year}–{item.until})")
            for item in h.discipline
            if item.year <= day and item.until >= y
        ]
        return {"forms": "; ".join(forms) or "không", "until": day}

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Năm {year} không trong thời hạn kỷ luật{what} và không đang bị xem xét kỷ luật, "
            "điều tra, thanh tra, kiểm tra, xác minh khiếu nại, tố cáo.",
            False: "Năm {year} không được đề nghị khen thưởng: đang trong thời hạn kỷ luật hoặc "
            "đang bị xem xét kỷ luật, điều tra, thanh tra, kiểm tra, xác minh khiếu nại, tố cáo "
            "({forms}).",
        },
        {"what": " từ hình thức khiển trách trở lên" if min_rank == 1 else ""},
        detail=detail,
    )


def chosen_from(rule: str, title_id: str, title_name: str, basis: str, *, possible):
    """Chosen among holders of ``title_id`` of the same year (old Law: TTLĐXS from TTLĐTT).

    Not yet holding it is unknown while ``possible(h, y)`` says it may be conferred in
    the same review; otherwise a failure.
    """

    def test(h, y, c):
        if y in h.held.get(title_id, ()):
            return PASS
        return UNKNOWN if possible(h, y) else FAIL

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Năm {year} đã đạt {name}.",
            False: "Năm {year} không đạt {name}: chỉ xét trong số tập thể đạt {name} cùng năm.",
            None: "Năm {year} chưa có quyết định công nhận {name} (xét đồng thời): phải đạt {name} "
            "cùng năm mới được chọn.",
        },
        {"name": title_name},
    )


def leads_cluster_or_movement(rule: str, basis: str, *, movement: bool, min_years, unconfirmed):
    """Cờ thi đua of a ministry or province: leads its cluster or block, or (Law 2022 Đ26)
    leads a thematic movement the ministry or province launched (minimum duration a setting).
    """

    def test(h, y, c):
        if c.cluster_leader:
            return PASS
        if movement and c.movement_leader:
            if min_years is None:
                return PASS_U if unconfirmed else PASS
            if c.movement_years is None:
                return UNKNOWN
            return PASS if c.movement_years >= min_years else FAIL
        if c.cluster_leader is None and (not movement or c.movement_leader is None):
            return UNKNOWN
        return FAIL

    def detail(h, y, c):
        if c.cluster_leader:
            return {"how": "dẫn đầu cụm, khối thi đua"}
        years = f" ({c.movement_years} năm)" if c.movement_years else ""
        return {"how": f"dẫn đầu phong trào thi đua chuyên đề do Bộ, tỉnh phát động{years}"}

    what = "cụm, khối thi đua" + (" hoặc phong trào thi đua chuyên đề" if movement else "")
    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Năm {year} được suy tôn {how}.",
            False: "Năm {year} không dẫn đầu {what}" + ("{short}" if movement else "") + ".",
            None: "Chưa có kết quả suy tôn dẫn đầu {what} năm {year}.",
        },
        {"what": what, "short": ""},
        lambda h, y, c: {
            **detail(h, y, c),
            "short": (
                f" (phong trào {c.movement_years} năm, cần từ {min_years} năm)"
                if movement and c.movement_leader and min_years and c.movement_years
                else ""
            ),
        },
    )


def at_most_per_year(rule: str, cap: int, basis: str, *, what: str):
    """At most ``cap`` awards a year for the whole deciding level (quota.nominated)."""

    def test(h, y, c):
        if c.quota is None:
            return SKIP
        return PASS if c.quota.nominated <= cap else FAIL

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Đề nghị {nominated} {what} năm {year}, trong giới hạn {cap} người.",
            False: "Đề nghị {nominated} {what} năm {year}, vượt giới hạn {cap} người mỗi năm.",
        },
        {"cap": cap, "what": what},
        lambda h, y, c: {"nominated": c.quota.nominated},
    )


def one_award(rule: str, title_id: str, title_name: str, basis: str, *, annual: bool):
    """One achievement, one award (law.md §1.2): the same year's title, the same achievement."""

    def test(h, y, c):
        if annual and y in h.held.get(title_id, ()):
            return FAIL
        if c.achievement is not None:
            for award in h.awards:
                if len(award) > 3 and award[3] == c.achievement:
                    return FAIL
        return PASS

    def detail(h, y, c):
        if annual and y in h.held.get(title_id, ()):
            return {"why": f"năm {y} đã được tặng {title_name}"}
        titles = [a[1] for a in h.awards if len(a) > 3 and a[3] == c.achievement]
        return {"why": f"thành tích này đã được khen thưởng ({', '.join(titles)})"}

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Thành tích chưa được khen thưởng bằng hình thức nào khác.",
            False: "Không khen thưởng nhiều lần, nhiều hình thức cho một thành tích: {why}.",
        },
        detail=detail,
    )


def one_state_form_per_year(rule: str, title_id: str, basis: str, *, outcome_if_other: int):
    def test(h, y, c):
        others = h.state_award_years.get(y)
        if others and any(t != title_id for t in others):
            return outcome_if_other
        return PASS

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Năm {year} chưa được đề nghị, khen thưởng hình thức cấp Nhà nước nào khác.",
            False: "Năm {year} đã có hình thức khen thưởng cấp Nhà nước khác ({others}).",
        },
        detail=lambda h, y, c: {"others": ", ".join(h.state_award_years.get(y, ()))},
    )


def not_encoded(rule: str, basis: str, message: str):
    """A criterion that needs a person's judgement or rules the engine does not hold."""
    return CheckSpec(rule, lambda h, y, c: UNKNOWN, basis, {None: message})


def wrong_subject(rule: str, basis: str, subjects: tuple[str, ...]):
    names = {"person": "cá nhân", "collective": "tập thể", "household": "hộ gia đình"}
    return CheckSpec(
        rule,
        lambda h, y, c: FAIL,
        basis,
        {False: "Danh hiệu, hình thức này chỉ xét tặng cho: {who}."},
        {"who": ", ".join(names[s] for s in subjects)},
    )


def not_in_force(rule: str, basis: str, name: str, instead: str = ""):
    """The title is not conferred on that day; ``instead`` names its predecessor or successor."""
    return CheckSpec(
        rule,
        lambda h, y, c: FAIL,
        basis,
        {False: "{name} không có hiệu lực vào năm {year}{instead}."},
        {"name": name, "instead": f" (xét danh hiệu “{instead}”)" if instead else ""},
    )


# -- proposal context -----------------------------------------------------------------------


def vote(rule: str, threshold: Fraction | None, basis: str, *, unconfirmed: bool):
    if threshold is None:
        return None
    num, den = threshold.numerator, threshold.denominator
    passed, failed = (PASS_U, FAIL_U) if unconfirmed else (PASS, FAIL)

    def test(h, y, c):
        ballot = c.vote
        if ballot is None:
            return SKIP
        if ballot.members <= 0:
            return UNKNOWN
        return passed if ballot.approve * den >= num * ballot.members else failed

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "{approve}/{members} thành viên Hội đồng đồng ý ({actual}), đạt từ {need} tổng "
            "số thành viên.",
            False: "{approve}/{members} thành viên Hội đồng đồng ý ({actual}), chưa đạt {need} "
            "tổng số thành viên.",
            None: "Số thành viên Hội đồng không hợp lệ.",
        },
        {"need": _percent(threshold)},
        lambda h, y, c: {
            "approve": c.vote.approve,
            "members": c.vote.members,
            "actual": _percent(Fraction(c.vote.approve, c.vote.members))
            if c.vote.members > 0
            else "?",
        },
    )


def quota(rule: str, cap: Fraction | None, basis: str, *, base_label: str, unconfirmed=False):
    passed, failed = (PASS_U, FAIL_U) if unconfirmed else (PASS, FAIL)

    def test(h, y, c):
        counts = c.quota
        if counts is None:
            return SKIP
        if cap is None:
            return passed
        return (
            passed if counts.nominated * cap.denominator <= cap.numerator * counts.base else failed
        )

    if cap is None:
        messages = {True: "Không có giới hạn tỷ lệ theo quy định hiện hành."}
        params: dict = {}
    else:
        messages = {
            True: "Đề nghị {nominated} trên {base} {base_label}, trong giới hạn {cap}.",
            False: "Đề nghị {nominated} trên {base} {base_label}, vượt giới hạn {cap} (tối đa "
            "{limit}).",
        }
        params = {"cap": _percent(cap), "base_label": base_label}
    return CheckSpec(
        rule,
        test,
        basis,
        messages,
        params,
        lambda h, y, c: {
            "nominated": c.quota.nominated,
            "base": c.quota.base,
            "limit": (c.quota.base * cap.numerator) // cap.denominator if cap else "",
        },
    )


def authority(
    rule: str, rows_by_level: dict, title_name: str, basis: str, levels: dict, *, fallback=None
):
    """The level asked to confer is competent on the decision date (law.md §6).

    The article cited is the one of the authority rows in force that day (the 2003 Law
    for a 2021 decision, Điều 59 Nghị định 129/2025 for a commune after 01/07/2025).
    When the catalogue holds no competent body at all for that day the outcome is
    unknown (to be looked up), never a refusal with an empty list.
    """

    def _on(c, y):
        return c.decision_date or date(y, 12, 31)

    def _in_force(on):
        return [row for rows in rows_by_level.values() for row in rows if row.in_force(on)]

    def test(h, y, c):
        level = c.authority
        if level is None:
            return SKIP
        on = _on(c, y)
        rows = [row for row in rows_by_level.get(level, ()) if row.in_force(on)]
        if not rows:
            return FAIL if _in_force(on) else UNKNOWN
        return PASS if any(not row.unconfirmed for row in rows) else PASS_U

    def detail(h, y, c):
        on = _on(c, y)
        competent = sorted({row.conferrer for row in _in_force(on)})
        level = levels.get(c.authority, {}).get("name", c.authority)
        return {"level": level, "on": f"{on:%d/%m/%Y}", "competent": "; ".join(competent)}

    def basis_of(h, y, c):
        on = _on(c, y)
        own = [row for row in rows_by_level.get(c.authority, ()) if row.in_force(on)]
        rows = own or _in_force(on)
        general = [fallback(on)] if fallback is not None else []
        texts = list(dict.fromkeys([*general, *(row.basis for row in rows if row.basis)]))
        return "; ".join(texts) if texts else basis

    return CheckSpec(
        rule,
        test,
        basis,
        {
            True: "Cấp {level} có thẩm quyền tặng {name} vào ngày {on}.",
            False: "Cấp {level} không có thẩm quyền tặng {name} vào ngày {on}; cấp có thẩm quyền: "
            "{competent}.",
            None: "Danh mục chưa ghi cấp có thẩm quyền tặng {name} vào ngày {on}; cần tra cứu văn "
            "bản đang có hiệu lực trước khi quyết định.",
        },
        {"name": title_name},
        detail,
        basis_of,
    )
