"""The order in which honourees are presented, as plain Python (tested without a database).

The higher form first (state honours, then orders and medals, then emulation titles, then
Bằng khen, then Giấy khen, by the catalogue's group of the title), within a title
collectives before individuals, then by name in Vietnamese order: the order a ceremony's
script calls them up.
"""

from dataclasses import dataclass

# Lower comes first. An emulation title has no group in the catalogue (""); a group not
# listed comes last.
GROUP_RANK = {
    "danh_hieu_vinh_du_nha_nuoc": 0,
    "huan_chuong": 1,
    "huy_chuong": 2,
    "giai_thuong": 3,
    "ky_niem_chuong": 4,
    "": 5,
    "bang_khen": 6,
    "giay_khen": 7,
}


@dataclass(frozen=True)
class Presented:
    key: int  # the certificate's id
    group: str
    title: str
    is_collective: bool
    sort_name: str


def presentation_order(items: list[Presented]) -> list[int]:
    def rank(item: Presented):
        return (
            GROUP_RANK.get(item.group, len(GROUP_RANK)),
            item.title,
            0 if item.is_collective else 1,
            item.sort_name,
        )

    return [item.key for item in sorted(items, key=rank)]


def moved(order: list[int], key: int, step: int) -> list[int]:
    """`order` with `key` moved `step` places (−1 up, +1 down), kept within the list."""
    if key not in order:
        return order
    index = order.index(key)
    target = max(0, min(len(order) - 1, index + step))
    result = order[:]
    result.insert(target, result.pop(index))
    return result
