# Vinh Danh: the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM := /usr/bin/chromium

.PHONY: run test install assets translations lint format bench bench-web e2e-deps clean permissions nginx-check

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch node_modules/.installed

install: $(STAMP) node_modules/.installed translations

# Compiling the catalogues needs no secret; DEBUG=1 lets it run before SECRET_KEY is set.
translations: $(STAMP)
	DEBUG=1 $(PY) manage.py compile_translations

# The demo is development: DEBUG=1 for the whole recipe (its key and its accounts are public).
run: export DEBUG=1
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "Vinh Danh: http://$(HOST):$(PORT)/"
	$(PY) manage.py runserver $(HOST):$(PORT)

# Browser tests drive Debian's chromium; install it where it is missing.
e2e-deps:
	@test -x $(CHROMIUM) || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

# Templates are formatted by djangofmt (settings in pyproject.toml) as the Python code is by ruff.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djangofmt --check vinhdanh

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/djangofmt vinhdanh

# On every core (pytest-xdist): each worker has its own test database and loads the demo
# into it once. PYTEST_ARGS comes last, so PYTEST_ARGS="-n 0" runs in one process.
test: install e2e-deps lint
	DJANGO_SETTINGS_MODULE=vinhdanh.settings_test $(PY) manage.py makemigrations --check --dry-run >/dev/null
	$(VENV)/bin/pytest -n auto $(PYTEST_ARGS)

# Rewrites docs/permissions.md, the role × permission matrix, from the permissions.py modules.
permissions: install
	VINHDANH_WRITE_PERMISSIONS=1 $(VENV)/bin/pytest -q vinhdanh/workflow/tests/test_permission_matrix.py

# nginx -t on config/nginx/vinhdanh.conf (needs Debian's nginx); RUN=1 also serves a demo
# through it from two gunicorn instances on loopback and checks one session on both.
nginx-check: install
	config/nginx/check.sh $(if $(RUN),--run,)

bench: install
	$(PY) -m bench

# Real gunicorn on PostgreSQL, every page of every role (docs/performance.md). One database
# per size, reused while its marker matches; BENCH_NOMINATIONS=20000 runs one quick size.
BENCH_SIZES ?= 100000 1000000
bench-web: install
	BENCH_SIZES="$(BENCH_SIZES)" BENCH_NOMINATIONS="$(BENCH_NOMINATIONS)" $(PY) -m bench.web

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache
