"""The order of presentation, in plain Python."""

from vinhdanh.ceremonies.ordering import Presented, moved, presentation_order


def _item(key, group, title, collective=False, name="a"):
    return Presented(key, group, title, collective, name)


def test_higher_forms_first_then_collectives_then_names():
    items = [
        _item(1, "giay_khen", "Giấy khen", name="b"),
        _item(2, "bang_khen", "Bằng khen", name="z"),
        _item(3, "", "Chiến sĩ thi đua cơ sở", name="c"),
        _item(4, "giay_khen", "Giấy khen", collective=True, name="z"),
        _item(5, "huan_chuong", "Huân chương Lao động hạng Ba"),
        _item(6, "giay_khen", "Giấy khen", name="a"),
        _item(7, "unknown", "Khác"),
    ]
    assert presentation_order(items) == [5, 3, 2, 4, 6, 1, 7]


def test_moving_stays_within_the_list():
    assert moved([1, 2, 3], 3, -1) == [1, 3, 2]
    assert moved([1, 2, 3], 1, -1) == [1, 2, 3]
    assert moved([1, 2, 3], 3, 1) == [1, 2, 3]
    assert moved([1, 2, 3], 9, 1) == [1, 2, 3]
