"""One PostgreSQL database per size, built once and reused while its marker matches.

A database built by `generate_province` (when the project has it) is named
`vd_bench_<size>`; without it the harness loads the demo into `vd_bench`. The marker table
`bench_web_marker` says how the data was made (source, nominations, seed) and keeps the
accounts, so a rerun with the same size and seed skips the generation.
"""

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = "generate_province"
GENERATED = "generate_province"
DEMO = "demo"
MARKER_TABLE = "bench_web_marker"
# The bench runs with DEBUG off, as production; the data it loads has public passwords, so
# the loaders want to be told this database is not production.
NOT_PRODUCTION = "--i-know-this-is-not-production"


def generator_available(root: Path = ROOT) -> bool:
    """Whether an app of the project ships the `generate_province` command."""
    return any(root.glob(f"vinhdanh/*/management/commands/{GENERATOR}.py"))


def database_name(size: int | None, source: str) -> str:
    return f"vd_bench_{size}" if source == GENERATED else "vd_bench"


@dataclass(frozen=True)
class Built:
    name: str
    url: str
    source: str
    size: int | None
    seed: int
    accounts: list[dict]
    reused: bool


def server_url(base: str, name: str) -> str:
    return f"{base.rstrip('/')}/{name}"


def _marker(url: str) -> tuple | None:
    with psycopg.connect(url, autocommit=True) as connection:
        exists = connection.execute("SELECT to_regclass(%s)", (MARKER_TABLE,)).fetchone()[0]
        if exists is None:
            return None
        return connection.execute(
            f"SELECT source, nominations, seed, accounts FROM {MARKER_TABLE} "
            "ORDER BY created_at DESC LIMIT 1"
        ).fetchone()


def _write_marker(url: str, source: str, size: int | None, seed: int, accounts: list) -> None:
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(
            f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (source text NOT NULL, "
            "nominations integer, seed integer NOT NULL, accounts text NOT NULL, "
            "created_at timestamptz NOT NULL DEFAULT now())"
        )
        connection.execute(f"DELETE FROM {MARKER_TABLE}")
        connection.execute(
            f"INSERT INTO {MARKER_TABLE} (source, nominations, seed, accounts) "
            "VALUES (%s, %s, %s, %s)",
            (source, size, seed, json.dumps(accounts, ensure_ascii=False)),
        )


def _exists(server: str, name: str) -> bool:
    with psycopg.connect(server_url(server, "postgres"), autocommit=True) as connection:
        row = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        return row.fetchone() is not None


def _recreate(server: str, name: str) -> None:
    with psycopg.connect(server_url(server, "postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def manage(env: dict, *arguments: str, capture: bool = False) -> str:
    """Run `manage.py` with the bench environment; its output when `capture`."""
    done = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return done.stdout or ""


def build_or_reuse(server: str, size: int | None, seed: int, env: dict, scratch: Path) -> Built:
    """The database for `size`, generated (or the demo loaded) unless its marker matches."""
    source = GENERATED if generator_available() and size is not None else DEMO
    name = database_name(size, source)
    url = server_url(server, name)
    env = {**env, "DATABASE_URL": url}
    kept_size = size if source == GENERATED else None
    if _exists(server, name):
        marker = _marker(url)
        if marker is not None and marker[:3] == (source, kept_size, seed):
            print(f"   {name}: reused ({source}, size {size}, seed {seed})", flush=True)
            manage(env, "migrate", "--noinput", "--verbosity", "0")
            return Built(name, url, source, size, seed, json.loads(marker[3]), reused=True)
    print(f"   {name}: building ({source}, size {size}, seed {seed})", flush=True)
    _recreate(server, name)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    if source == GENERATED:
        accounts_path = scratch / f"accounts-{name}.json"
        arguments = ["--nominations", str(size), "--seed", str(seed)]
        arguments += ["--accounts-json", str(accounts_path)]
        if NOT_PRODUCTION in manage(env, GENERATOR, "--help", capture=True):
            arguments.append(NOT_PRODUCTION)
        manage(env, GENERATOR, *arguments)
        accounts = json.loads(accounts_path.read_text())
    else:
        manage(env, "load_demo", NOT_PRODUCTION)
        accounts = json.loads(manage(env, "demo_accounts", "--json", capture=True))
    _write_marker(url, source, kept_size, seed, accounts)
    return Built(name, url, source, kept_size, seed, accounts, reused=False)


def pick_accounts(
    accounts: list[dict], wanted: str = "", in_force: set[str] | None = None
) -> list[dict]:
    """One account per role, in the order the roles first appear.

    Per role, the first listed account whose seat is in force (`in_force`: usernames; the
    demo lists the dissolved district's accounts before the city's), else the first listed.
    `wanted` ("all", or usernames separated by commas) overrides the choice.
    """
    if wanted.strip() == "all":
        firsts: dict[str, dict] = {}
        for row in accounts:
            firsts.setdefault(row["username"], row)
        return list(firsts.values())
    if wanted.strip():
        names = [name.strip() for name in wanted.split(",") if name.strip()]
        by_name = {row["username"]: row for row in reversed(accounts)}
        missing = [name for name in names if name not in by_name]
        if missing:
            raise ValueError(f"no such bench account: {', '.join(missing)}")
        return [by_name[name] for name in names]
    in_force = set(in_force or ())
    chosen: dict[str, dict] = {}
    for row in accounts:
        current = chosen.get(row["role"])
        if current is None or (row["username"] in in_force and current["username"] not in in_force):
            chosen[row["role"]] = row
    return list(chosen.values())
