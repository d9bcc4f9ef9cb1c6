"""The pure rules: co-authors' shares, the scoring sheet, the council's vote (no database)."""

from decimal import Decimal

from django.test import override_settings

from vinhdanh.initiatives.rules import (
    Criterion,
    averages,
    default_criteria,
    legal_bases,
    score_problems,
    share_problem,
    vote_passes,
    vote_problem,
)

CRITERIA = [Criterion("tinh_moi", "Tính mới", 30), Criterion("hieu_qua", "Hiệu quả", 30)]


def test_shares_must_sum_to_one_hundred():
    assert share_problem([60, 40]) is None
    assert share_problem([100]) is None
    assert "bằng 100% (hiện là 90%)" in share_problem([60, 30])
    assert "ít nhất một tác giả" in share_problem([])
    assert "từ 1 đến 100%" in share_problem([0, 100])


def test_a_score_above_a_criterions_maximum_is_refused_with_its_name():
    assert score_problems(CRITERIA, {"tinh_moi": 30, "hieu_qua": 0}) == {}
    problems = score_problems(CRITERIA, {"tinh_moi": 31, "hieu_qua": None})
    assert problems["tinh_moi"] == "Điểm “Tính mới” tối đa là 30, không nhận 31."
    assert problems["hieu_qua"] == "Chưa chấm tiêu chí “Hiệu quả”."


def test_the_default_threshold_is_more_than_half_of_the_members_present():
    assert not vote_passes(6, 3)  # exactly half is not more than half
    assert vote_passes(6, 4)
    assert vote_passes(1, 1)
    assert not vote_passes(0, 0)
    assert vote_passes(10, 8, Decimal("0.75")) and not vote_passes(10, 7, Decimal("0.75"))


@override_settings(INITIATIVES_VOTE_SHARE="0.8")
def test_the_threshold_is_a_setting():
    assert not vote_passes(10, 8) and vote_passes(10, 9)


def test_a_vote_must_add_up():
    assert vote_problem(7, 5, 4) is None
    assert "vượt số thành viên" in vote_problem(7, 8, 4)
    assert "từ 0 đến số thành viên dự" in vote_problem(7, 5, 6)
    assert "ít nhất một thành viên" in vote_problem(7, 0, 0)


def test_criteria_and_their_maxima_are_a_setting_with_provincial_defaults():
    codes = [c["code"] for c in default_criteria()]
    assert codes == ["tinh_moi", "kha_nang_ap_dung", "hieu_qua", "pham_vi_anh_huong"]
    assert sum(c["maximum"] for c in default_criteria()) == 100
    with override_settings(INITIATIVES_CRITERIA=[("moi", "Mới", 50), ("ich", "Ích lợi", 50)]):
        assert default_criteria() == [
            {"code": "moi", "label": "Mới", "maximum": 50},
            {"code": "ich", "label": "Ích lợi", "maximum": 50},
        ]


def test_means_per_criterion_and_total():
    mean = averages(CRITERIA, [{"tinh_moi": 20, "hieu_qua": 25}, {"tinh_moi": 25, "hieu_qua": 20}])
    assert mean == {
        "tinh_moi": Decimal("22.50"),
        "hieu_qua": Decimal("22.50"),
        "total": Decimal("45.00"),
    }


def test_the_instrument_is_named_and_the_provinces_regulation_added():
    assert "Nghị định số 13/2012/NĐ-CP" in legal_bases()[0]
    assert "Thông tư số 18/2013/TT-BKHCN" in legal_bases()[0]
    with override_settings(INITIATIVES_PROVINCE_REGULATION="Quy định về sáng kiến của Thành phố"):
        assert legal_bases()[1] == "Quy định về sáng kiến của Thành phố"
