"""`manage.py check --deploy`: what would keep state on one web host (docs/deploy.md).

Any web host must be able to answer any request: sessions, the public forms' counters,
the job queue and the stored files live in shared services, not in a process or on its
disk. The rules are a pure function of the settings, tested without a server.
"""

from django.conf import settings
from django.core import checks

LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.filebased.FileBasedCache",
    "django.core.cache.backends.dummy.DummyCache",
}
CACHE_SESSIONS = {
    "django.contrib.sessions.backends.cache",
    "django.contrib.sessions.backends.cached_db",
}
FILE_STORAGE = "vinhdanh.core.files.PrivateFileStorage"


def local_state(config) -> list[checks.CheckMessage]:
    """Each piece of state that `config` (the settings) keeps on the web host itself."""
    found = []
    cache = config.CACHES["default"]["BACKEND"]
    if cache in LOCAL_CACHES:
        found.append(
            checks.Warning(
                "Bộ nhớ đệm là của riêng từng tiến trình: mỗi tiến trình, mỗi máy chủ web "
                "đếm riêng giới hạn của biểu mẫu công khai (the cache is per process).",
                hint="Đặt REDIS_URL để mọi máy chủ web dùng chung một Redis.",
                id="vinhdanh.W001",
            )
        )
    engine = config.SESSION_ENGINE
    if engine == "django.contrib.sessions.backends.file" or (
        engine == "django.contrib.sessions.backends.cache" and cache in LOCAL_CACHES
    ):
        found.append(
            checks.Warning(
                "Phiên đăng nhập nằm trên máy chủ web này: người dùng bị đăng xuất khi yêu "
                "cầu sang máy khác (sessions are kept on this host).",
                hint="Để SESSION_ENGINE mặc định (cơ sở dữ liệu, có Redis đệm khi đặt REDIS_URL).",
                id="vinhdanh.W002",
            )
        )
    if config.HUEY.get("huey_class") in {"huey.SqliteHuey", "huey.FileHuey"}:
        found.append(
            checks.Warning(
                "Hàng đợi việc nền là một tệp trên máy này: máy khác không thấy việc đã xếp "
                "(the job queue is a local file).",
                hint="Đặt REDIS_URL và chạy `manage.py run_huey` trên các máy chạy việc nền.",
                id="vinhdanh.W003",
            )
        )
    if config.STORAGES["default"]["BACKEND"] == FILE_STORAGE:
        found.append(
            checks.Info(
                "Tệp lưu trữ nằm trong PRIVATE_FILES_ROOT của máy này: với nhiều máy chủ web, "
                "thư mục đó phải dùng chung (stored files are on this host's disk).",
                hint="Đặt VINHDANH_S3_BUCKET để lưu tệp trên kho đối tượng S3.",
                id="vinhdanh.I004",
            )
        )
    return found


@checks.register(checks.Tags.caches, deploy=True)
def stateless_web_tier(app_configs, **kwargs):
    return local_state(settings)
