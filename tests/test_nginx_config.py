"""config/nginx/vinhdanh.conf: two stateless gunicorn instances on loopback behind nginx.

What the application relies on is read from the file itself; where Debian's nginx is
installed, `config/nginx/check.sh` also runs `nginx -t` on it (the documented check).
"""

import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONF = (ROOT / "config" / "nginx" / "vinhdanh.conf").read_text()


def _block(head: str) -> str:
    start = CONF.index(head)
    depth, end = 0, start
    for end in range(CONF.index("{", start), len(CONF)):
        depth += {"{": 1, "}": -1}.get(CONF[end], 0)
        if depth == 0:
            break
    return CONF[start : end + 1]


def _directives(block: str) -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in block.splitlines())
    return [line.rstrip(";") for line in lines if line]


def test_two_gunicorn_instances_on_loopback():
    upstream = _directives(_block("upstream vinhdanh_web"))
    servers = [line.split()[1] for line in upstream if line.startswith("server ")]
    assert servers == ["127.0.0.1:8001", "127.0.0.1:8002"]


def test_the_proxy_passes_what_the_app_reads_and_never_serves_the_files_folder():
    site = _block("location / ")
    directives = _directives(site)
    assert "proxy_pass http://vinhdanh_web" in directives
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for" in directives
    assert "proxy_set_header X-Forwarded-Proto $scheme" in directives
    assert "proxy_set_header Host $host" in directives
    # A failed instance is skipped; a POST is not replayed (nginx's non_idempotent is absent).
    assert any(d.startswith("proxy_next_upstream error timeout") for d in directives)
    assert "non_idempotent" not in site
    files = _directives(_block("location /protected-files/"))
    assert "internal" in files
    assert "/media" not in CONF
    assert re.search(r"client_max_body_size 20m;", CONF)


def test_nginx_accepts_the_file_where_it_is_installed():
    if shutil.which("nginx") is None:
        return  # the static checks above still ran; the script says how to install nginx
    result = subprocess.run(
        ["bash", str(ROOT / "config" / "nginx" / "check.sh")],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "passes nginx -t" in result.stdout
