"""The rule settings in words, for the settings page: each one's label, its legal basis
written out (never a reference into a file), and its value as staff read it
("70%", "Có", "Không giới hạn", the titles by name). Pure, no database."""

from datetime import date

from vinhdanh.core.numbers import vn_money, vn_number, vn_percent
from vinhdanh.rules.engine import SETTINGS, default_catalogue

LAW_2022 = "Luật Thi đua, khen thưởng năm 2022"

# name -> (label, legal basis), written from the law (docs: /shared/domain/law.md).
WORDS: dict[str, tuple[str, str]] = {
    "ttldtt_min_share": (
        "Tỷ lệ tối thiểu cá nhân đạt Lao động tiên tiến để xét Tập thể lao động tiên tiến",
        f"Điều 28 khoản 1 {LAW_2022}: ít nhất 70% thành viên đạt Lao động tiên tiến.",
    ),
    "ttldxs_min_share": (
        "Tỷ lệ tối thiểu cá nhân đạt Lao động tiên tiến để xét Tập thể lao động xuất sắc",
        f"Điều 27 {LAW_2022}: 100% thành viên hoàn thành nhiệm vụ, ít nhất 70% đạt "
        "Lao động tiên tiến.",
    ),
    "cstdcs_quota": (
        "Giới hạn số Chiến sĩ thi đua cơ sở so với số Lao động tiên tiến (từ năm 2024)",
        f"Điều 23 {LAW_2022} không giới hạn số lượng; tỉnh hoặc đơn vị có thể tự đặt.",
    ),
    "cstdcs_quota_old": (
        "Giới hạn Chiến sĩ thi đua cơ sở so với số Lao động tiên tiến (trước năm 2024)",
        "Điều 9 khoản 3 Nghị định số 91/2017/NĐ-CP: không quá 15% số Lao động tiên tiến "
        "(hết hiệu lực từ ngày 01/01/2024).",
    ),
    "cstd_tinh_quota": (
        "Giới hạn Chiến sĩ thi đua cấp tỉnh so với số Chiến sĩ thi đua cơ sở",
        f"Điều 22 {LAW_2022} không giới hạn số lượng; mức giới hạn (nếu có) do tỉnh quy định.",
    ),
    "lao_dong_tien_tien_quota": (
        "Giới hạn Lao động tiên tiến so với tổng số người của đơn vị",
        f"Điều 24 {LAW_2022} không giới hạn số lượng.",
    ),
    "vote_thresholds": (
        "Tỷ lệ phiếu đồng ý tối thiểu trên tổng số thành viên Hội đồng, theo danh hiệu",
        "Điều 30 khoản 7 Nghị định số 98/2023/NĐ-CP; mức theo Nghị định số 152/2025/NĐ-CP "
        "chưa được xác nhận.",
    ),
    "meeting_quorum": (
        "Tỷ lệ thành viên Hội đồng có mặt tối thiểu để phiên họp được tiến hành",
        "Chưa có quy định chung: tỉnh quy định trong quy chế hoạt động của Hội đồng (ví dụ "
        "tỉnh Bắc Ninh: 2/3 thành viên; phiên xét khen thưởng 4/5). Mặc định 2/3, chưa xác nhận.",
    ),
    "vote_default_threshold": (
        "Tỷ lệ phiếu đồng ý phải vượt quá, trên tổng số thành viên Hội đồng, khi danh hiệu, "
        "hình thức không có ngưỡng riêng",
        "Hội đồng làm việc theo nguyên tắc đa số, theo quy chế hoạt động do tỉnh ban hành. "
        "Mặc định quá 1/2 tổng số thành viên, chưa xác nhận.",
    ),
    "chain_window_years": (
        "Số năm liên tục hoàn thành tốt nhiệm vụ trở lên sau khen thưởng trước đó",
        f"Điều 73 khoản 1 điểm b và Điều 44 khoản 1 điểm e {LAW_2022}: 05 năm liên tục.",
    ),
    "chain_cstdcs_count": (
        "Số lần Chiến sĩ thi đua cơ sở trong thời gian xét Bằng khen của Thủ tướng Chính phủ, "
        "Huân chương Lao động hạng Ba",
        f"Điều 73 khoản 1 điểm b và Điều 44 khoản 1 điểm e {LAW_2022}: 03 lần.",
    ),
    "hcld3_higher_distinction": (
        "Thành tích cao hơn cần có khi xét Huân chương Lao động hạng Ba",
        f"Điều 44 khoản 1 điểm e {LAW_2022}; cách hiểu “thành tích cao hơn” chưa được xác nhận.",
    ),
    "bk_ttg_collective_ttldxs_count": (
        "Số lần Tập thể lao động xuất sắc khi xét Bằng khen của Thủ tướng Chính phủ cho tập thể",
        f"Điều 73 khoản 2 {LAW_2022}; số lần chưa được xác nhận.",
    ),
    "bang_khen_tinh_collective_years": (
        "Số năm liên tục hoàn thành xuất sắc nhiệm vụ hoặc Tập thể lao động xuất sắc khi xét "
        "Bằng khen cấp tỉnh cho tập thể",
        f"Quy định của tỉnh theo Điều 74 {LAW_2022} (ví dụ: Quyết định số 86/2025 của tỉnh "
        "Bắc Ninh, 02 năm).",
    ),
    "bang_khen_tinh_other_grounds": (
        "Chưa đạt điểm d vẫn cần thẩm định (còn các căn cứ khác như thành tích xuất sắc, "
        "đột xuất) thay vì loại",
        f"Điều 74 khoản 1 {LAW_2022}.",
    ),
    "giay_khen_min_rating": (
        "Mức hoàn thành nhiệm vụ tối thiểu để xét Giấy khen",
        f"Điều 75 khoản 2 {LAW_2022}: tỉnh quy định chi tiết tiêu chuẩn xét tặng Giấy khen.",
    ),
    "cstd_tinh_term_years": (
        "Số năm giữa hai lần Chiến sĩ thi đua cấp tỉnh liên tục",
        f"Điều 21, Điều 22 {LAW_2022}: mỗi lần tính 03 năm.",
    ),
    "one_state_form_per_year": (
        "Mỗi năm chỉ đề nghị một hình thức khen thưởng cấp Nhà nước cho một cá nhân",
        "Quy định theo Nghị định số 65/2014/NĐ-CP; chưa xác nhận còn áp dụng theo Nghị định "
        "số 98/2023/NĐ-CP và số 152/2025/NĐ-CP.",
    ),
    "registration_required": (
        "Danh hiệu chỉ được xét khi đã đăng ký thi đua từ đầu năm",
        "Đăng ký thi đua đầu năm theo quy chế thi đua, khen thưởng của tỉnh.",
    ),
    "discipline_bars_before_nd152": (
        "Không khen thưởng khi đang bị kỷ luật, xem xét kỷ luật (trước ngày 01/7/2025)",
        "Điều 4 khoản 4 Nghị định số 152/2025/NĐ-CP chỉ áp dụng từ ngày 01/7/2025; trước đó "
        "theo quy định của tỉnh.",
    ),
    "successor_counts_predecessor_titles": (
        "Khi xét cho tập thể kế thừa, tính cả danh hiệu của các đơn vị tiền thân",
        "Quy chế thi đua, khen thưởng của tỉnh khi sắp xếp đơn vị hành chính năm 2025 "
        "(mặc định: chỉ hiển thị, không tính).",
    ),
    "chain_restart_before_nd152": (
        "Trước ngày 01/7/2025, thành tích trong thời hạn kỷ luật không được tính vào chuỗi "
        "thành tích liên tục",
        "Điều 4 Nghị định số 152/2025/NĐ-CP chỉ áp dụng từ ngày 01/7/2025; Luật Thi đua, khen "
        "thưởng năm 2003, Nghị định số 91/2017/NĐ-CP và số 98/2023/NĐ-CP chưa có quy định "
        "tương ứng được xác nhận (mặc định: không áp dụng trước ngày đó).",
    ),
    "transitional_by_filing_date": (
        "Hồ sơ trình trước ngày văn bản mới có hiệu lực được xét theo văn bản tại ngày trình",
        f"Điều khoản chuyển tiếp của {LAW_2022} và của Nghị định số 152/2025/NĐ-CP chưa được "
        "đối chiếu; mặc định xét theo văn bản có hiệu lực tại ngày quyết định.",
    ),
    "provincial_regulation": (
        "Quy định về công tác thi đua, khen thưởng của tỉnh (in trong danh sách văn bản áp dụng)",
        f"Điều 24 khoản 4, Điều 26 khoản 3, Điều 27 khoản 3, Điều 28 khoản 3, Điều 74 khoản 6 "
        f"và Điều 75 khoản 2 {LAW_2022} giao tỉnh quy định chi tiết (ví dụ thành phố Hà Nội: "
        "Quyết định số 32/2024/QĐ-UBND).",
    ),
    "co_thi_dua_movement_min_years": (
        "Thời gian tối thiểu của phong trào thi đua chuyên đề do Bộ, tỉnh phát động để xét Cờ "
        "thi đua cho tập thể dẫn đầu phong trào",
        f"Điều 26 {LAW_2022}; thời gian tối thiểu chưa được xác nhận (mặc định: không đặt).",
    ),
    "cong_dan_thu_do_uu_tu_max": (
        "Số người tối đa được tặng danh hiệu Công dân Thủ đô ưu tú mỗi năm",
        "Quyết định số 71/2025/QĐ-UBND của Ủy ban nhân dân thành phố Hà Nội: không quá 10 "
        "người mỗi năm.",
    ),
    "bonus_base_salary": (
        "Mức lương cơ sở theo ngày áp dụng (tiền thưởng tính theo mức đang áp dụng vào ngày ký "
        "quyết định)",
        "Nghị định số 38/2019/NĐ-CP (từ ngày 01/7/2019: 1.490.000 đồng), số 24/2023/NĐ-CP (từ "
        "ngày 01/7/2023: 1.800.000 đồng), số 73/2024/NĐ-CP (từ ngày 01/7/2024: 2.340.000 đồng).",
    ),
    "bonus_coefficients": (
        "Hệ số tiền thưởng của tỉnh (số lần mức lương cơ sở) thay cho bảng mặc định, theo danh "
        "hiệu, hình thức",
        "Điều 54, Điều 55 Nghị định số 98/2023/NĐ-CP; Điều 50 đến Điều 52 Nghị định số "
        "152/2025/NĐ-CP. Hệ số tỉnh đặt được coi là đã xác nhận.",
    ),
    "bonus_household_multiplier": (
        "Hộ gia đình được thưởng gấp bao nhiêu lần mức tiền thưởng của cá nhân",
        "Nghị định số 152/2025/NĐ-CP: Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã tặng hộ gia "
        "đình được thưởng gấp 1,5 lần; các hình thức khác chưa được xác nhận.",
    ),
    "bonus_collective_multiplier": (
        "Tập thể được thưởng gấp bao nhiêu lần mức tiền thưởng của cá nhân (Huân chương, Bằng "
        "khen, Giấy khen)",
        "Chưa được xác nhận; theo thông lệ của Nghị định số 91/2017/NĐ-CP và số 98/2023/NĐ-CP, "
        "tập thể được thưởng gấp 02 lần cá nhân.",
    ),
    "bonus_rounding_step": (
        "Làm tròn tiền thưởng đến bội số của bao nhiêu đồng",
        "Chưa được xác nhận; tỉnh đặt theo quy chế của mình (quy định cũ làm tròn lên hàng chục "
        "nghìn đồng). Mặc định: hàng nghìn đồng.",
    ),
    "bonus_rounding_mode": (
        "Cách làm tròn tiền thưởng",
        "Chưa được xác nhận; tỉnh đặt theo quy chế của mình. Mặc định: làm tròn lên.",
    ),
}

# Settings whose value is one of a few words.
CHOICES: dict[str, list[tuple[str, str]]] = {
    "hcld3_higher_distinction": [
        ("xuat_sac", "01 năm hoàn thành xuất sắc nhiệm vụ"),
        ("chien_si_thi_dua_tinh", "01 lần Chiến sĩ thi đua cấp tỉnh"),
    ],
    "giay_khen_min_rating": [
        ("xuat_sac", "Hoàn thành xuất sắc nhiệm vụ"),
        ("tot", "Hoàn thành tốt nhiệm vụ"),
        ("hoan_thanh", "Hoàn thành nhiệm vụ"),
    ],
    "bonus_rounding_mode": [
        ("up", "Làm tròn lên"),
        ("nearest", "Làm tròn đến số gần nhất"),
        ("down", "Làm tròn xuống"),
    ],
}

RATIO, NUMBER, YES_NO, CHOICE, TITLES, THRESHOLDS = (
    "ratio",
    "number",
    "yes_no",
    "choice",
    "titles",
    "thresholds",
)
REGULATION, YEARS, SALARY_TABLE, COEFFICIENTS, MULTIPLIER, MONEY = (
    "regulation",
    "years",
    "salary_table",
    "coefficients",
    "multiplier",
    "money",
)

# Settings whose default does not tell their shape (None, a float, a table, a number of đồng).
KINDS: dict[str, str] = {
    "provincial_regulation": REGULATION,
    "co_thi_dua_movement_min_years": YEARS,
    "bonus_base_salary": SALARY_TABLE,
    "bonus_coefficients": COEFFICIENTS,
    "bonus_household_multiplier": MULTIPLIER,
    "bonus_collective_multiplier": MULTIPLIER,
    "bonus_rounding_step": MONEY,
}


def kind_of(name: str) -> str:
    if name in KINDS:
        return KINDS[name]
    default = SETTINGS[name].default
    if isinstance(default, bool):
        return YES_NO
    if isinstance(default, int):
        return NUMBER
    if default is None or isinstance(default, float):
        return RATIO
    if isinstance(default, str):
        return CHOICE
    if isinstance(default, tuple):
        return TITLES
    return THRESHOLDS


def may_be_unlimited(name: str) -> bool:
    """A quota whose default is "no limit" may be set back to no limit."""
    return kind_of(name) == RATIO and SETTINGS[name].default is None


def title_name(code: str) -> str:
    title = default_catalogue().titles.get(code)
    return title.name if title else code


def percent_text(share) -> str:
    return vn_percent(share)


def day_text(day) -> str:
    """ "2024-07-01" -> "01/07/2024"; a text that is not a date stays as it is."""
    if day in (None, ""):
        return ""
    try:
        return f"{date.fromisoformat(str(day)):%d/%m/%Y}"
    except ValueError:
        return str(day)


def regulation_text(value) -> str:
    if not value:
        return "Chưa nhập quy định của tỉnh"
    text = str(value.get("name") or "")
    if value.get("number"):
        text += f", số {value['number']}"
    if value.get("from"):
        text += f", áp dụng từ ngày {day_text(value['from'])}"
    if value.get("to"):
        text += f" đến ngày {day_text(value['to'])}"
    return text


def coefficient_text(coefficient) -> str:
    return f"{vn_number(coefficient)} lần lương cơ sở"


def value_text(name: str, value) -> str:
    """A value of `name` as staff read it."""
    kind = kind_of(name)
    if kind == REGULATION:
        return regulation_text(value)
    if kind == YEARS:
        return "Không đặt thời gian tối thiểu" if value is None else f"{value} năm"
    if kind == SALARY_TABLE:
        return "; ".join(
            f"từ ngày {day_text(day)}: {vn_money(amount)}"
            for day, amount in sorted(dict(value or {}).items())
        )
    if kind == COEFFICIENTS:
        if not value:
            return "Theo bảng hệ số mặc định"
        return "; ".join(
            f"{title_name(code)}: {coefficient_text(coefficient)}"
            for code, coefficient in dict(value).items()
        )
    if kind == MULTIPLIER:
        return f"Gấp {vn_number(value)} lần"
    if kind == MONEY:
        return vn_money(value)
    if kind == RATIO:
        return "Không giới hạn" if value is None else percent_text(value)
    if kind == YES_NO:
        return "Có" if value else "Không"
    if kind == NUMBER:
        return str(value)
    if kind == CHOICE:
        return dict(CHOICES.get(name, [])).get(value, str(value))
    if kind == TITLES:
        return ", ".join(title_name(code) for code in value) or "Không danh hiệu nào"
    return "; ".join(f"{title_name(code)}: {percent_text(share)}" for code, share in value.items())
