"""Small builders for registry rows used across tests."""

from vinhdanh.accounts.models import Role, User
from vinhdanh.org.models import Level, Person, Unit


def level(code="district", rank=3) -> Level:
    return Level.objects.get_or_create(code=code, defaults={"name": code, "rank": rank})[0]


def unit(code, parent=None, kind="ward", name=None) -> Unit:
    return Unit.objects.create(
        code=code,
        name=name or code.replace("-", " ").title(),
        kind=kind,
        level=level(),
        parent=parent,
    )


def person(code, unit, full_name="Nguyễn Văn An", gender="male") -> Person:
    return Person.objects.create(code=code, full_name=full_name, unit=unit, gender=gender)


def user(username, role, unit=None) -> User:
    return User.objects.create_user(
        username=username, password="x-Strong-pass-1", role=role, unit=unit
    )


def admin_user() -> User:
    return user("root-admin", Role.ADMIN)
