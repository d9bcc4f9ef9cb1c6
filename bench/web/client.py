"""Plain HTTP against the running server: a login through the form, and a bounded load.

Standard library only (http.client), so nothing between the clients and gunicorn but the
socket. Each client thread keeps its own connection open as long as the server allows
(gunicorn's sync workers close it after every response, as behind nginx in production).
"""

import http.client
import itertools
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

LOGIN_PATH = "/accounts/login/"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken"\s+value="([^"]+)"')
TIMEOUT_SECONDS = 180


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes
    cookies: dict[str, str] = field(default_factory=dict)


def fetch(host: str, port: int, method: str, path: str, headers=None, body=None) -> Response:
    connection = http.client.HTTPConnection(host, port, timeout=TIMEOUT_SECONDS)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        answer = connection.getresponse()
        content = answer.read()
        cookies = {}
        for raw in answer.headers.get_all("Set-Cookie") or []:
            parsed = SimpleCookie()
            parsed.load(raw)
            cookies.update({name: morsel.value for name, morsel in parsed.items()})
        headers_seen = {name.lower(): value for name, value in answer.getheaders()}
        return Response(answer.status, headers_seen, content, cookies)
    finally:
        connection.close()


def login(host: str, port: int, username: str, password: str) -> str:
    """Sign in through the login form (GET for the CSRF token, then POST); the session id."""
    form = fetch(host, port, "GET", LOGIN_PATH)
    token = CSRF_INPUT.search(form.body.decode("utf-8", "replace"))
    csrf_cookie = form.cookies.get("csrftoken")
    if form.status != 200 or not token or not csrf_cookie:
        raise RuntimeError(f"the login form answered {form.status} without a CSRF token")
    body = urlencode(
        {
            "csrfmiddlewaretoken": token.group(1),
            "username": username,
            "password": password,
            "next": "",
        }
    )
    answer = fetch(
        host,
        port,
        "POST",
        LOGIN_PATH,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf_cookie}",
            "Referer": f"http://{host}:{port}{LOGIN_PATH}",
        },
        body=body,
    )
    session = answer.cookies.get("sessionid")
    if answer.status != 302 or not session:
        raise RuntimeError(f"login of {username} refused (status {answer.status})")
    where = answer.headers.get("location", "")
    if "second-factor" in where:
        raise RuntimeError(
            f"{username} is sent to the second factor ({where}): the bench accounts must not "
            "owe one (SECOND_FACTOR_REQUIRED_ROLES empty, no enrolled device)"
        )
    return session


@dataclass
class Load:
    latencies: list[float]
    statuses: Counter
    wall_seconds: float
    errors: int


def run_load(
    host: str,
    port: int,
    path: str,
    cookie: str,
    *,
    requests: int,
    concurrency: int,
    max_seconds: float | None = None,
) -> Load:
    """`requests` GETs of `path` shared by `concurrency` threads; a warm-up round first.

    With `max_seconds`, no request starts after that long, so a very slow page is measured
    on fewer requests instead of holding the run for hours (the Load says how many).
    """
    headers = {"Cookie": cookie} if cookie else {}
    latencies: list[float] = []
    statuses: Counter = Counter()
    errors = 0
    lock = threading.Lock()
    tickets = itertools.count()
    deadline = float("inf")

    def worker(quota: int | None) -> None:
        nonlocal errors
        connection = http.client.HTTPConnection(host, port, timeout=TIMEOUT_SECONDS)
        done = 0
        try:
            while True:
                if quota is not None:
                    if done >= quota:
                        return
                elif next(tickets) >= requests or time.perf_counter() > deadline:
                    return
                done += 1
                started = time.perf_counter()
                try:
                    connection.request("GET", path, headers=headers)
                    answer = connection.getresponse()
                    answer.read()
                    status = answer.status
                except (http.client.HTTPException, OSError):
                    # The server closed a kept-alive connection: reconnect and count it failed.
                    connection.close()
                    connection = http.client.HTTPConnection(host, port, timeout=TIMEOUT_SECONDS)
                    with lock:
                        errors += 1
                    continue
                elapsed = time.perf_counter() - started
                if quota is None:
                    with lock:
                        latencies.append(elapsed)
                        statuses[status] += 1
        finally:
            connection.close()

    def round_of(quota: int | None) -> float:
        threads = [threading.Thread(target=worker, args=(quota,)) for _ in range(concurrency)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.perf_counter() - started

    round_of(1)  # every worker process has run the page once before the clock starts
    if max_seconds is not None:
        deadline = time.perf_counter() + max_seconds
    wall = round_of(None)
    return Load(latencies, statuses, wall, errors)
