"""Fast, isolated settings for the test suite."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="kk-test-media-")
DOCUMENTS_ROOT = tempfile.mkdtemp(prefix="kk-test-documents-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "documents": {
        "BACKEND": "cms.storages.PrivateFileSystemStorage",
        "OPTIONS": {"location": DOCUMENTS_ROOT},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Background tasks (e-mail alerts) run at once, in the test process.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# WhiteNoise warns on every request when STATIC_ROOT is missing; tests never collect.
STATIC_ROOT = tempfile.mkdtemp(prefix="kk-test-static-")
