"""Settings read from the environment; the defaults give an embedded SQLite setup."""

import json
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)
# This key is public (it is in the repository), so it may only sign development data.
DEVELOPMENT_SECRET_KEY = "dev-only-insecure-key-change-me-in-production-0123456789"
SECRET_KEY = os.environ.get("SECRET_KEY", "").strip() or (DEVELOPMENT_SECRET_KEY if DEBUG else "")
# Fail at start-up rather than run with a key anyone can read: it signs sessions,
# password-reset links and CSRF tokens.
if not DEBUG and SECRET_KEY in {"", DEVELOPMENT_SECRET_KEY}:
    raise ImproperlyConfigured(
        "SECRET_KEY chưa được đặt hoặc đang là khoá phát triển công khai. Khi DEBUG tắt, "
        "hãy đặt biến môi trường SECRET_KEY bằng một chuỗi ngẫu nhiên dài (50 ký tự trở lên), "
        "ví dụ: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'. "
        "(SECRET_KEY is required when DEBUG is off and must not be the development default.)"
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "vinhdanh.core.errors.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "django_htmx",
    "huey.contrib.djhuey",
    "csp",
    # Deletes a stored file once the row holding it is deleted or points to a new file.
    "django_cleanup.apps.CleanupConfig",
    "vinhdanh.core",
    "vinhdanh.workflow",
    "vinhdanh.accounts",
    "vinhdanh.audit",
    "vinhdanh.org",
    "vinhdanh.documents",
    "vinhdanh.plans",
    "vinhdanh.rules",
    "vinhdanh.records",
    "vinhdanh.movements",
    "vinhdanh.scoring",
    "vinhdanh.awards",
    "vinhdanh.signing",
    "vinhdanh.exemplars",
    "vinhdanh.contests",
    "vinhdanh.initiatives",
    "vinhdanh.reports",
    "vinhdanh.training",
    "vinhdanh.inspections",
    "vinhdanh.ceremonies",
    "vinhdanh.filings",
    "vinhdanh.api",
    "vinhdanh.demo",
    # the home page per role and the global search, which read the other apps
    "vinhdanh.home",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "vinhdanh.core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "vinhdanh.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The council the user acts for, chosen in the top bar (accounts/councils.py).
    "vinhdanh.accounts.middleware.ActingMembershipMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "vinhdanh.urls"
WSGI_APPLICATION = "vinhdanh.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "vinhdanh" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "vinhdanh.core.context_processors.navigation",
                "vinhdanh.accounts.context_processors.acting_council",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
# A streaming replica of the primary (PostgreSQL hot standby): the statistics and report
# pages read from it (core/db_routing.py), everything else uses the primary.
_replica_url = os.environ.get("DATABASE_REPLICA_URL", "").strip()
if _replica_url:
    DATABASES["replica"] = dj_database_url.parse(
        _replica_url, conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60"))
    )
REPORTS_DATABASE = os.environ.get("REPORTS_DATABASE") or ("replica" if _replica_url else "default")
DATABASE_ROUTERS = ["vinhdanh.core.db_routing.ReportReadRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# Strong, salted hashing; never a bare digest.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

# Logins: lockout (django-axes), second factor (django-otp), session lifetime, password rules.
# Kept in one block; see docs/deploy.md, "Logins and the second factor".
INSTALLED_APPS += [
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
# After the messages middleware: an expired session is told why on the login page.
_after_messages = MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1
MIDDLEWARE[_after_messages:_after_messages] = [
    "django_otp.middleware.OTPMiddleware",
    "vinhdanh.accounts.middleware.SessionLifetimeMiddleware",
    "vinhdanh.accounts.middleware.SecondFactorMiddleware",
]
# Last, so that it turns any lockout flagged during the request into the lockout page.
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
# Axes first: it refuses a locked-out username or address before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "vinhdanh.accounts.backends.SeatModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home:index"
LOGOUT_REDIRECT_URL = "accounts:login"

# Five failures lock the username, and separately the address, for the cool-off.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_CALLABLE = "vinhdanh.accounts.lockout.lockout_response"
# Locks and failures are logged; the start-up banner on every command is noise.
AXES_VERBOSE = False
# A success does not wipe the address's failures: otherwise one valid account would let an
# attacker reset the count between guesses at other accounts.
AXES_RESET_ON_SUCCESS = False
# Behind a reverse proxy every request comes from the proxy: the lockout and the public
# forms' throttle take the client's address from one place (core/client_address.py, read
# with TRUSTED_PROXY_COUNT below), so both count the same client the same way.
AXES_CLIENT_IP_CALLABLE = "vinhdanh.core.client_address.client_address"

# Roles whose accounts must confirm a TOTP code after the password (superusers count as admin).
SECOND_FACTOR_REQUIRED_ROLES = env_list(
    "SECOND_FACTOR_REQUIRED_ROLES", "admin,standing_office,council_member,leader"
)
# /admin/ always needs a session verified with a second factor.
SECOND_FACTOR_FOR_ADMIN_SITE = env_bool("SECOND_FACTOR_FOR_ADMIN_SITE", default=True)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Vinh Danh")
RECOVERY_CODE_COUNT = 10

# A session ends after SESSION_IDLE_MINUTES without a request (SESSION_IDLE_MINUTES_ADMIN for
# the admin role), and in any case SESSION_COOKIE_AGE after the login.
SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "15"))
SESSION_IDLE_MINUTES_ADMIN = int(os.environ.get("SESSION_IDLE_MINUTES_ADMIN", "5"))
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_LIFETIME_HOURS", "12")) * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# The reset link in the e-mail stays valid one hour.
PASSWORD_RESET_TIMEOUT = 3600
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "vinhdanh.accounts.passwords.SecondFactorAwareLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# End of logins.

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["vinhdanh.formats"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", BASE_DIR / "node_modules" / "bootstrap-icons" / "font"),
    ("vendor/chart.js", BASE_DIR / "node_modules" / "chart.js" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "vinhdanh.core.files.PrivateFileStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG and env_bool("STATIC_MANIFEST", default=False)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = True
# Uploaded files live in a private root that no web server publishes (there is no
# MEDIA_URL); views that check scope serve them (core/files.py). With
# PRIVATE_FILES_ACCEL_PREFIX set, those views hand the sending to nginx's `internal`
# location of that prefix (X-Accel-Redirect) instead of streaming the bytes.
MEDIA_ROOT = Path(
    os.environ.get("PRIVATE_FILES_ROOT") or os.environ.get("MEDIA_ROOT") or BASE_DIR / "private"
)
PRIVATE_FILES_ACCEL_PREFIX = os.environ.get("PRIVATE_FILES_ACCEL_PREFIX", "")
# Several web hosts share no disk: with VINHDANH_S3_BUCKET set, stored files live in that
# private bucket of an S3-compatible store (django-storages) instead of MEDIA_ROOT. The
# same scope-checked views serve them: streamed through the app, or, with
# PRIVATE_FILES_S3_REDIRECT_SECONDS > 0, by a presigned address valid that long.
VINHDANH_S3_BUCKET = os.environ.get("VINHDANH_S3_BUCKET", "").strip()
PRIVATE_FILES_S3_REDIRECT_SECONDS = int(os.environ.get("PRIVATE_FILES_S3_REDIRECT_SECONDS", "0"))
if VINHDANH_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "vinhdanh.core.object_storage.PrivateS3Storage",
        "OPTIONS": {
            "bucket_name": VINHDANH_S3_BUCKET,
            # Empty: Amazon S3 itself; e.g. https://s3.hcm.example.vn for MinIO or Ceph.
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            # Empty keys: boto3 finds its own (instance role, ~/.aws, AWS_* variables).
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            # A key prefix inside the bucket, so that one bucket can hold several instances.
            "location": os.environ.get("VINHDANH_S3_PREFIX", "").strip("/"),
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            "signature_version": "s3v4",
            # A file read for streaming is held in memory up to this size, then in a
            # temporary file that is gone after the response.
            "max_memory_size": 2 * 1024 * 1024,
        },
    }
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "vinhdanh@localhost")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "vinhdanh.accounts.authentication.PasswordOnlyBasicAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Vinh Danh API",
    "DESCRIPTION": "Read-only access to the organisation, plans and nominations, "
    "within the caller's scope.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
}

# Days before a plan task's deadline when its lead unit is reminded.
PLAN_REMINDER_DAYS = int(os.environ.get("PLAN_REMINDER_DAYS", "7"))
# Days a calendar-feed address works before its owner must make a new one.
FEED_TOKEN_DAYS = int(os.environ.get("FEED_TOKEN_DAYS", "365"))

# Background jobs: in-process with SQLite storage by default, Redis in production.
_redis_url = os.environ.get("REDIS_URL")
# Lists of people and units count at most this many rows (`core/paging.py`), and a unit with
# more people than SCREENING_INLINE_LIMIT is screened as a background job (`records`).
LIST_COUNT_CAP = int(os.environ.get("LIST_COUNT_CAP", "1000"))
SCREENING_INLINE_LIMIT = int(os.environ.get("SCREENING_INLINE_LIMIT", "300"))

HUEY = (
    {"huey_class": "huey.RedisHuey", "name": "vinhdanh", "url": _redis_url, "immediate": False}
    if _redis_url
    else {
        "huey_class": "huey.SqliteHuey",
        "name": "vinhdanh",
        "filename": str(BASE_DIR / "huey.sqlite3"),
        "immediate": env_bool("HUEY_IMMEDIATE", default=True),
    }
)

# The cache holds counters of the public forms' limits; in production it lives in
# Redis so every gunicorn worker counts the same requests.
CACHES = (
    {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _redis_url}}
    if _redis_url
    else {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
)
# Sessions are rows of the database (read through Redis when REDIS_URL is set), never
# kept in a web process or on its disk: any web host answers any request. `check --deploy`
# warns about state left on one host (core/checks.py).
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if _redis_url
    else "django.contrib.sessions.backends.db"
)
# Proxies in front of the app that append the client's address to X-Forwarded-For
# (1 for the nginx of docs/deploy.md); 0 trusts only the socket address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
RATELIMIT_IP_META_KEY = "vinhdanh.core.client_address.client_address"
# Public objections: per client address, a short burst and an hourly limit.
OBJECTION_RATE_BURST = os.environ.get("OBJECTION_RATE_BURST", "2/m")
OBJECTION_RATE_HOURLY = os.environ.get("OBJECTION_RATE_HOURLY", "5/h")
# The writing contests' public entry form and status lookup, per client address.
CONTEST_ENTRY_RATE_BURST = os.environ.get("CONTEST_ENTRY_RATE_BURST", "3/m")
CONTEST_ENTRY_RATE_HOURLY = os.environ.get("CONTEST_ENTRY_RATE_HOURLY", "20/h")
CONTEST_STATUS_RATE = os.environ.get("CONTEST_STATUS_RATE", "30/h")
# Certificates looked up by a typed check code or golden-book number, per address.
VERIFY_TYPED_RATE = os.environ.get("VERIFY_TYPED_RATE", "30/m")
# The key the councils' PKCS#12 passwords are encrypted with (vinhdanh/signing/sealing.py);
# empty: derived from SECRET_KEY. Changing it means uploading the certificates again.
SIGNING_KEY_ENCRYPTION_KEY = os.environ.get("SIGNING_KEY_ENCRYPTION_KEY", "").strip()
# Dossiers filed online (filings app; see docs/deploy.md, "Online filings").
# Working days the standing office has to answer a filing (a kind may set its own), and the
# default working days a filer is given to supplement one.
FILINGS_ANSWER_WORKING_DAYS = int(os.environ.get("FILINGS_ANSWER_WORKING_DAYS", "5"))
FILINGS_SUPPLEMENT_WORKING_DAYS = int(os.environ.get("FILINGS_SUPPLEMENT_WORKING_DAYS", "10"))
# The public form and the status look-up, per client address.
FILINGS_FORM_RATE_BURST = os.environ.get("FILINGS_FORM_RATE_BURST", "3/m")
FILINGS_FORM_RATE_HOURLY = os.environ.get("FILINGS_FORM_RATE_HOURLY", "20/h")
FILINGS_LOOKUP_RATE = os.environ.get("FILINGS_LOOKUP_RATE", "10/m")
# Attachments: how many files at most, each at most this many MB.
FILINGS_MAX_FILES = int(os.environ.get("FILINGS_MAX_FILES", "10"))
FILINGS_MAX_FILE_MB = int(os.environ.get("FILINGS_MAX_FILE_MB", "10"))
# The one-stop API: calls per client and minute, and the life of a bearer token in seconds.
FILINGS_API_RATE = os.environ.get("FILINGS_API_RATE", "120/m")
FILINGS_API_TOKEN_SECONDS = int(os.environ.get("FILINGS_API_TOKEN_SECONDS", "900"))
# The class that sends text messages to filers (dotted path; see vinhdanh/filings/notify.py).
FILINGS_SMS_BACKEND = os.environ.get(
    "FILINGS_SMS_BACKEND", "vinhdanh.filings.notify.ConsoleSmsBackend"
)
# Years the name and contact of a person who objected are kept (shown in the notice).
OBJECTION_RETENTION_YEARS = int(os.environ.get("OBJECTION_RETENTION_YEARS", "5"))
# Working days a public notice of nominees lasts at least (ND 152 Đ44 k2: nominee lists
# are posted for 10 working days in practice; law.md §7.4). Weekends and the holidays of
# the admin's calendar (org.PublicHoliday) are skipped.
PUBLIC_NOTICE_MIN_WORKING_DAYS = int(os.environ.get("PUBLIC_NOTICE_MIN_WORKING_DAYS", "10"))
# Counts over the awards (the statistics, the dossiers' charts) are kept this long between
# changes (core.kept).
REPORT_TREND_CACHE_SECONDS = int(os.environ.get("REPORT_TREND_CACHE_SECONDS", "600"))
# The first year reported on the forms of Thông tư 02/2023/TT-BNV (0601–0605); the years
# before it get those of Thông tư 03/2018/TT-BNV (reports.official_forms).
VINHDANH_STAT_FORMS_TT02_FIRST_YEAR = int(
    os.environ.get("VINHDANH_STAT_FORMS_TT02_FIRST_YEAR", "2023")
)
# Whether a decision may rest on an authority row the catalogue marks unconfirmed (law.md
# §6: e.g. the provincial Chairman's "xã, phường tiêu biểu"): allowed by default, with the
# doubt written on the decision's history; set to 0 to refuse until the text is confirmed.
AWARDS_ALLOW_UNCONFIRMED_AUTHORITY = env_bool("AWARDS_ALLOW_UNCONFIRMED_AUTHORITY", default=True)

# Initiatives (vinhdanh/initiatives/rules.py): the province's initiative regulation named in the
# pages and decisions beside Nghị định 13/2012/NĐ-CP, and the council's vote threshold (more
# than this share of the members present agree; default 0.5). The scoring criteria and their
# maxima are each council's data, created from INITIATIVES_CRITERIA (default in rules.py).
INITIATIVES_PROVINCE_REGULATION = os.environ.get("INITIATIVES_PROVINCE_REGULATION", "")
INITIATIVES_VOTE_SHARE = os.environ.get("INITIATIVES_VOTE_SHARE", "0.5")

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Content policy (django-csp): only this site's own scripts, styles, images, fonts and
# forms; no inline script or style (templates keep behaviour in core/static/core/app.js),
# no framing, no plugins.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# Browser features the site never uses stay off, also for anything it might embed.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "camera", "display-capture", "geolocation", "gyroscope",
        "magnetometer", "microphone", "midi", "payment", "usb", "serial", "browsing-topics",
    )
}  # fmt: skip
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# The awards documents' values law.md leaves unconfirmed (awards/legal_bases.py,
# documents_out.py, achievement_reports.py; docs/deploy.md); unset = the defaults there.
VINHDANH_REVOCATION_ARTICLE = os.environ.get("VINHDANH_REVOCATION_ARTICLE", "Điều 94")
VINHDANH_DECISION_EXECUTORS = os.environ.get("VINHDANH_DECISION_EXECUTORS", "")
for _name in ("VINHDANH_ACHIEVEMENT_REPORT_FORMS", "VINHDANH_LOCAL_GOVERNMENT_LAWS"):
    if os.environ.get(_name, "").strip():
        globals()[_name] = json.loads(os.environ[_name])
