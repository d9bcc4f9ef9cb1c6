"""The rule table, written from /work/shared/domain/law.md (section cited per case)."""

import pytest

from vinhdanh.rules.engine import evaluate, make_config, parse_case

from .helpers import HTNV, HTT, HTXS, case, held, members, rated

ELIGIBLE, INELIGIBLE, REVIEW = "eligible", "ineligible", "needs_review"

CSTDCS = "Chiến sĩ thi đua cơ sở"
LDTT = "Lao động tiên tiến"
CSTD_TINH = "Chiến sĩ thi đua cấp tỉnh"
BK_TINH = "Bằng khen cấp tỉnh"
BK_TTG = "Bằng khen Thủ tướng"
HCLD3 = "Huân chương Lao động hạng Ba"
TTLDTT = "Tập thể lao động tiên tiến"
TTLDXS = "Tập thể lao động xuất sắc"

# (id, case, expected verdict, rule expected to decide it or None, config overrides)
CASES = [
    # §3.1 LĐTT: rating "hoàn thành tốt nhiệm vụ" or better.
    ("ldtt-2024-good", case(2024, LDTT, ratings=rated(2024, 2024)), ELIGIBLE, None, None),
    (
        "ldtt-2024-only-completed",
        case(2024, LDTT, ratings=rated(2024, 2024, HTNV)),
        INELIGIBLE,
        "muc_hoan_thanh_nhiem_vu",
        None,
    ),
    # §3 needs_review: a fact the case does not hold.
    ("ldtt-2024-no-rating", case(2024, LDTT), REVIEW, "muc_hoan_thanh_nhiem_vu", None),
    # §1.3 / §11: ND 152 Đ4 k4, no award within a penalty period or under review.
    (
        "ldtt-2025-disciplined-nd152",
        case(
            2025,
            LDTT,
            ratings=rated(2025, 2025),
            discipline=[{"year": 2025, "form": "khiển trách"}],
        ),
        INELIGIBLE,
        "khong_bi_ky_luat",
        None,
    ),
    (
        "ldtt-2025-pending-review-nd152",
        case(2025, LDTT, ratings=rated(2025, 2025), discipline=[{"year": 2025, "pending": True}]),
        INELIGIBLE,
        "khong_bi_ky_luat",
        None,
    ),
    # Before 2025-07-01 the discipline bar is not confirmed nationally (§3.1 LĐTT row).
    (
        "ldtt-2024-disciplined-nd98-unconfirmed",
        case(
            2024,
            LDTT,
            ratings=rated(2024, 2024),
            discipline=[{"year": 2024, "form": "khiển trách"}],
        ),
        REVIEW,
        "khong_bi_ky_luat",
        None,
    ),
    (
        "ldtt-2024-disciplined-province-confirms-bar",
        case(
            2024,
            LDTT,
            ratings=rated(2024, 2024),
            discipline=[{"year": 2024, "form": "khiển trách"}],
        ),
        INELIGIBLE,
        "khong_bi_ky_luat",
        {"discipline_bars_before_nd152": True},
    ),
    (
        "ldtt-2025-discipline-ended-2024",
        case(
            2025, LDTT, ratings=rated(2025, 2025), discipline=[{"year": 2024, "form": "cảnh cáo"}]
        ),
        ELIGIBLE,
        None,
        None,
    ),
    # §1.2: one achievement, one award.
    (
        "ldtt-2024-already-awarded",
        case(2024, LDTT, ratings=rated(2024, 2024), awards=held(LDTT, 2024)),
        INELIGIBLE,
        "mot_thanh_tich_mot_khen_thuong",
        None,
    ),
    (
        "bk-tinh-same-achievement-as-giay-khen",
        case(
            2024,
            BK_TINH,
            ratings=rated(2023, 2024),
            awards=[
                *held(CSTDCS, 2023, 2024),
                {"year": 2024, "title": "Giấy khen", "achievement": "A1"},
            ],
            achievement="A1",
        ),
        INELIGIBLE,
        "mot_thanh_tich_mot_khen_thuong",
        None,
    ),
    # §3 armed forces: Chiến sĩ tiên tiến follows the LĐTT criteria.
    (
        "cstt-2024-good",
        case(2024, "Chiến sĩ tiên tiến", ratings=rated(2024, 2024)),
        ELIGIBLE,
        None,
        None,
    ),
    # §3.1 CSTĐCS under Law 2022 Đ23: excellent rating alone suffices.
    (
        "cstdcs-2024-excellent-alone",
        case(2024, CSTDCS, ratings=rated(2024, 2024, HTXS)),
        ELIGIBLE,
        None,
        None,
    ),
    (
        "cstdcs-2024-good-with-initiative",
        case(
            2024, CSTDCS, ratings=rated(2024, 2024), initiatives=[{"year": 2024, "scope": "cơ sở"}]
        ),
        ELIGIBLE,
        None,
        None,
    ),
    (
        "cstdcs-2024-good-without-initiative",
        case(2024, CSTDCS, ratings=rated(2024, 2024)),
        INELIGIBLE,
        "xuat_sac_hoac_sang_kien",
        None,
    ),
    (
        "cstdcs-2024-initiative-but-only-completed",
        case(
            2024,
            CSTDCS,
            ratings=rated(2024, 2024, HTNV),
            initiatives=[{"year": 2024, "scope": "cơ sở"}],
        ),
        INELIGIBLE,
        "tieu_chuan_lao_dong_tien_tien",
        None,
    ),
    # §10: under the old law (2021) an initiative was mandatory.
    (
        "cstdcs-2021-excellent-no-initiative-old-law",
        case(2021, CSTDCS, ratings=rated(2021, 2021, HTXS)),
        INELIGIBLE,
        "sang_kien",
        None,
    ),
    (
        "cstdcs-2021-good-with-initiative-old-law",
        case(
            2021, CSTDCS, ratings=rated(2021, 2021), initiatives=[{"year": 2021, "scope": "cơ sở"}]
        ),
        ELIGIBLE,
        None,
        None,
    ),
    (
        "cstdcs-2021-initiative-of-2020-does-not-count",
        case(
            2021, CSTDCS, ratings=rated(2021, 2021), initiatives=[{"year": 2020, "scope": "cơ sở"}]
        ),
        INELIGIBLE,
        "sang_kien",
        None,
    ),
    # §10 / §13.1: ND 91 Đ9 k3 capped CSTĐCS at 15% of LĐTT holders.
    (
        "cstdcs-2021-quota-exactly-15-percent",
        case(
            2021,
            CSTDCS,
            ratings=rated(2021, 2021),
            initiatives=[{"year": 2021}],
            quota={"base": 20, "nominated": 3},
        ),
        ELIGIBLE,
        None,
        None,
    ),
    (
        "cstdcs-2021-quota-above-15-percent",
        case(
            2021,
            CSTDCS,
            ratings=rated(2021, 2021),
            initiatives=[{"year": 2021}],
            quota={"base": 20, "nominated": 4},
        ),
        INELIGIBLE,
        "ty_le",
        None,
    ),
    # §13.1: no national cap from 2024; a province may set one.
    (
        "cstdcs-2024-no-national-quota",
        case(2024, CSTDCS, ratings=rated(2024, 2024, HTXS), quota={"base": 20, "nominated": 10}),
        ELIGIBLE,
        None,
        None,
    ),
    (
        "cstdcs-2024-province-quota-exceeded",
        case(2024, CSTDCS, ratings=rated(2024, 2024, HTXS), quota={"base": 20, "nominated": 4}),
        INELIGIBLE,
        "ty_le",
        {"cstdcs_quota": 0.15},
    ),
    # §7.3: ND 98 Đ30 k7, ≥80% of the council's total membership for CSTĐCS.
    (
        "cstdcs-2024-vote-exactly-80-percent",
        case(2024, CSTDCS, ratings=rated(2024, 2024, HTXS), vote={"members": 10, "approve": 8}),
        ELIGIBLE,
        None,
        None,
    ),
    (
        "cstdcs-2024-vote-below-80-percent",
        case(2024, CSTDCS, ratings=rated(2024, 2024, HTXS), vote={"members": 10, "approve": 7}),
        INELIGIBLE,
        "ty_le_phieu",
        None,
    ),
    # §13.3: the ND 152 vote article is unconfirmed, so a 2025 shortfall needs review.
    (
        "cstdcs-2025-vote-below-80-percent-nd152",
        case(2025, CSTDCS, ratings=rated(2025, 2025, HTXS), vote={"members": 10, "approve": 7}),
        REVIEW,
        "ty_le_phieu",
        None,
    ),
    # §3.1 CSTĐ Bộ/tỉnh (Law 2022 Đ22): 3 consecutive CSTĐCS + provincial initiative.
    (
        "cstd-tinh-exactly-three-consecutive",
        case(
            2024,
            CSTD_TINH,
            ratings=rated(2022, 2024, HTXS),
            awards=held(CSTDCS, 2022, 2023, 2024),
            initiatives=[{"year": 2023, "scope": "tỉnh"}],
        ),
        ELIGIBLE,
        None,
        None,
    ),
    (
        "cstd-tinh-gap-year",
        case(
            2024,
            CSTD_TINH,
            ratings=rated(2021, 2024, HTXS),
            awards=held(CSTDCS, 2021, 2022, 2024),
            initiatives=[{"year": 2023, "scope": "tỉnh"}],
        ),
        INELIGIBLE,
        "ba_lan_chien_si_thi_dua_co_so",
        None,
    ),
    (
        "cstd-tinh-initiative-only-unit-scope",
        case(
            2024,
            CSTD_TINH,
            ratings=rated(2022, 2024, HTXS),
            awards=held(CSTDCS, 2022, 2023, 2024),
            initiatives=[{"year": 2023, "scope": "cơ sở"}],
        ),
        INELIGIBLE,
        "sang_kien_cap_tinh",
        None,
    ),
    (
        "cstd-tinh-national-initiative-counts",
        case(
            2024,
            CSTD_TINH,
            ratings=rated(2022, 2024, HTXS),
            awards=held(CSTDCS, 2022, 2023, 2024),
            initiatives=[{"year": 2024, "scope": "toàn quốc"}],
        ),
        ELIGIBLE,
        None,
        None,
    ),
    (
        "cstd-tinh-current-year-cstdcs-not-yet-decided",
        case(
            2024,
            CSTD_TINH,
            ratings=rated(2022, 2024, HTXS),
            awards=held(CSTDCS, 2022, 2023),
            initiatives=[{"year": 2023, "scope": "tỉnh"}],
        ),
        REVIEW,
        "ba_lan_chien_si_thi_dua_co_so",
        None,
    ),
    # §7.3: ≥90% of total membership for CSTĐ Bộ/tỉnh.
    (
        "cstd-tinh-vote-below-90-percent",
        case(
            2024,
            CSTD_TINH,
            ratings=rated(2022, 2024, HTXS),
            awards=held(CSTDCS, 2022, 2023, 2024),
            initiatives=[{"year": 2023, "scope": "tỉnh"}],
            vote={"members": 10, "approve": 8},
        ),
        INELIGIBLE,
        "ty_le_phieu",
        None,
    ),
    # §3.1 CSTĐTQ (Law 2022 Đ21): 2 consecutive CSTĐ Bộ/tỉnh + national initiative.
    (
        "cstdtq-two-consecutive-provincial-titles",
        case(
            2024,
            "Chiến sĩ thi đua toàn quốc",
            ratings=rated(2019, 2024, HTXS),
            awards=held(CSTD_TINH, 2021, 2024),
            initiatives=[{"year": 2023, "scope": "toàn quốc"}],
        ),
        ELIGIBLE,
        None,
        None,
    ),
    (
        "cstdtq-provincial-titles-not-consecutive",
        case(
            2024,
            "Chiến sĩ thi đua toàn quốc",
            ratings=rated(2019, 2024, HTXS),
            awards=held(CSTD_TINH, 2020, 2024),
            initiatives=[{"year": 2023, "scope": "toàn quốc"}],
        ),
        INELIGIBLE,
        "hai_lan_chien_si_thi_dua_tinh",
        None,
    ),
    # §1.3: one State-level form per person per year is unconfirmed → review.
    (
        "cstdtq-with-pm-certificate-same-year",
        case(
            2024,
            "Chiến sĩ thi đua toàn quốc",
            ratings=rated(2019, 2024, HTXS),
            awards=[*held(CSTD_TINH, 2021, 2024), *held(BK_TTG, 2024)],
            initiatives=[{"year": 2023, "scope": "toàn quốc"}],
        ),
        REVIEW,
        "mot_hinh_thuc_cap_nha_nuoc_moi_nam",
        None,
    ),
    # §3.2 / §13.1: TTLĐTT needs ≥70% LĐTT from 2024 and no member disciplined at cảnh cáo+.
    (
        "ttldtt-2024-exactly-70-percent",
        case(2024, TTLDTT, "collective", ratings=rated(2024, 2024), members=members(ldtt=14)),
        ELIGIBLE,
        None,
        None,
    ),
    (
        "ttldtt-2024-69-percent",
        case(
            2024,
            TTLDTT,
            "collective",
            ratings=rated(2024, 2024),
            members=members(total=100, ldtt=69),
        ),
        INELIGIBLE,
        "ty_le_lao_dong_tien_tien",
        None,
    ),
    (
        "ttldtt-2024-member-warned",
        case(
            2024,
            TTLDTT,
            "collective",
            ratings=rated(2024, 2024),
            members=members(ldtt=15, disciplined=1),
        ),
        INELIGIBLE,
        "thanh_vien_khong_bi_ky_luat",
        None,
    ),
    (
        "ttldtt-2024-no-member-figures",
        case(2024, TTLDTT, "collective", ratings=rated(2024, 2024)),
        REVIEW,
        "ty_le_lao_dong_tien_tien",
        None,
    ),
    # §10: the 2003 law asked for more than 50%: exactly half fails in 2021.
    (
        "ttldtt-2021-exactly-50-percent-old-law",
        case(2021, TTLDTT, "collective", ratings=rated(2021, 2021), members=members(ldtt=10)),
        INELIGIBLE,
        "ty_le_lao_dong_tien_tien",
        None,
    ),
    (
        "ttldtt-2021-55-percent-old-law",
        case(2021, TTLDTT, "collective", ratings=rated(2021, 2021), members=members(ldtt=11)),
        ELIGIBLE,
        None,
        None,
    ),
    (
        "ttldtt-2024-55-percent-new-law",
        case(2024, TTLDTT, "collective", ratings=rated(2024, 2024), members=members(ldtt=11)),
        INELIGIBLE,
        "ty_le_lao_dong_tien_tien",
        None,
    ),
    # §3.2 TTLĐXS (Law 2022 Đ27): excellent, 100% complete, ≥70% LĐTT, ≥1 CSTĐCS.
    (
        "ttldxs-2024-all-criteria-exactly-70-percent",
        case(
            2024,
            TTLDXS,
            "collective",
            ratings=rated(2024, 2024, HTXS),
            members=members(ldtt=14, cstdcs=1),
        ),
        ELIGIBLE,
        None,
        None,
    ),
    (
        "ttldxs-2024-one-member-not-completing",
        case(
            2024,
            TTLDXS,
            "collective",
            ratings=rated(2024, 2024, HTXS),
            members=members(completed=19),
        ),
        INELIGIBLE,
        "thanh_vien_hoan_thanh_nhiem_vu",
        None,
    ),
    (
        "ttldxs-2024-no-cstdcs-member",
        case(
            2024, TTLDXS, "collective", ratings=rated(2024, 2024, HTXS), members=members(cstdcs=0)
        ),
        INELIGIBLE,
        "co_chien_si_thi_dua_co_so",
        None,
    ),
    (
        "ttldxs-2024-only-good-rating",
        case(2024, TTLDXS, "collective", ratings=rated(2024, 2024, HTT), members=members()),
        INELIGIBLE,
        "muc_hoan_thanh_nhiem_vu",
        None,
    ),
    (
        "don-vi-quyet-thang-follows-ttldxs",
        case(
            2024,
            "Đơn vị quyết thắng",
            "collective",
            ratings=rated(2024, 2024, HTXS),
            members=members(ldtt=13),
        ),
        INELIGIBLE,
        "ty_le_lao_dong_tien_tien",
        None,
    ),
    # §10: the old TTLĐXS also barred members disciplined at cảnh cáo+.
    (
        "ttldxs-2021-member-warned-old-law",
        case(
            2021,
            TTLDXS,
            "collective",
            ratings=rated(2021, 2021, HTXS),
            members=members(disciplined=1),
        ),
        INELIGIBLE,
        "thanh_vien_khong_bi_ky_luat",
        None,
    ),
    (
        "ttldxs-2024-member-warned-new-law-no-bar",
        case(
            2024,
            TTLDXS,
            "collective",
            ratings=rated(2024, 2024, HTXS),
            members=members(disciplined=1),
        ),
        ELIGIBLE,
        None,
        None,
    ),
    # §3.2 Cờ thi đua of the province: leads its cluster or block.
    (
        "co-tinh-cluster-leader",
        case(2024, "Cờ thi đua cấp tỉnh", "collective", cluster_leader=True),
        ELIGIBLE,
        None,
        None,
    ),
    (
        "co-tinh-not-leader",
        case(2024, "Cờ thi đua của UBND cấp tỉnh", "collective", cluster_leader=False),
        INELIGIBLE,
        "dan_dau_cum_khoi",
        None,
    ),
    (
        "co-tinh-leader-unknown",
        case(2024, "Cờ thi đua cấp tỉnh", "collective"),
        REVIEW,
        "dan_dau_cum_khoi",
        None,
    ),
    # §4.2 Bằng khen Bộ/tỉnh, individual, Đ74 k1 điểm d.
    (
        "bk-tinh-two-consecutive-cstdcs",
        case(2024, BK_TINH, ratings=rated(2023, 2024, HTXS), awards=held(CSTDCS, 2023, 2024)),
        ELIGIBLE,
        None,
        None,
    ),
    # MoHA example in §4.2: HTXSNV 2023 + 1 initiative, HTXSNV 2024 + 1 initiative.
    (
        "bk-tinh-two-excellent-years-two-initiatives",
        case(
            2024,
            BK_TINH,
            ratings=rated(2023, 2024, HTXS),
            initiatives=[{"year": 2023}, {"year": 2024}],
        ),
        ELIGIBLE,
        None,
        None,
    ),
    (
        "bk-tinh-ground-d-missing-other-grounds-open",
        case(2024, BK_TINH, ratings=rated(2023, 2024), awards=held(CSTDCS, 2024)),
        REVIEW,
        "can_cu_diem_d",
        None,
    ),
    (
        "bk-tinh-ground-d-missing-province-only-ground-d",
        case(2024, BK_TINH, ratings=rated(2023, 2024), awards=held(CSTDCS, 2024)),
        INELIGIBLE,
        "can_cu_diem_d",
        {"bang_khen_tinh_other_grounds": False},
    ),
    # §4.2 / §11 Bằng khen Thủ tướng, individual, Đ73 k1 điểm b: prior BK tỉnh, then 5 years.
    (
        "bk-ttg-window-of-exactly-five-years",
        case(
            2024,
            BK_TTG,
            ratings=rated(2019, 2024),
            awards=[*held(BK_TINH, 2019), *held(CSTDCS, 2020, 2022, 2024)],
        ),
        ELIGIBLE,
        None,
        None,
    ),
    (
        "bk-ttg-window-of-four-years",
        case(
            2024,
            BK_TTG,
            ratings=rated(2019, 2024),
            awards=[*held(BK_TINH, 2020), *held(CSTDCS, 2021, 2022, 2024)],
        ),
        INELIGIBLE,
        "da_co_bang_khen_tinh",
        None,
    ),
    (
        "bk-ttg-only-two-cstdcs",
        case(
            2024,
            BK_TTG,
            ratings=rated(2019, 2024),
            awards=[*held(BK_TINH, 2019), *held(CSTDCS, 2020, 2021)],
        ),
        INELIGIBLE,
        "ba_lan_chien_si_thi_dua_co_so",
        None,
    ),
    (
        "bk-ttg-weak-year-breaks-the-run",
        case(
            2024,
            BK_TTG,
            ratings=rated(2019, 2024, y2022=HTNV),
            awards=[*held(BK_TINH, 2019), *held(CSTDCS, 2020, 2021, 2024)],
        ),
        INELIGIBLE,
        "nam_nam_hoan_thanh_tot",
        None,
    ),
    (
        "bk-ttg-missing-rating-in-window",
        case(
            2024,
            BK_TTG,
            ratings={k: v for k, v in rated(2019, 2024).items() if k != "2022"},
            awards=[*held(BK_TINH, 2019), *held(CSTDCS, 2020, 2021, 2024)],
        ),
        REVIEW,
        "nam_nam_hoan_thanh_tot",
        None,
    ),
    # §1.3 / §5: under ND 152, ad-hoc awards do not count toward merit chains...
    (
        "bk-ttg-2025-prior-bk-ad-hoc-nd152",
        case(
            2025,
            BK_TTG,
            ratings=rated(2020, 2025),
            awards=[*held(BK_TINH, 2020, basis="đột xuất"), *held(CSTDCS, 2021, 2023, 2025)],
        ),
        INELIGIBLE,
        "da_co_bang_khen_tinh",
        None,
    ),
    # ... while under ND 98 (2024) they still did.
    (
        "bk-ttg-2024-prior-bk-ad-hoc-nd98",
        case(
            2024,
            BK_TTG,
            ratings=rated(2019, 2024),
            awards=[*held(BK_TINH, 2019, basis="đột xuất"), *held(CSTDCS, 2020, 2022, 2024)],
        ),
        ELIGIBLE,
        None,
        None,
    ),
    # ND 152 Đ4 k4 (§1.3): achievements count again only after the penalty period.
    (
        "bk-ttg-2025-penalty-2022-restarts-window-nd152",
        case(
            2025,
            BK_TTG,
            ratings=rated(2020, 2025),
            awards=[*held(BK_TINH, 2019), *held(CSTDCS, 2021, 2023, 2025)],
            discipline=[{"year": 2022, "form": "khiển trách"}],
        ),
        INELIGIBLE,
        "nam_nam_hoan_thanh_tot",
        None,
    ),
    # §10: ND 91 Đ38, 5 years HTXSNV with 5 unit-level initiatives.
    (
        "bk-ttg-2021-old-law-five-initiatives",
        case(
            2021,
            BK_TTG,
            ratings=rated(2017, 2021, HTXS),
            awards=held(BK_TINH, 2016),
            initiatives=[{"year": y} for y in range(2017, 2022)],
        ),
        ELIGIBLE,
        None,
        None,
    ),
    (
        "bk-ttg-2021-old-law-good-not-excellent",
        case(
            2021,
            BK_TTG,
            ratings=rated(2017, 2021, HTT),
            awards=held(BK_TINH, 2016),
            initiatives=[{"year": y} for y in range(2017, 2022)],
        ),
        INELIGIBLE,
        "nam_nam_xuat_sac",
        None,
    ),
    # §4.2 HCLĐ hạng Ba, Đ44 k1 điểm e: prior BK TTg + 5 years + 3 CSTĐCS + higher distinction.
    (
        "hcld3-higher-distinction-unconfirmed",
        case(
            2024,
            HCLD3,
            ratings=rated(2019, 2024, y2023=HTXS),
            awards=[*held(BK_TTG, 2019), *held(CSTDCS, 2020, 2022, 2023)],
        ),
        REVIEW,
        "thanh_tich_cao_hon",
        None,
    ),
    (
        "hcld3-province-sets-higher-distinction",
        case(
            2024,
            HCLD3,
            ratings=rated(2019, 2024, y2023=HTXS),
            awards=[*held(BK_TTG, 2019), *held(CSTDCS, 2020, 2022, 2023)],
        ),
        ELIGIBLE,
        None,
        {"hcld3_higher_distinction": "xuat_sac"},
    ),
    (
        "hcld3-without-pm-certificate",
        case(
            2024,
            HCLD3,
            ratings=rated(2019, 2024, y2023=HTXS),
            awards=[*held(BK_TINH, 2019), *held(CSTDCS, 2020, 2022, 2023)],
        ),
        INELIGIBLE,
        "da_co_bang_khen_thu_tuong",
        None,
    ),
    # §6: authority by date; the commune confers CSTĐCS only from 2025-07-01 (ND 129/2025).
    (
        "authority-commune-cstdcs-2024",
        case(2024, CSTDCS, ratings=rated(2024, 2024, HTXS), authority="Chủ tịch UBND xã"),
        INELIGIBLE,
        "tham_quyen",
        None,
    ),
    (
        "authority-commune-cstdcs-2025",
        case(2025, CSTDCS, ratings=rated(2025, 2025, HTXS), authority="cấp xã"),
        ELIGIBLE,
        None,
        None,
    ),
    (
        "authority-district-cstdcs-after-reform",
        case(2025, CSTDCS, ratings=rated(2025, 2025, HTXS), authority="quận"),
        INELIGIBLE,
        "tham_quyen",
        None,
    ),
    (
        "authority-district-decides-2024-before-reform",
        case(
            2024,
            CSTDCS,
            ratings=rated(2024, 2024, HTXS),
            authority="huyện",
            decision_date="2025-03-01",
        ),
        ELIGIBLE,
        None,
        None,
    ),
    (
        "authority-commune-ldtt-2024",
        case(2024, LDTT, ratings=rated(2024, 2024), authority="phường"),
        ELIGIBLE,
        None,
        None,
    ),
    # §3: titles are for a kind of subject (Law 2022 Đ19–Đ20).
    (
        "ttldxs-asked-for-a-person",
        case(2024, TTLDXS, "person", ratings=rated(2024, 2024, HTXS)),
        INELIGIBLE,
        "doi_tuong",
        None,
    ),
    # §3.2: "xã, phường, thị trấn tiêu biểu" exists from the 2022 law.
    (
        "xa-tieu-bieu-2021-not-in-force",
        case(2021, "Xã tiêu biểu", "collective"),
        INELIGIBLE,
        "hieu_luc",
        None,
    ),
    # §4.2: Giấy khen criteria are provincial → always reviewed by a person.
    (
        "giay-khen-2024",
        case(2024, "Giấy khen", ratings=rated(2024, 2024)),
        REVIEW,
        "tieu_chuan_cua_tinh",
        None,
    ),
    (
        "anh-hung-lao-dong-not-encoded",
        case(2024, "Anh hùng Lao động"),
        REVIEW,
        "tieu_chuan_chua_ma_hoa",
        None,
    ),
    # §5: ad-hoc awards have their own criteria.
    (
        "bk-tinh-ad-hoc-needs-review",
        case(2024, BK_TINH, ratings=rated(2024, 2024), basis="đột xuất"),
        REVIEW,
        "tieu_chuan_chua_ma_hoa",
        None,
    ),
]


@pytest.mark.parametrize(
    ("data", "expected", "rule", "overrides"),
    [pytest.param(c, v, r, o, id=i) for i, c, v, r, o in CASES],
)
def test_rule_table(data, expected, rule, overrides):
    verdict = evaluate(parse_case(data), make_config(overrides) if overrides else None)
    checks = {check.rule: check for check in verdict.checks}
    assert verdict.verdict == expected, [c.as_dict() for c in verdict.checks]
    for check in verdict.checks:
        assert check.message and check.basis
    if rule is not None:
        wanted = {INELIGIBLE: False, REVIEW: None}[expected]
        decisive = checks[rule]
        if expected == REVIEW and decisive.passed is not None:
            assert decisive.unconfirmed, decisive
        else:
            assert decisive.passed is wanted, decisive


def test_old_and_new_law_are_chosen_by_year():
    """§0, §10: 2021 is judged by the 2003/2013 law, 2024 by ND 98, 2025 by ND 152."""
    laws = {
        year: evaluate(parse_case(case(year, CSTDCS, ratings=rated(year, year, HTXS)))).law
        for year in (2021, 2023, 2024, 2025)
    }
    assert laws == {
        2021: "luat_2013",
        2023: "luat_2013",
        2024: "luat_2022_nd98",
        2025: "luat_2022_nd152",
    }


def test_same_person_old_law_ineligible_new_law_eligible():
    """§10: the same excellent year without an initiative: 2021 no, 2024 yes."""
    old = evaluate(parse_case(case(2021, CSTDCS, ratings=rated(2021, 2021, HTXS))))
    new = evaluate(parse_case(case(2024, CSTDCS, ratings=rated(2024, 2024, HTXS))))
    assert (old.verdict, new.verdict) == (INELIGIBLE, ELIGIBLE)
    assert "2003" in old.law_name and "98/2023" in new.law_name


def test_explicit_law_overrides_the_year():
    data = case(2024, CSTDCS, ratings=rated(2024, 2024, HTXS), law="luat_2013")
    assert evaluate(parse_case(data)).verdict == INELIGIBLE


def test_chain_from_provincial_certificate_to_labour_order():
    """§4.2: BK tỉnh → BK Thủ tướng (5 years later) → HCLĐ hạng Ba (5 years after that)."""
    ratings = rated(2012, 2024, HTT, y2017=HTXS, y2023=HTXS)
    cstdcs = held(CSTDCS, 2013, 2014, 2016, 2018, 2020, 2022)
    config = make_config({"hcld3_higher_distinction": "xuat_sac"})
    step1 = case(2013, BK_TINH, ratings=ratings, awards=held(CSTDCS, 2012, 2013))
    assert evaluate(parse_case(step1)).verdict in (ELIGIBLE, REVIEW)
    step2 = case(
        2018, BK_TTG, ratings=ratings, awards=[*held(BK_TINH, 2013), *cstdcs], law="luat_2022_nd98"
    )
    assert evaluate(parse_case(step2), config).verdict == ELIGIBLE
    step3 = case(
        2024,
        HCLD3,
        ratings=ratings,
        awards=[*held(BK_TINH, 2013), *held(BK_TTG, 2018), *cstdcs, *held(CSTDCS, 2023)],
    )
    assert evaluate(parse_case(step3), config).verdict == ELIGIBLE
    too_early = case(2022, HCLD3, ratings=ratings, awards=[*held(BK_TTG, 2018), *cstdcs])
    assert evaluate(parse_case(too_early), config).verdict == INELIGIBLE


def test_messages_are_vietnamese_and_cite_the_law():
    verdict = evaluate(parse_case(case(2024, CSTDCS, ratings=rated(2024, 2024))))
    failed = verdict.failed()
    assert failed and "sáng kiến" in failed[0].message
    assert failed[0].basis == "Điều 23 khoản 2 Luật Thi đua, khen thưởng 2022"
