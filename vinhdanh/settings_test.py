"""Test settings: the production settings with what a test run cannot use switched off."""

from vinhdanh.settings import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
HUEY = {"huey_class": "huey.MemoryHuey", "name": "vinhdanh-test", "immediate": True}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# The test runner's flush must get past the audit table's triggers (see that app's docstring).
INSTALLED_APPS = [*INSTALLED_APPS, "vinhdanh.audit.testing"]  # noqa: F405
