"""The web benchmark (`make bench-web`): real gunicorn, real logins, every page of every role.

`python -m bench.web` builds or reuses a PostgreSQL database per size, serves it with
gunicorn as production does, and loads each page a role can open with 16 concurrent
clients. The pure parts (statistics, page classification, targets, the table) are plain
functions tested in `bench/web/tests/`; the run itself never happens in CI.
"""
