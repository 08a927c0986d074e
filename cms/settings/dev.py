"""Local development: debug on, SQLite by default, e-mail to the console."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR, env_list
from .base import SECRET_KEY as _SECRET_KEY
from .base import STORAGES as _STORAGES
from .secret_key import load_or_create_secret_key

DEBUG = True
# Every checkout signs its links with its own random key (a shared one would let anyone
# forge the links of a demo that others can reach); SECRET_KEY in the environment wins.
SECRET_KEY_FILE = BASE_DIR / ".secret_key"
SECRET_KEY = _SECRET_KEY or load_or_create_secret_key(SECRET_KEY_FILE)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
STORAGES = {
    **_STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# One process is enough locally: run background tasks (search indexing, e-mail alerts)
# at once unless TASKS_BACKEND asks for the worker.
if "TASKS_BACKEND" not in os.environ:
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
