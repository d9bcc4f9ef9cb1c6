"""docs/deploy.md names every environment variable the settings read."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READ = re.compile(r"""(?:environ\.get|env_bool|env_list)\(\s*["']([A-Z0-9_]+)["']""")


def test_every_environment_variable_of_the_settings_is_documented():
    settings = (ROOT / "vinhdanh" / "settings.py").read_text()
    # dj_database_url.config() reads DATABASE_URL by itself.
    names = {*READ.findall(settings), "DATABASE_URL"}
    assert len(names) > 30
    documented = set(re.findall(r"`([A-Z0-9_]+)`", (ROOT / "docs" / "deploy.md").read_text()))
    assert sorted(names - documented) == []
