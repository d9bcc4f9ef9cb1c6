"""The load and the login against a stand-in server in a thread (no gunicorn, no database)."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.web import client

FORM = b'<form><input type="hidden" name="csrfmiddlewaretoken" value="tok123"></form>'


class StandIn(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    posted: list = []
    delay = 0.0

    def log_message(self, *args):
        pass

    def _answer(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        time.sleep(self.delay)
        if self.path == client.LOGIN_PATH:
            self._answer(200, FORM, [("Set-Cookie", "csrftoken=c1; Path=/")])
        else:
            self._answer(200, b"{}", [("Content-Type", "application/json")])

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        StandIn.posted.append((self.headers.get("Cookie"), body))
        where = "/" if "password=right" in body else "/accounts/second-factor/verify/"
        self._answer(302, headers=[("Location", where), ("Set-Cookie", "sessionid=s9; Path=/")])


@pytest.fixture
def server():
    StandIn.posted = []
    StandIn.delay = 0.0
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def test_login_posts_the_form_token_with_its_cookie_and_returns_the_session(server):
    assert client.login("127.0.0.1", server, "thuongtruc", "right") == "s9"
    cookie, body = StandIn.posted[0]
    assert cookie == "csrftoken=c1"
    assert "csrfmiddlewaretoken=tok123" in body and "username=thuongtruc" in body


def test_login_sent_to_the_second_factor_says_so(server):
    with pytest.raises(RuntimeError, match="second factor"):
        client.login("127.0.0.1", server, "thuongtruc", "wrong")


def test_the_load_makes_exactly_the_requests_asked_after_a_warm_up(server):
    load = client.run_load("127.0.0.1", server, "/api/", "sessionid=s9", requests=30, concurrency=4)
    assert len(load.latencies) == 30
    assert load.statuses == {200: 30}
    assert load.errors == 0 and load.wall_seconds > 0


def test_a_slow_page_stops_at_the_time_limit_with_fewer_requests(server):
    StandIn.delay = 0.05
    load = client.run_load(
        "127.0.0.1", server, "/slow/", "", requests=1000, concurrency=2, max_seconds=0.2
    )
    assert 2 <= len(load.latencies) < 40
