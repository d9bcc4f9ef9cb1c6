"""Fills the database with a synthetic province, table by table, streaming the big ones.

Seed data, like the demo's (`audit.services.loading_seed_data`): no service runs, so
`audit.record` is not called; the audit entries the province holds are written here as
the continuation of the existing hash chain (each entry's hash over the one before it,
`audit.chain`), so `verify_audit` still walks the whole log. On PostgreSQL the chain's
advisory lock is held for the whole run, as every writer of the chain does.
"""

import base64
import bisect
import datetime
import random
import time
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from vinhdanh.accounts.models import Membership, Role, User
from vinhdanh.audit import chain
from vinhdanh.audit.models import AuditEntry
from vinhdanh.audit.services import CHAIN_LOCK_KEY, loading_seed_data
from vinhdanh.demo.province import names, replace, upper
from vinhdanh.demo.province.sizes import Sizes
from vinhdanh.demo.province.tree import ROOT_CODE, Block, Tree, plan_tree, shares, write_tree
from vinhdanh.demo.province.writers import TableWriter, next_id, reset_sequences
from vinhdanh.org.models import CouncilMember, CouncilRole, Person, Unit, UnitKind

# The titles each level of council confers (catalogue codes), with their weights.
WARD_PERSON_TITLES = [("lao_dong_tien_tien", 60), ("chien_si_thi_dua_co_so", 22), ("giay_khen", 18)]
WARD_COLLECTIVE_TITLES = [("tap_the_lao_dong_tien_tien", 70), ("giay_khen", 30)]
CITY_PERSON_TITLES = [("chien_si_thi_dua_tinh", 30), ("bang_khen_tinh", 70)]
CITY_COLLECTIVE_TITLES = [
    ("tap_the_lao_dong_xuat_sac", 50),
    ("bang_khen_tinh", 40),
    ("co_thi_dua_tinh", 10),
]
COLLECTIVE_SHARE = 0.08
# Earlier years are closed: almost all decided.
PAST_STATES = [
    ("decided", 84),
    ("handed_over", 8),
    ("rejected", 4),
    ("not_approved", 4),
]
# The last year is still moving through the workflow.
LAST_YEAR_STATES = [
    ("draft", 12),
    ("submitted", 14),
    ("returned", 5),
    ("appraised", 10),
    ("announced", 9),
    ("voting", 3),
    ("voted", 9),
    ("forwarded", 4),
    ("rejected", 3),
    ("decided", 31),
]
# The workflow step (awards.NOMINATIONS) that left a nomination in its state, for its audit entry.
LAST_STEP = {
    "draft": ("create", None),
    "submitted": ("submit", "draft"),
    "returned": ("return", "submitted"),
    "appraised": ("appraise", "submitted"),
    "rejected": ("appraise", "submitted"),
    "announced": ("announce", "appraised"),
    "voting": ("open_vote", "announced"),
    "voted": ("close_vote", "voting"),
    "not_approved": ("close_vote", "voting"),
    "forwarded": ("forward", "voted"),
    "decided": ("decide", "voted"),
    "handed_over": ("hand_over", "decided"),
}
DECIDED_STATES = frozenset({"decided", "handed_over"})
NOMINATIONS_PER_DECISION = 500
RATING_LEVELS = [("xuat_sac", 15), ("tot", 52), ("hoan_thanh", 29), ("khong_hoan_thanh", 4)]
ACHIEVEMENTS = [
    "Hoàn thành xuất sắc nhiệm vụ được giao trong năm {year}.",
    "Có thành tích tiêu biểu trong phong trào thi đua năm {year}.",
    "Hoàn thành tốt nhiệm vụ, gương mẫu chấp hành chủ trương, chính sách năm {year}.",
    "Có sáng kiến được công nhận và áp dụng tại đơn vị năm {year}.",
]
ACCOUNT_ROLES = [
    (Role.STANDING_OFFICE, "vanphong", "Cán bộ Văn phòng"),
    (Role.COUNCIL_MEMBER, "uyvien", "Ủy viên Hội đồng"),
    (Role.LEADER, "chutich", "Chủ tịch Hội đồng"),
    (Role.UNIT_OFFICER, "canbo", "Cán bộ đơn vị"),
]
ACCOUNT_PREFIX = "sp."
TASKS_PER_PLAN = 6


class ProvinceExists(Exception):
    """A generated province is in the database and --replace was not asked for."""


@dataclass
class Result:
    sizes: Sizes
    counts: dict = field(default_factory=dict)
    timings: dict = field(default_factory=dict)
    accounts: list = field(default_factory=list)


def id_models() -> list:
    """The tables whose ids the generator gives itself."""
    return [Unit, Person, upper.Rating, upper.Nomination, upper.Decision, upper.Certificate,
            AuditEntry]  # fmt: skip


def province_exists() -> bool:
    return Unit.objects.filter(code=ROOT_CODE).exists()


def _cumulative_picker(rng: random.Random, choices: list[tuple]):
    values = [value for value, _weight in choices]
    cumulative, total = [], 0
    for _value, weight in choices:
        total += weight
        cumulative.append(total)

    def pick():
        point = rng.random() * total
        for index, bound in enumerate(cumulative):
            if point < bound:
                return values[index]
        return values[-1]

    return pick


def _aware(day: datetime.date, seconds: int) -> datetime.datetime:
    moment = datetime.datetime.combine(day, datetime.time()) + datetime.timedelta(seconds=seconds)
    return timezone.make_aware(moment, datetime.UTC)


class Generator:
    def __init__(self, sizes: Sizes, *, seed: int, password: str, log=None, id_floors=None):
        self.sizes = sizes
        self.id_floors = id_floors or {}
        self.seed = seed
        self.password = password
        self.log = log or (lambda message: None)
        self.result = Result(sizes)
        self.tree: Tree | None = None
        self.person_base = 0
        self.office_actor: dict[int, int] = {}  # council block index -> office user id

    # -- helpers --------------------------------------------------------------------------
    def _timed(self, name: str, step):
        started = time.monotonic()
        step()
        self.result.timings[name] = round(time.monotonic() - started, 2)
        self.log(f"{name}: {self.result.timings[name]} s")

    def rng(self, part: str) -> random.Random:
        # One stream per part, so changing the size of one table leaves the others' draws alone.
        return random.Random(f"{self.seed}:{part}")

    def next_id(self, model) -> int:
        # Never below where the table stood before --replace: a removed province's ids are
        # not given again, so the entries the log keeps of it name no new row.
        return max(next_id(model), self.id_floors.get(model._meta.label, 0))

    def person_id(self, ordinal: int) -> int:
        return self.person_base + ordinal

    # -- the run --------------------------------------------------------------------------
    def run(self) -> Result:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])
        self._timed("units", self.write_units)
        self._timed("people", self.write_people)
        self._timed("accounts", self.write_accounts)
        self._timed("ratings", self.write_ratings)
        self._timed("nominations", self.write_nominations)
        self._timed("movements", self.write_movements)
        self._timed("plans", self.write_plans)
        reset_sequences(id_models())
        return self.result

    def write_units(self) -> None:
        sizes = self.sizes
        self.tree = plan_tree(
            seed=self.seed,
            councils=sizes.councils,
            units=sizes.units,
            people=sizes.people,
            first_id=self.next_id(Unit),
        )
        write_tree(self.tree)
        self.result.counts["units"] = sizes.units
        self.result.counts["councils"] = sizes.councils + 1

    def write_people(self) -> None:
        self.person_base = self.next_id(Person)
        writer = TableWriter(
            Person,
            [
                "id",
                "code",
                "full_name",
                "unit_id",
                "position",
                "gender",
                "birth_year",
                "is_direct_worker",
                "is_manager",
                "email",
                "search_text",
                "sort_key",
            ],
        )
        for block in self.tree.blocks:
            for unit_id, first, count in block.people:
                for ordinal in range(first, first + count):
                    facts = names.person_facts(self.seed, ordinal)
                    code = f"sp-p{ordinal:07d}"
                    writer.add(
                        (
                            self.person_id(ordinal),
                            code,
                            facts.full_name,
                            unit_id,
                            facts.position,
                            facts.gender,
                            facts.birth_year,
                            facts.is_direct_worker,
                            facts.is_manager,
                            "",
                            names.person_search_text(facts.full_name, code),
                            names.name_sort_key(facts.full_name),
                        )
                    )
        writer.flush()
        self.result.counts["people"] = writer.written

    def write_accounts(self) -> None:
        """Council seats for every council; benchmark accounts for the city and two wards."""
        members = []
        for block in self.tree.blocks:
            seats = [
                (CouncilRole.CHAIRMAN, "Chủ tịch Hội đồng"),
                (CouncilRole.VICE_CHAIRMAN, "Phó Chủ tịch thường trực"),
                (CouncilRole.MEMBER, "Ủy viên"),
            ]
            own = block.people[0] if block.people else None
            if own is None:
                continue
            _unit, first, count = own
            for offset, (role, title) in enumerate(seats[:count]):
                members.append(
                    CouncilMember(
                        council_id=block.council_id,
                        person_id=self.person_id(first + offset),
                        role=role,
                        title_in_council=title,
                    )
                )
        CouncilMember.objects.bulk_create(members, batch_size=500)
        rows = []
        for block in [self.tree.city, *self.tree.wards[:2]]:
            slug = "thanhpho" if block.is_city else f"x{block.index:04d}"
            # The city's first department after its standing office; a ward's first school.
            officer_unit = (
                block.units[2]
                if block.is_city
                else next(unit for unit in block.units[1:] if unit.kind == UnitKind.SCHOOL)
            )
            for role, suffix, label in ACCOUNT_ROLES:
                username = f"{ACCOUNT_PREFIX}{suffix}.{slug}"
                unit_id = officer_unit.id if role == Role.UNIT_OFFICER else block.unit.id
                user = User.objects.filter(username=username).first() or User(username=username)
                user.role, user.unit_id, user.council_id = role, unit_id, block.council_id
                user.first_name = f"{label} {block.name}"
                user.is_active = True
                user.set_password(self.password)
                user.save()
                Membership.objects.filter(user=user).exclude(council_id=block.council_id).delete()
                if role == Role.STANDING_OFFICE:
                    self.office_actor[block.index] = user.pk
                seat = {Role.LEADER: CouncilRole.CHAIRMAN, Role.COUNCIL_MEMBER: CouncilRole.MEMBER}
                if role in seat:
                    CouncilMember.objects.filter(
                        council_id=block.council_id, role=seat[role]
                    ).update(user=user)
                rows.append(
                    {
                        "username": username,
                        "password": self.password,
                        "role": role.value,
                        "council": block.council_name,
                        "council_id": block.council_id,
                        "unit": next(u.name for u in block.units if u.id == unit_id),
                        "unit_id": unit_id,
                    }
                )
        self.result.accounts = rows
        self.result.counts["accounts"] = len(rows)

    def write_ratings(self) -> None:
        """One rating per person and year, latest years first, then units, up to --ratings."""
        rng = self.rng("ratings")
        pick = _cumulative_picker(rng, RATING_LEVELS)
        writer = TableWriter(upper.Rating, ["person_id", "unit_id", "year", "level"])
        remaining = self.sizes.ratings
        people = self.sizes.people
        for year in reversed(self.sizes.year_range):
            take = min(remaining, people)
            for ordinal in range(take):
                writer.add((self.person_id(ordinal), None, year, pick()))
            remaining -= take
        units = [unit.id for unit in self.tree.all_units()]
        for year in reversed(self.sizes.year_range):
            take = min(remaining, len(units))
            for unit_id in units[:take]:
                writer.add((None, unit_id, year, pick()))
            remaining -= take
        writer.flush()
        self.result.counts["ratings"] = writer.written

    def write_nominations(self) -> None:
        NominationWriter(self).run()

    def write_movements(self) -> None:
        """Each year the city launches one movement to the wards and its departments; each
        target unit registers for it (the last year's registrations still in progress)."""
        rng = self.rng("movements")
        tree = self.tree
        targets = [unit for unit in tree.city.units[1:] if unit.parent_id == tree.root.id] + [
            block.unit for block in tree.wards
        ]
        people_of = {
            unit_id: (first, count)
            for block in tree.blocks
            for unit_id, first, count in block.people
        }
        entries, registrations = [], 0
        for year in self.sizes.year_range:
            last = year == self.sizes.last_year
            movement = upper.Movement.objects.create(
                name=f"Phong trào thi đua yêu nước năm {year} (giả lập)",
                kind="regular",
                year=year,
                launched_by_id=tree.root.id,
                starts_on=datetime.date(year, 1, 15),
                ends_on=datetime.date(year, 12, 15),
                registration_deadline=datetime.date(year, 3, 31),
                status="launched" if last else "closed",
                document_number=f"{year - 2000:02d}/KH-UBND",
                launched_at=_aware(datetime.date(year, 1, 15), 8 * 3600),
            )
            movement.target_units.set([unit.id for unit in targets])
            upper.MovementNotice.objects.bulk_create(
                [
                    upper.MovementNotice(
                        movement=movement,
                        unit_id=unit.id,
                        sent_at=_aware(datetime.date(year, 1, 15), 9 * 3600),
                    )
                    for unit in targets
                ],
                batch_size=500,
            )
            created = upper.Registration.objects.bulk_create(
                [
                    upper.Registration(
                        movement=movement,
                        unit_id=unit.id,
                        state=(
                            rng.choice(["draft", "submitted", "submitted", "approved", "returned"])
                            if last
                            else "approved"
                        ),
                        commitment=f"Đăng ký thi đua năm {year} của {unit.name}.",
                        submitted_at=_aware(datetime.date(year, 3, rng.randint(1, 30)), 9 * 3600),
                    )
                    for unit in targets
                ],
                batch_size=500,
            )
            registrations += len(created)
            for registration in created:
                entries.append(
                    upper.RegistrationEntry(
                        registration_id=registration.pk, title="tap_the_lao_dong_tien_tien"
                    )
                )
                # And two of the unit's own people, for the individual titles.
                first, count = people_of.get(registration.unit_id, (0, 0))
                for ordinal in sorted(set(rng.sample(range(first, first + count), min(2, count)))):
                    entries.append(
                        upper.RegistrationEntry(
                            registration_id=registration.pk,
                            person_id=self.person_id(ordinal),
                            title=rng.choice(["lao_dong_tien_tien", "chien_si_thi_dua_co_so"]),
                        )
                    )
            if len(entries) > 5000:
                upper.RegistrationEntry.objects.bulk_create(entries, batch_size=1000)
                entries = []
        upper.RegistrationEntry.objects.bulk_create(entries, batch_size=1000)
        self.result.counts["movements"] = self.sizes.years
        self.result.counts["registrations"] = registrations

    def write_plans(self) -> None:
        """A yearly plan with its tasks for every council; the lead units are its own."""
        rng = self.rng("plans")
        plans = tasks = 0
        for block in self.tree.blocks:
            for year in self.sizes.year_range:
                plan = upper.Plan.objects.create(
                    council_id=block.council_id,
                    year=year,
                    number=f"{block.index + 1}/KH-HĐTĐKT-SP{block.index:04d}",
                    date=datetime.date(year, 1, 10),
                    place=block.name,
                    title=f"Kế hoạch công tác thi đua, khen thưởng năm {year}",
                    issuer=block.council_name,
                )
                created = upper.Task.objects.bulk_create(
                    [
                        upper.Task(
                            plan=plan,
                            position=position,
                            number=str(position),
                            content=f"Nhiệm vụ số {position} của kế hoạch năm {year}",
                            deadline_kind="date",
                            deadline_date=datetime.date(year, 1 + 2 * (position - 1), 25),
                            deadline_text=f"Trước ngày 25/{1 + 2 * (position - 1):02d}/{year}",
                        )
                        for position in range(1, TASKS_PER_PLAN + 1)
                    ]
                )
                through = upper.Task.lead_units.through
                through.objects.bulk_create(
                    [
                        through(task_id=task.pk, unit_id=rng.choice(block.units).id)
                        for task in created
                    ]
                )
                plans += 1
                tasks += len(created)
        self.result.counts["plans"] = plans
        self.result.counts["tasks"] = tasks


class NominationWriter:
    """Nominations council by council and year by year, with their decisions (one per title
    and group of up to NOMINATIONS_PER_DECISION, numbered from 1 per issuer and year), a
    certificate for every decided one, and the audit entries spread evenly over them, each
    with the history row (`awards.Transition`) the workflow engine writes beside it."""

    def __init__(self, generator: Generator):
        self.g = generator
        self.sizes = generator.sizes
        self.rng = generator.rng("nominations")
        titles = dict(upper.Title.objects.values_list("code", "id"))
        self.title_names = dict(upper.Title.objects.values_list("id", "name"))
        bases = dict(upper.AwardBasis.objects.values_list("code", "id"))
        self.regular_basis = bases.get("thuong_xuyen") or next(iter(bases.values()))

        def present(choices):
            kept = [(titles[code], weight) for code, weight in choices if code in titles]
            return kept or [(next(iter(titles.values())), 1)]

        self.pickers = {
            (True, "person"): _cumulative_picker(self.rng, present(CITY_PERSON_TITLES)),
            (True, "collective"): _cumulative_picker(self.rng, present(CITY_COLLECTIVE_TITLES)),
            (False, "person"): _cumulative_picker(self.rng, present(WARD_PERSON_TITLES)),
            (False, "collective"): _cumulative_picker(self.rng, present(WARD_COLLECTIVE_TITLES)),
        }
        self.past_state = _cumulative_picker(self.rng, PAST_STATES)
        self.last_state = _cumulative_picker(self.rng, LAST_YEAR_STATES)
        self.nominations = TableWriter(
            upper.Nomination,
            [
                "id",
                "unit_id",
                "person_id",
                "collective_id",
                "title_id",
                "basis_id",
                "year",
                "event",
                "achievements",
                "state",
                "version",
                "decision_id",
                "handed_over_on",
                "lower_vote",
                "created_at",
                "updated_at",
            ],
        )
        self.decisions = TableWriter(
            upper.Decision,
            [
                "id",
                "issuer_id",
                "year",
                "number",
                "symbol",
                "external_reference",
                "external_issuer",
                "signed_on",
                "subject",
                "signer",
                "signer_role",
                "created_at",
                "state",
                "version",
                "revoke_reason",
            ],
        )
        self.certificates = TableWriter(
            upper.Certificate,
            [
                "id",
                "nomination_id",
                "decision_id",
                "token",
                "recipient",
                "title_name",
                "achievement",
                "issued_at",
                "revoke_reason",
                # No bonus kept: the amount is computed on the signing date when shown.
                "bonus_basis",
                "bonus_unconfirmed",
            ],
        )
        self.audit = TableWriter(
            AuditEntry,
            [
                "id",
                "at",
                "actor_id",
                "action",
                "object_type",
                "object_id",
                "object_repr",
                "before",
                "after",
                "note",
                "previous_hash",
                "entry_hash",
            ],
            json_columns=frozenset({"before", "after"}),
        )
        # The history row the workflow engine writes beside each audited step.
        self.transitions = TableWriter(
            upper.Transition,
            ["nomination_id", "action", "from_state", "to_state", "actor_id", "note", "at"],
        )
        self.nomination_id = generator.next_id(upper.Nomination)
        self.decision_id = generator.next_id(upper.Decision)
        self.certificate_id = generator.next_id(upper.Certificate)
        self.audit_id = generator.next_id(AuditEntry)
        self.previous_hash = (
            AuditEntry.objects.order_by("-pk").values_list("entry_hash", flat=True).first()
            or chain.GENESIS
        )
        self.counters: dict[tuple[int, int], int] = {}
        self.written = 0
        self.audited = 0

    def per_block_year(self) -> list[list[int]]:
        """How many nominations each council makes each year: by its share of the people."""
        blocks = self.g.tree.blocks
        weights = [block.person_count for block in blocks]
        cells = [weight for weight in weights for _year in self.sizes.year_range]
        flat = shares(self.sizes.nominations, cells)
        years = self.sizes.years
        return [flat[index * years : (index + 1) * years] for index in range(len(blocks))]

    def run(self) -> None:
        plan = self.per_block_year()
        blocks = self.g.tree.blocks
        for year_index, year in enumerate(self.sizes.year_range):
            # Every council files its year at the same time, so their rows interleave by id
            # as they do in a province's database (one council's year after another's made
            # a ward's rows one run of ids, and PostgreSQL's walk of the ids for a page
            # skipped 900,000 rows to reach them).
            filing = [
                self.block_year(block, year, counts[year_index])
                for block, counts in zip(blocks, plan, strict=True)
            ]
            turns = [index for index, counts in enumerate(plan) for _ in range(counts[year_index])]
            self.rng.shuffle(turns)
            for index in turns:
                next(filing[index])
        writers = (
            self.decisions,
            self.nominations,
            self.certificates,
            self.audit,
            self.transitions,
        )
        for writer in writers:
            writer.flush()
        upper.DecisionCounter.objects.bulk_create(
            [
                upper.DecisionCounter(issuer_id=issuer, year=year, last_number=last)
                for (issuer, year), last in sorted(self.counters.items())
            ],
            batch_size=1000,
        )
        counts = self.g.result.counts
        counts["nominations"] = self.nominations.written
        counts["decisions"] = self.decisions.written
        counts["certificates"] = self.certificates.written
        counts["audit"] = self.audit.written
        counts["transitions"] = self.transitions.written

    def block_year(self, block: Block, year: int, count: int):
        """The council's nominations of the year, one row per step (see `run`)."""
        rng = self.rng
        last = year == self.sizes.last_year
        units = block.units
        person_units = block.people  # (unit id, first ordinal, count)
        starts = [first for _unit, first, _count in person_units]
        first, total = block.first_person, block.person_count
        in_block = {unit.id for unit in units}
        issuer = block.unit.id
        decisions: dict[tuple[int, int], tuple[int, int]] = {}  # (title, group) -> id, size
        signed_on = datetime.date(year, 12, 20) if last else datetime.date(year + 1, 1, 15)
        actor = self.g.office_actor.get(block.index)
        for _ in range(count):
            if rng.random() < COLLECTIVE_SHARE or not total:
                # A collective is proposed by the unit above it, or by itself at the top.
                collective = rng.choice(units)
                person_id, subject_name = None, collective.name
                parent = collective.parent_id
                unit_id = parent if parent in in_block else collective.id
                collective_id = collective.id
                title_id = self.pickers[(block.is_city, "collective")]()
            else:
                ordinal = first + rng.randrange(total)
                unit_id = person_units[bisect.bisect_right(starts, ordinal) - 1][0]
                person_id, collective_id = self.g.person_id(ordinal), None
                subject_name = names.person_facts(self.g.seed, ordinal).full_name
                title_id = self.pickers[(block.is_city, "person")]()
            state = self.last_state() if last else self.past_state()
            if state == "forwarded" and block.is_city:
                state = "voted"
            created_at = _aware(datetime.date(year, 10, 1), rng.randrange(60 * 86400))
            achievement = ACHIEVEMENTS[rng.randrange(len(ACHIEVEMENTS))].format(year=year)
            decision_id = None
            handed_over_on = None
            if state in DECIDED_STATES:
                group = 0
                key = (title_id, group)
                while key in decisions and decisions[key][1] >= NOMINATIONS_PER_DECISION:
                    group += 1
                    key = (title_id, group)
                if key not in decisions:
                    decisions[key] = (self.new_decision(issuer, year, title_id, signed_on), 0)
                decision_id, size = decisions[key]
                decisions[key] = (decision_id, size + 1)
                if state == "handed_over":
                    handed_over_on = signed_on + datetime.timedelta(days=10)
            nomination_id = self.nomination_id
            self.nomination_id += 1
            self.nominations.add(
                (
                    nomination_id,
                    unit_id,
                    person_id,
                    collective_id,
                    title_id,
                    self.regular_basis,
                    year,
                    "",
                    achievement,
                    state,
                    1,
                    decision_id,
                    handed_over_on,
                    "",
                    created_at,
                    created_at,
                )
            )
            title_name = self.title_names[title_id]
            if decision_id is not None:
                token = base64.urlsafe_b64encode(rng.getrandbits(192).to_bytes(24, "big"))
                self.certificates.add(
                    (
                        self.certificate_id,
                        nomination_id,
                        decision_id,
                        token.decode(),
                        subject_name[:255],
                        title_name[:255],
                        achievement,
                        _aware(signed_on, 10 * 3600),
                        "",
                        "",
                        False,
                    )
                )
                self.certificate_id += 1
            self.maybe_audit(
                nomination_id, state, actor, created_at, f"{title_name} – {subject_name} ({year})"
            )
            self.written += 1
            yield

    def new_decision(self, issuer: int, year: int, title_id: int, signed_on) -> int:
        number = self.counters.get((issuer, year), 0) + 1
        self.counters[(issuer, year)] = number
        decision_id = self.decision_id
        self.decision_id += 1
        self.decisions.add(
            (
                decision_id,
                issuer,
                year,
                number,
                "QĐ-UBND",
                "",
                "",
                signed_on,
                f"Về việc tặng {self.title_names[title_id]} năm {year}",
                "",
                "",
                _aware(signed_on, 9 * 3600),
                "issued",
                1,
                "",
            )
        )
        return decision_id

    def maybe_audit(self, nomination_id, state, actor, at, representation) -> None:
        # Evenly spread: exactly --audit entries over --nominations (a Bresenham step).
        index, target, total = self.written, self.sizes.audit, self.sizes.nominations
        if (index + 1) * target // total == index * target // total:
            return
        step, from_state = LAST_STEP[state]
        fields = {
            "at": at + datetime.timedelta(days=1),
            "actor_id": actor,
            "action": f"awards.nomination.{step}",
            "object_type": "awards.nomination",
            "object_id": str(nomination_id),
            "object_repr": representation[:255],
            "before": None if from_state is None else {"state": from_state},
            "after": {"state": state},
            "note": "",
        }
        entry_hash = chain.entry_hash(fields, self.previous_hash)
        self.audit.add(
            (
                self.audit_id,
                fields["at"],
                actor,
                fields["action"],
                fields["object_type"],
                fields["object_id"],
                fields["object_repr"],
                fields["before"],
                fields["after"],
                "",
                self.previous_hash,
                entry_hash,
            )
        )
        self.audit_id += 1
        self.previous_hash = entry_hash
        if from_state is not None:
            self.transitions.add((nomination_id, step, from_state, state, actor, "", fields["at"]))


def refresh_planner_statistics() -> None:
    """ANALYZE after the bulk load: until autovacuum comes by, PostgreSQL plans with the
    statistics of empty tables (it guessed 1 unit under the city's path where there are
    1,127, and sorted 300,000 people for a page of 25: 98 ms instead of a walk of the name
    index)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def generate(
    sizes: Sizes, *, seed: int, password: str, replace_existing: bool = False, log=None
) -> Result:
    """The whole province in one transaction: all of it, or nothing if anything fails."""
    timings, id_floors = {}, {}
    with transaction.atomic(), loading_seed_data():
        if province_exists():
            if not replace_existing:
                raise ProvinceExists(
                    "Cơ sở dữ liệu đã có một tỉnh giả lập (đơn vị mã "
                    f"{ROOT_CODE}). Chạy lại với --replace để xóa nó và tạo lại."
                )
            started = time.monotonic()
            id_floors = {model._meta.label: next_id(model) for model in id_models()}
            replace.remove_province(log=log)
            timings["replace"] = round(time.monotonic() - started, 2)
        generator = Generator(sizes, seed=seed, password=password, log=log, id_floors=id_floors)
        result = generator.run()
        committing = time.monotonic()
    # On PostgreSQL the foreign keys are checked at the commit (deferred): it takes its share.
    timings["commit"] = round(time.monotonic() - committing, 2)
    analysing = time.monotonic()
    refresh_planner_statistics()
    timings["analyze"] = round(time.monotonic() - analysing, 2)
    result.timings.update(timings)
    return result
