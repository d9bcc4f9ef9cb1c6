#!/bin/sh
# Redraw the pictures of docs/documents.md from the demo data.
# Usage: docs/documents/render.sh [name …]  (only the pictures named; uses a scratch SQLite database unless DATABASE_URL is set)
set -eu
cd "$(dirname "$0")/../.."
if [ -z "${DATABASE_URL:-}" ]; then
    export DATABASE_URL="sqlite:////tmp/vinhdanh-documents.sqlite3"
    rm -f /tmp/vinhdanh-documents.sqlite3
    DEBUG=1 .venv/bin/python manage.py migrate -v0
    DEBUG=1 .venv/bin/python manage.py load_demo
fi
DEBUG=1 .venv/bin/python docs/documents/render.py "$@"
