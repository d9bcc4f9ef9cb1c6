"""Test settings: the production settings with what a test run cannot use switched off."""

import os

# A key of the test run only: the settings refuse to start without one when DEBUG is off.
os.environ.setdefault("SECRET_KEY", "test-only-key-never-used-outside-the-test-suite-5f1c9a7e3b")

from vinhdanh.settings import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
HUEY = {"huey_class": "huey.MemoryHuey", "name": "vinhdanh-test", "immediate": True}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# The existing tests sign in with force_login and no second factor; the login tests
# switch the requirement back on with the `settings` fixture.
SECOND_FACTOR_REQUIRED_ROLES = []
SECOND_FACTOR_FOR_ADMIN_SITE = False
# The runner rolls back each test's rows, not the cache: the charts are counted every time,
# and the test of the cache switches it on.
REPORT_TREND_CACHE_SECONDS = 0
# The test runner's flush must get past the audit table's triggers (see that app's docstring).
INSTALLED_APPS = [*INSTALLED_APPS, "vinhdanh.audit.testing"]  # noqa: F405
# A small model and workflow that test the workflow engine on its own.
INSTALLED_APPS += ["vinhdanh.workflow.testing"]
# A deliberately weak, fast hash: each PBKDF2 round costs ~0.3 s and the suite signs in (and
# the demo sets passwords) thousands of times. Production keeps the strong list (settings.py).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A second database in the place of the replica, so the report routing is tested against a
# real one: a second file on SQLite, a second database on PostgreSQL. Only the tests that
# name it create it, without migrations (the data migrations read the primary), and fill it
# with a copy of the primary (reports/tests/test_replica.py); the reports read the primary
# unless a test says otherwise.
if "replica" not in DATABASES:  # noqa: F405
    _primary = DATABASES["default"]  # noqa: F405
    _sqlite = _primary["ENGINE"].endswith("sqlite3")
    _replica_file = str(BASE_DIR / ".test-replica.sqlite3")  # noqa: F405
    DATABASES["replica"] = {  # noqa: F405
        **_primary,
        "NAME": _replica_file if _sqlite else f"{_primary['NAME']}_replica",
        "TEST": {"MIGRATE": False, **({"NAME": _replica_file} if _sqlite else {})},
    }
else:
    DATABASES["replica"].setdefault("TEST", {})["MIGRATE"] = False  # noqa: F405
REPORTS_DATABASE = "default"
