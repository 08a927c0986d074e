"""Settings shared by every environment; safe for production on its own (DEBUG off)."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no environment variable."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Every environment variable the project reads, read once here (README lists them).
SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "kent-konseyi@localhost")
EMAIL_URL = os.environ.get("EMAIL_URL", "console:")
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media"))
DOCUMENTS_ROOT = os.environ.get("DOCUMENTS_ROOT", str(BASE_DIR / "private-documents"))
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(BASE_DIR / "staticfiles"))
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database").strip().lower()
CACHE_URL = os.environ.get("CACHE_URL", "").strip()
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0") or 0)

INSTALLED_APPS = [
    "cms",
    "deliberation",
    "motions",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "django_tasks",
    "django_tasks_db",
    "taggit",
    # django-ninja's templates and static files: the API docs without a CDN.
    "ninja",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "csp",
    # Login lockouts; its records of failed logins are listed in the Django admin.
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "cms.content_security.SectionCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves a demo to several people at once. WAL lets readers go
    # on while one connection writes; IMMEDIATE takes the write lock when a transaction
    # begins, so a transaction that reads and then writes waits its turn (the timeout, in
    # seconds) instead of failing with "database is locked" when it tries to write.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Wagtail's Draftail editor, refusing malformed posted content instead of answering 500.
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "shared.admin_widgets.DraftailEditor"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Turkish first, English second; Europe/Istanbul has no daylight saving.
LANGUAGE_CODE = "tr"
LANGUAGES = [("tr", "Türkçe"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["cms.formats"]
TIME_ZONE = "Europe/Istanbul"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
# Images (and their renditions) are public files under MEDIA_ROOT. Documents are kept in
# their own storage, outside MEDIA_ROOT and without a URL: only Wagtail's documents serve
# view, after motions.access.can_download_document, hands them out.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "documents": {
        "BACKEND": "cms.storages.PrivateFileSystemStorage",
        "OPTIONS": {"location": DOCUMENTS_ROOT},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = {
    "console:": "django.core.mail.backends.console.EmailBackend",
    "locmem:": "django.core.mail.backends.locmem.EmailBackend",
}.get(EMAIL_URL, "django.core.mail.backends.smtp.EmailBackend")
if EMAIL_BACKEND.endswith("smtp.EmailBackend"):
    from urllib.parse import unquote, urlparse

    _email = urlparse(EMAIL_URL)
    EMAIL_HOST = _email.hostname or "localhost"
    EMAIL_PORT = _email.port or 587
    EMAIL_HOST_USER = unquote(_email.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email.password or "")
    EMAIL_USE_TLS = _email.scheme == "smtp+tls"
    EMAIL_USE_SSL = _email.scheme == "smtps"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

WAGTAIL_SITE_NAME = "Kent Konseyi"
WAGTAILDOCS_DOCUMENT_MODEL = "cms.CouncilDocument"
# Every document goes through the serve view and its checks, never a storage URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# What a council files: PDF, office documents, plain text and CSV, images. No HTML, SVG
# or scripts: a document is served from the site's own origin.
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "odt",
    "rtf",
    "xls",
    "xlsx",
    "ods",
    "csv",
    "ppt",
    "pptx",
    "odp",
    "txt",
    "png",
    "jpg",
    "jpeg",
    "gif",
    "webp",
]
# Every document is a download (Content-Disposition: attachment), none opens in the page;
# the serve view adds "Content-Security-Policy: default-src 'none'" and nosniff.
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Off: Wagtail's responsive wrapper sets a style attribute, which the public
# Content-Security-Policy refuses; static/css/site.css sizes embedded players instead.
WAGTAILEMBEDS_RESPONSIVE_HTML = False
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
TAGGIT_CASE_INSENSITIVE = True

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# Wagtail's live preview shows the page in a same-origin frame, so DENY would break it.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy (django-csp 4). The public templates have no inline scripts,
# event handlers or style attributes, so their policy allows only the site's own files.
# Video embeds are the one outside source: the players editors may embed in a page.
EMBED_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
_CSP_COMMON = {
    "default-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    # Wagtail's preview shows the page in a same-origin frame.
    "frame-ancestors": [SELF],
    "form-action": [SELF],
    "connect-src": [SELF],
    "font-src": [SELF],
    "manifest-src": [SELF],
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **_CSP_COMMON,
        "script-src": [SELF],
        "style-src": [SELF],
        # The interactive API docs (Swagger UI) draw their icons as data: images.
        "img-src": [SELF, "data:"],
        "frame-src": [SELF, *EMBED_FRAME_SOURCES],
    }
}
# The Wagtail admin (and its page previews) under its own, looser policy: Wagtail 8's
# admin templates still run inline scripts (inline panels, date pickers, chooser modals)
# and set style attributes, and image uploads preview as blob: and data: images.
ADMIN_URL_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **_CSP_COMMON,
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-src": [SELF, *EMBED_FRAME_SOURCES],
        "worker-src": [SELF, "blob:"],
    }
}
# The admin loads nothing from outside: no Gravatar avatars, no release check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Permissions-Policy (django-permissions-policy): the site uses none of these features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Wagtail and the task runner log every page save and background task at INFO.
    "loggers": {
        name: {"level": "WARNING"} for name in ("wagtail", "django_tasks", "modelsearch", "axes")
    },
}

# Background tasks (django-tasks, which Wagtail 8 brings): motion alerts and Wagtail's own
# reference-index and file clean-up tasks are stored in the database and run by
# `python manage.py db_worker` (the Procfile's worker). TASKS_BACKEND=immediate runs them
# in the web process instead, for a single-process setup without a worker.
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        "TASKS_BACKEND must be 'database' or 'immediate' "
        "(TASKS_BACKEND 'database' ya da 'immediate' olmalıdır)."
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND], "QUEUES": ["default"]}}

# The cache holds the counts of the limits on abuse below. Local memory is per process:
# enough for `make run`, but in production (several gunicorn workers) the limits hold
# only with a shared cache, so set CACHE_URL=redis://host:6379/0 there (needs `redis`).
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
elif CACHE_URL:
    raise ImproperlyConfigured(
        "CACHE_URL must be a redis:// address or empty "
        "(CACHE_URL bir redis:// adresi olmalı ya da boş bırakılmalıdır)."
    )
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Limits on abuse (cms/limits.py, django-ratelimit): for every public form that sends an
# e-mail or stores a row, how many requests one client address (per_ip) and one target
# e-mail address (per_email) may make in a window: "5/h" is 5 an hour, "10/15m" 10 in
# 15 minutes, "5/d" 5 a day. Over a limit the form comes back with HTTP 429 and says when
# to try again. The README lists them.
ABUSE_LIMITS = {
    "signup": {"per_ip": "10/h", "per_email": "3/h"},
    "login": {"per_ip": "30/15m", "per_email": "20/15m"},
    "password_reset": {"per_ip": "10/h", "per_email": "3/h"},
    "alert_subscribe": {"per_ip": "20/h", "per_email": "5/d"},
    "alert_manage_link": {"per_ip": "10/h", "per_email": "5/d"},
    "contact": {"per_ip": "5/h", "per_email": "5/h"},
    "join_request": {"per_ip": "10/h", "per_email": "5/h"},
    "personal_data_link": {"per_ip": "10/h", "per_email": "3/h"},
}
# django-ratelimit's "ip" key and django-axes both ask shared.limits.client_ip, which trusts
# X-Forwarded-For only as far as TRUSTED_PROXY_COUNT says (0: REMOTE_ADDR, no proxy).
RATELIMIT_IP_META_KEY = "shared.limits.ratelimit_ip"
AXES_CLIENT_IP_CALLABLE = "shared.limits.client_ip"

# Login lockouts (django-axes) on /admin/ and on the public sign-in: after 5 failed
# attempts for one user name from one address, that pair is locked out for 15 minutes,
# even with the right password. Keyed on the pair so that nobody can lock an owner out
# from elsewhere; guessing one account from many addresses meets the per-e-mail limit
# of the public login above. A success clears the failures; successes are not logged.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "cms.views.login_locked_out"

# Labels used for the language switcher in templates.
LANGUAGE_LABELS = {"tr": _("Turkish"), "en": _("English")}
