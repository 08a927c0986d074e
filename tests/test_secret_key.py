"""Each checkout gets its own development SECRET_KEY, made once and kept in an ignored file."""

import stat
import subprocess  # noqa: S404 - runs this project's own Python with a controlled environment
import sys
from pathlib import Path

from cms.settings.secret_key import load_or_create_secret_key

PROJECT = Path(__file__).resolve().parent.parent

PRINT_KEY = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.SECRET_KEY); print(settings.SECRET_KEY_FILE)"
)


def dev_settings(**env: str) -> list[str]:
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own interpreter
        [sys.executable, "-c", PRINT_KEY],
        cwd=PROJECT,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "cms.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_a_key_is_created_once_and_reused(tmp_path):
    path = tmp_path / ".secret_key"

    first = load_or_create_secret_key(path)
    again = load_or_create_secret_key(path)

    assert len(first) >= 50
    assert again == first
    assert path.read_text().strip() == first
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # only its owner reads it
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_every_checkout_gets_its_own_key(tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()

    one = load_or_create_secret_key(tmp_path / "one" / ".secret_key")
    two = load_or_create_secret_key(tmp_path / "two" / ".secret_key")

    assert one != two


def test_an_empty_file_gets_a_key(tmp_path):
    path = tmp_path / ".secret_key"
    path.write_text("\n")

    assert load_or_create_secret_key(path)


def test_dev_settings_use_the_checkouts_key_file():
    key, key_file = dev_settings()

    assert key == Path(key_file).read_text().strip()
    assert key != "dev-only-not-secret"
    assert Path(key_file).parent == PROJECT
    ignored = subprocess.run(  # noqa: S603
        ["git", "check-ignore", "-q", key_file],  # noqa: S607
        cwd=PROJECT,
        check=False,
    )
    assert ignored.returncode == 0, "the key file must be ignored by git"


def test_secret_key_from_the_environment_wins():
    key, _ = dev_settings(SECRET_KEY="from-the-environment")

    assert key == "from-the-environment"
