"""The synthetic province's organisation: one city council over its departments, and one
council per commune-level unit over the schools and small collectives under it.

`plan_tree` is pure (ids given from a starting number, so paths are known before writing);
`write_tree` stores the levels, units and councils it describes.
"""

from dataclasses import dataclass, field

from vinhdanh.core.text import search_text, text_sort_key
from vinhdanh.demo.province import names
from vinhdanh.org.models import Council, Level, Unit, UnitKind

ROOT_CODE = "sp-thanh-pho"
ROOT_NAME = "Thành phố Vĩnh An (giả lập)"
CODE_PREFIX = "sp-"
# A person's share of the province by the kind of unit they work in.
PEOPLE_WEIGHT = {
    UnitKind.GOVERNMENT: 2,
    UnitKind.WARD: 3,
    UnitKind.DEPARTMENT: 4,
    UnitKind.SCHOOL: 4,
    UnitKind.SMALL_COLLECTIVE: 1,
}


@dataclass
class UnitRow:
    id: int
    parent_id: int | None
    path: str
    code: str
    name: str
    kind: str
    level: str


@dataclass
class Block:
    """A council with the units it governs (its own unit first) and their people."""

    index: int
    is_city: bool
    name: str
    units: list[UnitRow] = field(default_factory=list)
    # (unit id, first person ordinal, number of people), in ordinal order
    people: list[tuple[int, int, int]] = field(default_factory=list)
    council_id: int | None = None
    council_name: str = ""

    @property
    def unit(self) -> UnitRow:
        return self.units[0]

    @property
    def first_person(self) -> int:
        return self.people[0][1] if self.people else 0

    @property
    def person_count(self) -> int:
        return sum(count for _unit, _first, count in self.people)


@dataclass
class Tree:
    root: UnitRow
    blocks: list[Block]

    @property
    def city(self) -> Block:
        return self.blocks[0]

    @property
    def wards(self) -> list[Block]:
        return self.blocks[1:]

    def all_units(self):
        for block in self.blocks:
            yield from block.units


def shares(total: int, weights: list[int]) -> list[int]:
    """`total` split by `weights`, largest remainders first, summing exactly to `total`."""
    weight_sum = sum(weights) or 1
    exact = [total * weight / weight_sum for weight in weights]
    parts = [int(value) for value in exact]
    order = sorted(range(len(weights)), key=lambda i: (parts[i] - exact[i], i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def plan_tree(*, seed: int, councils: int, units: int, people: int, first_id: int) -> Tree:
    next_id = iter(range(first_id, first_id + councils + units + 2))

    def make(parent: UnitRow | None, code: str, name: str, kind: str, level: str) -> UnitRow:
        unit_id = next(next_id)
        path = f"{parent.path if parent else '/'}{unit_id}/"
        return UnitRow(unit_id, parent.id if parent else None, path, code, name, kind, level)

    root = make(None, ROOT_CODE, ROOT_NAME, UnitKind.GOVERNMENT, "province")
    city = Block(0, True, ROOT_NAME, [root])
    city_units = max(2, round(units * 0.1))
    ward_units = shares(units - city_units, [1] * councils)
    office = make(
        root, f"{CODE_PREFIX}so-noi-vu", "Sở Nội vụ (giả lập)", UnitKind.DEPARTMENT, "province"
    )
    city.units.append(office)
    serial = 0
    department = office
    for number in range(1, city_units):
        serial += 1
        if number % 4 == 3:
            unit = make(
                department,
                f"{CODE_PREFIX}u{serial:05d}",
                f"Phòng Tổng hợp số {number}, {department.name}",
                UnitKind.SMALL_COLLECTIVE,
                "province",
            )
        else:
            base = names.CITY_DEPARTMENTS[(number - 1) % len(names.CITY_DEPARTMENTS)]
            lap = (number - 1) // len(names.CITY_DEPARTMENTS)
            kind = UnitKind.DEPARTMENT if lap == 0 else UnitKind.PUBLIC_SERVICE
            label = base if lap == 0 else f"Trung tâm số {lap} thuộc {base}"
            unit = department = make(root, f"{CODE_PREFIX}u{serial:05d}", label, kind, "province")
        city.units.append(unit)
    blocks = [city]
    for index, ward_name in enumerate(names.ward_names(seed, councils), start=1):
        ward = make(root, f"{CODE_PREFIX}x{index:04d}", ward_name, UnitKind.WARD, "commune")
        block = Block(index, False, ward_name, [ward])
        short = ward_name.split(" ", 1)[1]
        school, schools = None, 0
        for number in range(ward_units[index - 1]):
            serial += 1
            code = f"{CODE_PREFIX}u{serial:05d}"
            if number % 4 in (0, 1) or school is None:
                lap, kind_index = divmod(schools, len(names.SCHOOL_KINDS))
                label = f"{names.SCHOOL_KINDS[kind_index]} {short}" + (
                    f" số {lap + 1}" if lap else ""
                )
                unit = school = make(ward, code, label, UnitKind.SCHOOL, "commune")
                schools += 1
            elif number % 4 == 2:
                unit = make(
                    ward,
                    code,
                    f"Tổ dân phố số {number // 4 + 1}, {ward_name}",
                    UnitKind.SMALL_COLLECTIVE,
                    "commune",
                )
            else:
                unit = make(
                    school,
                    code,
                    f"Tổ chuyên môn số {number // 4 + 1}, {school.name}",
                    UnitKind.SMALL_COLLECTIVE,
                    "commune",
                )
            block.units.append(unit)
        blocks.append(block)
    tree = Tree(root, blocks)
    all_units = list(tree.all_units())
    counts = iter(shares(people, [PEOPLE_WEIGHT.get(unit.kind, 2) for unit in all_units]))
    ordinal = 0
    for block in blocks:
        for unit in block.units:
            count = next(counts)
            if count:
                block.people.append((unit.id, ordinal, count))
                ordinal += count
    return tree


def ensure_levels() -> dict[str, Level]:
    """The two levels of local government since the 2025 reform (the demo's, if loaded)."""
    rows = {
        "province": ("Tỉnh, thành phố trực thuộc Trung ương", 2),
        "commune": ("Phường, xã, thị trấn", 4),
    }
    levels = {}
    for code, (name, rank) in rows.items():
        levels[code], _ = Level.objects.get_or_create(
            code=code, defaults={"name": name, "rank": rank}
        )
    return levels


def write_tree(tree: Tree) -> None:
    levels = ensure_levels()
    Unit.objects.bulk_create(
        [
            Unit(
                id=row.id,
                code=row.code,
                name=row.name,
                kind=row.kind,
                level=levels[row.level],
                parent_id=row.parent_id,
                path=row.path,
                search_text=search_text(row.name, "", row.code),
                sort_key=text_sort_key(row.name),
            )
            for row in tree.all_units()
        ],
        batch_size=500,
    )
    office_id = tree.city.units[1].id
    for block in tree.blocks:
        # "Hội đồng Thi đua - Khen thưởng phường An Bình": the kind in lower case.
        label = (
            "thành phố Vĩnh An (giả lập)"
            if block.is_city
            else block.name[0].lower() + (block.name[1:])
        )
        council = Council.objects.create(
            unit_id=block.unit.id,
            name=f"Hội đồng Thi đua - Khen thưởng {label}",
            standing_office_id=office_id if block.is_city else block.unit.id,
        )
        block.council_id, block.council_name = council.pk, council.name
