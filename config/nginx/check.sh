#!/usr/bin/env bash
# Checks config/nginx/vinhdanh.conf with `nginx -t`, loaded inside `http { }` as Debian's
# nginx loads a site, with a throw-away certificate in place of the real one.
#   config/nginx/check.sh          the syntax and every directive's arguments (nginx -t)
#   config/nginx/check.sh --run    also serves a demo database through it, on loopback only,
#                                  from two gunicorn instances, and checks that one signed-in
#                                  session is answered by both, then by one while the
#                                  other is stopped (ports 8720-8722)
# Needs Debian's nginx (apt-get install nginx) and openssl; --run needs the project's venv.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
command -v nginx >/dev/null || { echo "nginx is not installed: apt-get install nginx" >&2; exit 2; }

work=$(mktemp -d)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=thidua.example.gov.vn \
  -keyout "$work/privkey.pem" -out "$work/fullchain.pem" 2>/dev/null
site="$work/vinhdanh.conf"
sed -e "s#/etc/ssl/vinhdanh/#$work/#g" "$here/vinhdanh.conf" >"$site"
if [ "${1:-}" = "--run" ]; then
  # Loopback ports of this check instead of 80, 443, 8001 and 8002.
  sed -i -e 's#listen \[::\]:[0-9]*[^;]*;##' \
    -e 's#listen 80;#listen 127.0.0.1:8729;#' \
    -e 's#listen 443 ssl http2;#listen 127.0.0.1:8720 ssl http2;#' \
    -e 's#127.0.0.1:8001#127.0.0.1:8721#' -e 's#127.0.0.1:8002#127.0.0.1:8722#' "$site"
fi
cat >"$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    log_format upstream '\$request \$status \$upstream_addr';
    access_log $work/access.log upstream;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    include $site;
}
CONF
nginx -t -q -p "$work" -e "$work/error.log" -c "$work/nginx.conf"
echo "OK: config/nginx/vinhdanh.conf passes nginx -t ($(nginx -v 2>&1))"
[ "${1:-}" = "--run" ] || exit 0

python="$root/.venv/bin/python"
[ -x "$python" ] || python=/work/main/.venv/bin/python
export DEBUG=0 SECRET_KEY="check-only-$(openssl rand -hex 32)" ALLOWED_HOSTS=thidua.example.gov.vn \
  DATABASE_URL="sqlite:///$work/db.sqlite3" PRIVATE_FILES_ROOT="$work/private" TRUSTED_PROXY_COUNT=1 \
  SECURE_SSL_REDIRECT=0 CSRF_TRUSTED_ORIGINS=https://thidua.example.gov.vn:8720
cd "$root"
"$python" manage.py migrate --noinput -v0
"$python" manage.py load_demo --i-know-this-is-not-production >/dev/null
for port in 8721 8722; do
  "$python" -m gunicorn vinhdanh.wsgi:application --bind "127.0.0.1:$port" --workers 1 \
    --log-level warning >"$work/gunicorn-$port.log" 2>&1 &
  pids+=($!)
done
nginx -p "$work" -e "$work/error.log" -c "$work/nginx.conf"
site_url=https://thidua.example.gov.vn:8720
curl_site() { curl -sk --max-time 10 --resolve thidua.example.gov.vn:8720:127.0.0.1 \
  -b "$work/cookies" -c "$work/cookies" "$@"; }
up() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$1/accounts/login/" \
  -H 'Host: thidua.example.gov.vn' -H 'X-Forwarded-Proto: https')" = 200 ]; }
for port in 8721 8722; do
  for _ in $(seq 150); do up "$port" && break; sleep 0.2; done
  up "$port" || { echo "FAIL: gunicorn on $port did not start" >&2; cat "$work/gunicorn-$port.log" >&2; exit 1; }
done

# A unit officer of the demo: signs in with the password alone (no second factor).
username=canbo.hoangliet
password=$("$python" -c 'from vinhdanh.demo.hoang_mai_2021 import DEMO_PASSWORD; print(DEMO_PASSWORD)')
token=$(curl_site "$site_url/accounts/login/" | sed -n 's/.*name="csrfmiddlewaretoken" value="\([^"]*\)".*/\1/p' | head -1)
status=$(curl_site -o /dev/null -w '%{http_code}' -e "$site_url/accounts/login/" \
  --data-urlencode "csrfmiddlewaretoken=$token" --data-urlencode "username=$username" \
  --data-urlencode "password=$password" "$site_url/accounts/login/")
[ "$status" = 302 ] || { echo "FAIL: login answered $status" >&2; exit 1; }
: >"$work/access.log"
signed_in=0
for _ in $(seq 10); do
  page=$(curl_site "$site_url/")
  grep -q 'action="/accounts/logout/"' <<<"$page" && signed_in=$((signed_in + 1))
done
answered_by=$(awk '$2 ~ /^GET/ || $1 == "GET" {print $NF}' "$work/access.log" | sort -u | tr '\n' ' ')
echo "signed-in pages: $signed_in/10; answered by: $answered_by"
[ "$signed_in" = 10 ] || { echo "FAIL: the session was lost between instances" >&2; exit 1; }
grep -q 127.0.0.1:8721 <<<"$answered_by" && grep -q 127.0.0.1:8722 <<<"$answered_by" ||
  { echo "FAIL: one instance answered everything" >&2; exit 1; }
echo "OK: one session, answered by both gunicorn instances behind nginx"

# One instance stops (a restart, a crash): nginx skips it and the session goes on.
kill "${pids[1]}"
wait "${pids[1]}" 2>/dev/null || true
signed_in=0
for _ in $(seq 10); do
  page=$(curl_site "$site_url/")
  grep -q 'action="/accounts/logout/"' <<<"$page" && signed_in=$((signed_in + 1))
done
echo "with 127.0.0.1:8722 stopped, signed-in pages: $signed_in/10"
[ "$signed_in" = 10 ] || { echo "FAIL: pages were lost while one instance was down" >&2; exit 1; }
echo "OK: the other instance answered every page"
