"""Rule declarations: for each title or form, the checks it needs under each law.

A declaration is a small function of a :class:`Build` (law, configuration, subject)
returning the list of checks; it reads top to bottom like the article it encodes.
Sections refer to /work/shared/domain/law.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from . import checks as ck
from .case import CO_SO, TINH, TOAN_QUOC, TOT, XUAT_SAC
from .catalogue import Catalogue, Title
from .config import RulesConfig
from .instruments import same_province
from .verdict import FAIL, FAIL_U, PASS, UNKNOWN, CheckSpec

WORKERS_FARMERS = "cong_nhan_nong_dan"

OLD_LAW = "luat_2013"
LAW_ND98 = "luat_2022_nd98"
LAW_ND152 = "luat_2022_nd152"

L22 = "Luật Thi đua, khen thưởng 2022"
L13 = "Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung năm 2013)"
ND91 = "Nghị định 91/2017/NĐ-CP"
ND98 = "Nghị định 98/2023/NĐ-CP"
ND152 = "Nghị định 152/2025/NĐ-CP"


@dataclass(frozen=True)
class Build:
    law: str
    config: RulesConfig
    catalogue: Catalogue
    title: Title  # the title asked for (may be an armed-forces twin)
    canonical: str  # the title whose rules apply
    subject: str
    group: str | None = None  # "cong_nhan_nong_dan" for workers and farmers (Đ44 k2)

    @property
    def new(self) -> bool:
        return self.law != OLD_LAW

    @property
    def nd152(self) -> bool:
        return self.law == LAW_ND152

    @property
    def restart(self) -> bool:
        """Chains restart after a penalty period: ND 152 Đ4; before it, a setting."""
        return self.nd152 or bool(self.config.get("chain_restart_before_nd152"))

    @property
    def decree(self) -> str:
        return ND152 if self.nd152 else ND98 if self.new else ND91

    def name(self, title_id: str) -> str:
        return self.catalogue.titles[title_id].name


def _cstdcs_possible(b: Build) -> Callable:
    """Whether the case year's Chiến sĩ thi đua cơ sở could still be conferred (law.md §3.1)."""

    def possible(h, y):
        rating = h.ratings.get(y)
        if rating is None or rating < TOT:
            return False
        has_initiative = bool(h.initiative_years[CO_SO].get(y))
        return has_initiative or (b.new and rating == XUAT_SAC)

    return possible


def _common(b: Build, basis_one_award: str) -> list[CheckSpec]:
    """Principles every title shares: discipline and one achievement, one award (§1.2, §1.3)."""
    if b.nd152:
        discipline = ck.not_disciplined(
            "khong_bi_ky_luat", f"Điều 4 khoản 4 {ND152}", outcome_if_disciplined=FAIL
        )
    elif b.config.get("discipline_bars_before_nd152"):
        outcome = FAIL_U if b.config.unconfirmed("discipline_bars_before_nd152") else FAIL
        source = L22 if b.new else L13
        discipline = ck.not_disciplined(
            "khong_bi_ky_luat",
            f"Nguyên tắc khen thưởng ({source}); quy định của Bộ, ngành, tỉnh",
            outcome_if_disciplined=outcome,
        )
    else:
        discipline = None
    out = [discipline] if discipline else []
    out.append(
        ck.one_award(
            "mot_thanh_tich_mot_khen_thuong",
            b.canonical,
            b.name(b.canonical),
            basis_one_award,
            annual=b.title.recurrence == "annual",
        )
    )
    return out


def _principle_basis(b: Build) -> str:
    return f"Điều 5 khoản 2 {L22}" if b.new else f"Nguyên tắc khen thưởng, {L13}"


def _vote(b: Build, title_id: str, confirmed_in: tuple[str, ...], basis: str) -> list[CheckSpec]:
    unconfirmed = b.config.unconfirmed("vote_thresholds") and b.law not in confirmed_in
    if b.nd152 and ND98 in basis:
        # ND 98 is repealed from 01/07/2025; ND 152's own article is unconfirmed (§7.3).
        basis = (
            f"{ND152} (điều khoản về tỷ lệ phiếu chưa xác nhận; mức mặc định giữ như quy định "
            "áp dụng đến 30/6/2025)"
        )
    spec = ck.vote("ty_le_phieu", b.config.vote_threshold(title_id), basis, unconfirmed=unconfirmed)
    return [spec] if spec else []


def _state_once(b: Build) -> list[CheckSpec]:
    if b.subject != "person" or not b.config.get("one_state_form_per_year"):
        return []
    outcome = FAIL_U if b.config.unconfirmed("one_state_form_per_year") else FAIL
    # The rule was written in a decree repealed in 2017; whether the decree in force keeps
    # it is unconfirmed (law.md §1.3), so the decree in force for the case is cited.
    return [
        ck.one_state_form_per_year(
            "mot_hinh_thuc_cap_nha_nuoc_moi_nam",
            b.title.id,
            f"Nguyên tắc mỗi năm một hình thức khen thưởng cấp Nhà nước; {b.decree} (điều khoản "
            "chưa xác nhận, law.md §1.3)",
            outcome_if_other=outcome,
        )
    ]


# -- individual titles (law.md §3.1, §10, §11) ----------------------------------------------


def lao_dong_tien_tien(b: Build) -> list[CheckSpec]:
    basis = f"Điều 24 khoản 1 {L22}" if b.new else f"Điều 24 {L13}"
    out = [ck.rating_at_least("muc_hoan_thanh_nhiem_vu", TOT, basis)]
    out += _common(b, _principle_basis(b))
    cap = b.config.share("lao_dong_tien_tien_quota")
    out.append(ck.quota("ty_le", cap, "Quy định của Bộ, ngành, tỉnh", base_label="người"))
    return out


def chien_si_thi_dua_co_so(b: Build) -> list[CheckSpec]:
    if b.new:
        out = [
            ck.rating_at_least(
                "tieu_chuan_lao_dong_tien_tien",
                TOT,
                f"Điều 23 khoản 1 {L22}",
                what=" (tiêu chuẩn Lao động tiên tiến)",
            ),
            ck.excellent_or_initiative("xuat_sac_hoac_sang_kien", f"Điều 23 khoản 2 {L22}"),
        ]
        cap = b.config.share("cstdcs_quota")
        quota_basis = f"Điều 23 {L22} (không quy định tỷ lệ); quy định của Bộ, ngành, tỉnh"
    else:
        out = [
            ck.rating_at_least(
                "tieu_chuan_lao_dong_tien_tien",
                TOT,
                f"Điều 23 {L13}",
                what=" (tiêu chuẩn Lao động tiên tiến)",
            ),
            ck.initiative_in_window("sang_kien", CO_SO, 0, 1, f"Điều 23 {L13}; Điều 9 {ND91}"),
        ]
        cap = b.config.share("cstdcs_quota_old")
        quota_basis = f"Điều 9 khoản 3 {ND91}"
    out += _common(b, _principle_basis(b))
    out.append(ck.quota("ty_le", cap, quota_basis, base_label="Lao động tiên tiến"))
    if b.new:
        out += _vote(b, "chien_si_thi_dua_co_so", (LAW_ND98,), f"Điều 30 khoản 7 {ND98}")
    return out


def chien_si_thi_dua_tinh(b: Build) -> list[CheckSpec]:
    basis = f"Điều 22 khoản 1 {L22}" if b.new else f"Điều 22 {L13}"
    out = [
        ck.held_streak(
            "ba_lan_chien_si_thi_dua_co_so",
            "chien_si_thi_dua_co_so",
            b.name("chien_si_thi_dua_co_so"),
            3,
            basis,
            merit_only=b.nd152,
            restart=b.restart,
            current_year_possible=_cstdcs_possible(b),
        ),
        ck.initiative_in_window("sang_kien_cap_tinh", TINH, 2, 1, basis),
    ]
    out += _common(b, _principle_basis(b))
    out.append(
        ck.quota(
            "ty_le",
            b.config.share("cstd_tinh_quota"),
            "Quy định của Bộ, ngành, tỉnh",
            base_label="Chiến sĩ thi đua cơ sở",
        )
    )
    vote_basis = f"Điều 30 khoản 7 {ND98}" if b.new else f"Điều 45 khoản 8 {ND91}"
    out += _vote(b, "chien_si_thi_dua_tinh", (OLD_LAW, LAW_ND98), vote_basis)
    return out


def chien_si_thi_dua_toan_quoc(b: Build) -> list[CheckSpec]:
    basis = f"Điều 21 khoản 1 {L22}" if b.new else f"Điều 21 {L13}"
    term = b.config.get("cstd_tinh_term_years")
    out = [
        ck.held_twice_consecutive(
            "hai_lan_chien_si_thi_dua_tinh",
            "chien_si_thi_dua_tinh",
            b.name("chien_si_thi_dua_tinh"),
            term,
            basis,
        ),
        ck.initiative_in_window("sang_kien_toan_quoc", TOAN_QUOC, 2 * term - 1, 1, basis),
    ]
    out += _common(b, _principle_basis(b))
    out += _state_once(b)
    vote_basis = f"Điều 30 khoản 7 {ND98}" if b.new else f"Điều 45 khoản 8 {ND91}"
    out += _vote(b, "chien_si_thi_dua_toan_quoc", (OLD_LAW, LAW_ND98), vote_basis)
    return out


# -- collective titles (law.md §3.2, §10) -----------------------------------------------------


def tap_the_lao_dong_tien_tien(b: Build) -> list[CheckSpec]:
    if b.new:
        basis = f"Điều 28 khoản 1 {L22}"
        share, strict = b.config.share("ttldtt_min_share"), False
    else:
        # The 2003 law asked for more than half of the members (law.md §10).
        basis = f"Điều 28 {L13}"
        share, strict = Fraction(1, 2), True
    out = [
        ck.rating_at_least("muc_hoan_thanh_nhiem_vu", TOT, basis),
        ck.members_share(
            "ty_le_lao_dong_tien_tien",
            "lao_dong_tien_tien",
            share,
            basis,
            strict=strict,
            label="members.lao_dong_tien_tien",
            what="đạt Lao động tiên tiến",
        ),
        ck.members_not_disciplined("thanh_vien_khong_bi_ky_luat", basis),
    ]
    out += _common(b, _principle_basis(b))
    return out


def tap_the_lao_dong_xuat_sac(b: Build) -> list[CheckSpec]:
    basis = f"Điều 27 {L22}" if b.new else f"Điều 27 {L13}"
    share = b.config.share("ttldxs_min_share") if b.new else Fraction(7, 10)
    out = [
        ck.rating_at_least("muc_hoan_thanh_nhiem_vu", XUAT_SAC, basis),
        ck.members_all_completed("thanh_vien_hoan_thanh_nhiem_vu", basis),
        ck.members_share(
            "ty_le_lao_dong_tien_tien",
            "lao_dong_tien_tien",
            share,
            basis,
            strict=False,
            label="members.lao_dong_tien_tien",
            what="đạt Lao động tiên tiến",
        ),
        ck.members_with_cstdcs("co_chien_si_thi_dua_co_so", basis),
    ]
    if not b.new:
        out.append(ck.members_not_disciplined("thanh_vien_khong_bi_ky_luat", basis))
        # Law 2003 (amended 2013) Đ27: chosen among the year's Tập thể lao động tiên tiến.
        out.append(
            ck.chosen_from(
                "chon_tu_tap_the_lao_dong_tien_tien",
                "tap_the_lao_dong_tien_tien",
                b.name("tap_the_lao_dong_tien_tien"),
                basis,
                possible=lambda h, y: h.ratings.get(y, TOT) >= TOT,
            )
        )
    out += _common(b, _principle_basis(b))
    return out


def co_thi_dua_tinh(b: Build) -> list[CheckSpec]:
    if b.new:
        # Law 2022 Đ26: also the collective leading a thematic movement the ministry or
        # province launched; its minimum duration is unconfirmed (law.md §3.2).
        out = [
            ck.leads_cluster_or_movement(
                "dan_dau_cum_khoi",
                f"Điều 26 {L22}",
                movement=True,
                min_years=b.config.get("co_thi_dua_movement_min_years"),
                unconfirmed=b.config.unconfirmed("co_thi_dua_movement_min_years"),
            )
        ]
    else:
        out = [ck.cluster_leader("dan_dau_cum_khoi", f"Điều 12 {ND91}")]
    out += _common(b, _principle_basis(b))
    if b.new:
        out += _vote(b, "co_thi_dua_tinh", (LAW_ND98,), f"Điều 30 khoản 7 {ND98}")
    return out


def co_thi_dua_chinh_phu(b: Build) -> list[CheckSpec]:
    basis = f"Điều 25 {L22}" if b.new else f"Điều 11 {ND91}"
    out = [ck.cluster_leader("dan_dau_cum_khoi", basis)]
    out += _common(b, _principle_basis(b))
    if b.new:
        out += _vote(b, "co_thi_dua_chinh_phu", (LAW_ND98,), f"Điều 30 khoản 7 {ND98}")
    return out


ND86 = "Nghị định 86/2023/NĐ-CP"
ND122 = "Nghị định 122/2018/NĐ-CP"


def _nd86(b: Build) -> list[CheckSpec]:
    if b.new:
        spec = ck.not_encoded(
            "tieu_chuan_nd86",
            f"{L22}; {ND86}",
            f"Tiêu chuẩn theo khung của {ND86} và quy định của tỉnh cần được thẩm định.",
        )
    else:
        # Before 30/01/2024 the cultural titles were judged under ND 122/2018 (law.md has
        # no text of it: its articles are not encoded).
        spec = ck.not_encoded(
            "tieu_chuan_nd122",
            f"{ND122}; {L13}",
            f"Tiêu chuẩn theo {ND122} (trước ngày {ND86} có hiệu lực, 30/01/2024) và hướng dẫn "
            "của tỉnh cần được thẩm định.",
        )
    return [spec, *_common(b, _principle_basis(b))]


def cong_dan_thu_do_uu_tu(b: Build) -> list[CheckSpec]:
    """Hà Nội's "Công dân Thủ đô ưu tú" (QĐ 71/2025/QĐ-UBND; law.md §13.1 mục 7)."""
    qd71 = "Quyết định 71/2025/QĐ-UBND của UBND thành phố Hà Nội"
    out = [
        ck.not_encoded(
            "tieu_chuan_qd71",
            qd71,
            "Tiêu chuẩn thành tích theo Quyết định 71/2025/QĐ-UBND cần được Hội đồng Thi đua - "
            "Khen thưởng thành phố thẩm định.",
        ),
        ck.not_disciplined(
            "khong_bi_ky_luat_tu_khien_trach",
            f"{qd71}; Điều 4 khoản 4 {ND152}" if b.nd152 else qd71,
            outcome_if_disciplined=FAIL,
            min_rank=1,
        ),
        ck.at_most_per_year(
            "toi_da_moi_nam",
            b.config.get("cong_dan_thu_do_uu_tu_max"),
            qd71,
            what="người",
        ),
    ]
    out += [spec for spec in _common(b, _principle_basis(b)) if spec.rule != "khong_bi_ky_luat"]
    out += _vote(b, "cong_dan_thu_do_uu_tu", (OLD_LAW, LAW_ND98, LAW_ND152), qd71)
    own = b.title.raw.get("province")
    if b.config.province is not None and own and not same_province(b.config.province, own):
        out.insert(
            0,
            CheckSpec(
                "pham_vi_tinh",
                lambda h, y, c: FAIL,
                qd71,
                {False: "“{name}” là danh hiệu của thành phố Hà Nội, không xét tặng ở tỉnh khác."},
                {"name": b.title.name},
            ),
        )
    return out


# -- commendation forms (law.md §4.2, §10, §11) ---------------------------------------------


def bang_khen_tinh(b: Build) -> list[CheckSpec]:
    if b.subject == "person" and b.new:
        other = b.config.get("bang_khen_tinh_other_grounds")
        spec = _bang_khen_tinh_ground_d(b, UNKNOWN if other else FAIL)
        return [spec, *_common(b, _principle_basis(b))]
    if b.subject == "collective" and b.new:
        other = b.config.get("bang_khen_tinh_collective_years")
        spec = ck.consecutive_excellence(
            "hai_nam_xuat_sac",
            other,
            f"Điều 74 {L22}; quy định của tỉnh (ví dụ Bắc Ninh QĐ 86/2025/QĐ-UBND)",
            unconfirmed=b.config.unconfirmed("bang_khen_tinh_collective_years"),
            fail_unknown=b.config.get("bang_khen_tinh_other_grounds"),
        )
        return [spec, *_common(b, _principle_basis(b))]
    return unencoded(b)


def _bang_khen_tinh_ground_d(b: Build, outcome_if_not: int) -> CheckSpec:
    possible = _cstdcs_possible(b)

    def test(h, y, c):
        held = h.held.get("chien_si_thi_dua_co_so", ())
        if y - 1 in held and y in held:
            return PASS
        ratings = h.ratings
        if (
            ratings.get(y - 1) == XUAT_SAC
            and ratings.get(y) == XUAT_SAC
            and h.initiatives_between(CO_SO, y - 1, y) >= 2
        ):
            return PASS
        if y - 1 in held and y not in held and possible(h, y):
            return UNKNOWN
        return outcome_if_not

    messages = {
        True: "Đạt căn cứ điểm d khoản 1 Điều 74 trong các năm {prev}–{year} (02 lần liên tục "
        "Chiến sĩ thi đua cơ sở, hoặc 02 năm hoàn thành xuất sắc nhiệm vụ và 02 sáng kiến).",
        False: "Không đạt điểm d khoản 1 Điều 74 trong các năm {prev}–{year}.",
        None: "Chưa đạt điểm d khoản 1 Điều 74 trong các năm {prev}–{year} (hoặc chưa có quyết "
        "định Chiến sĩ thi đua cơ sở năm {year}); cần thẩm định theo các căn cứ khác của khoản 1.",
    }
    return CheckSpec("can_cu_diem_d", test, f"Điều 74 khoản 1 điểm d {L22}", messages)


def bang_khen_thu_tuong(b: Build) -> list[CheckSpec]:
    window = b.config.get("chain_window_years")
    prior = "bang_khen_tinh"
    if b.subject == "person" and b.new:
        basis = f"Điều 73 khoản 1 điểm b {L22}"
        out = [
            ck.prior_award(
                "da_co_bang_khen_tinh", prior, b.name(prior), window, basis, merit_only=b.nd152
            ),
            ck.good_years("nam_nam_hoan_thanh_tot", window, TOT, basis, restart=b.restart),
            ck.count_in_period(
                "ba_lan_chien_si_thi_dua_co_so",
                "chien_si_thi_dua_co_so",
                b.name("chien_si_thi_dua_co_so"),
                b.config.get("chain_cstdcs_count"),
                basis,
                prior_title=prior,
                window=window,
                merit_only=b.nd152,
                current_year_possible=_cstdcs_possible(b),
                restart=b.restart,
            ),
        ]
    elif b.subject == "person":
        basis = f"Điều 38 {ND91}"
        out = [
            ck.prior_award(
                "da_co_bang_khen_tinh", prior, b.name(prior), window, basis, merit_only=False
            ),
            ck.good_years("nam_nam_xuat_sac", window, XUAT_SAC, basis, restart=False),
            ck.initiatives_in_period(
                "nam_sang_kien_co_so",
                CO_SO,
                5,
                basis,
                prior_title=prior,
                window=window,
                rank=XUAT_SAC,
            ),
        ]
    elif b.subject == "collective" and b.new:
        basis = f"Điều 73 khoản 2 {L22}"
        out = [
            ck.prior_award(
                "da_co_bang_khen_tinh", prior, b.name(prior), window, basis, merit_only=b.nd152
            ),
            ck.good_years("nam_nam_hoan_thanh_tot", window, TOT, basis, restart=b.restart),
            ck.count_in_period(
                "so_lan_tap_the_lao_dong_xuat_sac",
                "tap_the_lao_dong_xuat_sac",
                b.name("tap_the_lao_dong_xuat_sac"),
                b.config.get("bk_ttg_collective_ttldxs_count"),
                basis,
                prior_title=prior,
                window=window,
                merit_only=b.nd152,
                unconfirmed=b.config.unconfirmed("bk_ttg_collective_ttldxs_count"),
                current_year_possible=lambda h, y: h.ratings.get(y) == XUAT_SAC,
                restart=b.restart,
            ),
        ]
    else:
        return unencoded(b)
    out += _common(b, _principle_basis(b))
    out += _state_once(b)
    out += _vote(b, "bang_khen_thu_tuong", (), "Thủ tục hành chính tặng Bằng khen Thủ tướng")
    return out


def huan_chuong_lao_dong_hang_3(b: Build) -> list[CheckSpec]:
    window = b.config.get("chain_window_years")
    prior = "bang_khen_thu_tuong"
    if b.subject == "person" and b.new and b.group == WORKERS_FARMERS:
        # Their own grounds: no prior Bằng khen of the Prime Minister is required.
        out = [
            ck.not_encoded(
                "can_cu_cong_nhan_nong_dan",
                f"Điều 44 khoản 2 {L22}",
                "Công nhân, nông dân được xét theo một trong các căn cứ riêng (không cần Bằng "
                "khen Thủ tướng): a) thành tích xuất sắc khi tổng kết phong trào thi đua do Bộ, "
                "tỉnh phát động từ 05 năm trở lên; b) phát minh, sáng chế được áp dụng hiệu quả "
                "trong phạm vi Bộ, tỉnh hoặc công trình xuất sắc; c) đóng góp lớn cho phát triển "
                "kinh tế - xã hội, an sinh xã hội, từ thiện, chuyển giao công nghệ; d) thành tích "
                "đột xuất đặc biệt xuất sắc. Cần thẩm định căn cứ cụ thể.",
            )
        ]
        out += _common(b, _principle_basis(b))
        out += _state_once(b)
        return out
    if b.subject == "person" and b.new:
        basis = f"Điều 44 khoản 1 điểm e {L22}"
        mode = b.config.get("hcld3_higher_distinction")
        out = [
            ck.prior_award(
                "da_co_bang_khen_thu_tuong", prior, b.name(prior), window, basis, merit_only=b.nd152
            ),
            ck.good_years("nam_nam_hoan_thanh_tot", window, TOT, basis, restart=b.restart),
            ck.count_in_period(
                "ba_lan_chien_si_thi_dua_co_so",
                "chien_si_thi_dua_co_so",
                b.name("chien_si_thi_dua_co_so"),
                b.config.get("chain_cstdcs_count"),
                basis,
                prior_title=prior,
                window=window,
                merit_only=b.nd152,
                current_year_possible=_cstdcs_possible(b),
                restart=b.restart,
            ),
            ck.higher_distinction(
                "thanh_tich_cao_hon",
                mode,
                basis,
                window=window,
                prior_title=prior,
                unconfirmed=b.config.unconfirmed("hcld3_higher_distinction"),
                restart=b.restart,
            ),
        ]
    elif b.subject == "person":
        basis = f"Điều 24 {ND91}"
        out = [
            ck.prior_award(
                "da_co_bang_khen_thu_tuong", prior, b.name(prior), window, basis, merit_only=False
            ),
            ck.good_years("nam_nam_xuat_sac", window, XUAT_SAC, basis, restart=False),
            ck.initiatives_in_period(
                "hai_sang_kien_cap_tinh",
                TINH,
                2,
                basis,
                prior_title=prior,
                window=window,
                rank=XUAT_SAC,
            ),
        ]
    elif b.subject == "collective" and not b.new:
        basis = f"{L13} (Huân chương Lao động hạng Ba cho tập thể)"
        out = [
            ck.held_streak(
                "nam_nam_tap_the_lao_dong_xuat_sac",
                "tap_the_lao_dong_xuat_sac",
                b.name("tap_the_lao_dong_xuat_sac"),
                5,
                basis,
                merit_only=False,
                restart=False,
            ),
            _flag_or_pm_certificate(basis),
        ]
    else:
        return unencoded(b)
    out += _common(b, _principle_basis(b))
    out += _state_once(b)
    return out


def _flag_or_pm_certificate(basis: str) -> CheckSpec:
    def test(h, y, c):
        for title_id in ("co_thi_dua_tinh", "bang_khen_thu_tuong"):
            if any(y - 4 <= yr <= y for yr in h.held.get(title_id, ())):
                return PASS
        return FAIL

    return CheckSpec(
        "co_thi_dua_hoac_bang_khen_thu_tuong",
        test,
        basis,
        {
            True: "Trong các năm {first}–{year} có Cờ thi đua cấp tỉnh hoặc Bằng khen Thủ tướng.",
            False: "Trong các năm {first}–{year} không có Cờ thi đua cấp tỉnh hoặc Bằng khen Thủ "
            "tướng.",
        },
        detail=lambda h, y, c: {"first": y - 4},
    )


def giay_khen(b: Build) -> list[CheckSpec]:
    basis = f"Điều 75 khoản 2 {L22}" if b.new else L13
    out = []
    if b.subject != "household":
        min_rating = b.catalogue.ratings.lookup(b.config.get("giay_khen_min_rating"))
        out.append(
            ck.rating_at_least(
                "muc_hoan_thanh_nhiem_vu",
                min_rating.rank if min_rating else TOT,
                basis,
                unconfirmed=b.config.unconfirmed("giay_khen_min_rating"),
            )
        )
    out.append(
        ck.not_encoded(
            "tieu_chuan_cua_tinh",
            basis,
            "Tiêu chuẩn chi tiết xét tặng Giấy khen do Bộ, ban, ngành, tỉnh quy định; cần thẩm "
            "định thành tích cụ thể.",
        )
    )
    return out + _common(b, _principle_basis(b))


def unencoded(b: Build) -> list[CheckSpec]:
    return [
        ck.not_encoded(
            "tieu_chuan_chua_ma_hoa",
            b.title.basis_on(_reference_date(b)),
            f"Tiêu chuẩn của “{b.title.name}” cho đối tượng này theo văn bản đang áp dụng chưa "
            "được mã hóa trong bộ quy tắc; cần thẩm định thủ công.",
        ),
        *_common(b, _principle_basis(b)),
    ]


def _reference_date(b: Build):
    law = b.catalogue.law(b.law)
    return law.valid_to or law.valid_from or date.today()


RULES: dict[str, Callable[[Build], list[CheckSpec]]] = {
    "lao_dong_tien_tien": lao_dong_tien_tien,
    "chien_si_thi_dua_co_so": chien_si_thi_dua_co_so,
    "chien_si_thi_dua_tinh": chien_si_thi_dua_tinh,
    "chien_si_thi_dua_toan_quoc": chien_si_thi_dua_toan_quoc,
    "tap_the_lao_dong_tien_tien": tap_the_lao_dong_tien_tien,
    "tap_the_lao_dong_xuat_sac": tap_the_lao_dong_xuat_sac,
    "co_thi_dua_tinh": co_thi_dua_tinh,
    "co_thi_dua_chinh_phu": co_thi_dua_chinh_phu,
    "xa_tieu_bieu": _nd86,
    "thon_to_dan_pho_van_hoa": _nd86,
    "gia_dinh_van_hoa": _nd86,
    "cong_dan_thu_do_uu_tu": cong_dan_thu_do_uu_tu,
    "bang_khen_tinh": bang_khen_tinh,
    "bang_khen_thu_tuong": bang_khen_thu_tuong,
    "huan_chuong_lao_dong_hang_3": huan_chuong_lao_dong_hang_3,
    "giay_khen": giay_khen,
}


def declarations_for(b: Build) -> list[CheckSpec]:
    return RULES.get(b.canonical, unencoded)(b)
