"""Handhold's one settings module.

Everything an operator may change comes from environment variables (see the README), read
through the helpers in env.py. Mistakes are reported by Django system checks at start-up
(handhold/content/apps.py and handhold/config/checks.py).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.management.utils import get_random_secret_key

from handhold.config.env import (
    env_bool,
    env_choice,
    env_int,
    env_secret,
    env_str,
    secret_from_data_dir,
)

PACKAGE_DIR = Path(__file__).resolve().parent.parent

DATA_DIR = Path(os.environ.get("HANDHOLD_DATA_DIR", "data")).resolve()
# 0700: the database and the secret key are nobody else's business on a shared machine.
DATA_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)

# From the environment, or generated into the data folder on first start (mode 0600). Only the
# generated one is Handhold's to carry in backups and to put back on restore (handhold/backup.py).
_given_secret_key = env_secret("HANDHOLD_SECRET_KEY")
HANDHOLD_SECRET_KEY_FROM_ENVIRONMENT = bool(_given_secret_key)
SECRET_KEY = _given_secret_key or secret_from_data_dir(
    DATA_DIR / "secret_key", get_random_secret_key
)

# Keys for private text at rest (handhold/encryption.py): from the environment, or generated
# into the data folder on first start (mode 0600). Back the key file up with the database.
HANDHOLD_ENCRYPTION_KEYS = [
    key.strip() for key in (env_secret("HANDHOLD_ENCRYPTION_KEYS") or "").split(",") if key.strip()
]
if not HANDHOLD_ENCRYPTION_KEYS:
    from handhold.core.crypto import new_key

    secret_from_data_dir(DATA_DIR / "encryption_keys", new_key)

DEBUG = env_bool("HANDHOLD_DEBUG", False)

# Behind HTTPS (a reverse proxy that terminates TLS), cookies are marked secure and plain HTTP
# is redirected. Off by default so that http://127.0.0.1:8000 works on a home machine.
HTTPS = env_bool("HANDHOLD_HTTPS", False)

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("HANDHOLD_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
    if host.strip()
]
CSRF_TRUSTED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("HANDHOLD_CSRF_TRUSTED_ORIGINS", "").split(",")
    if origin.strip()
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_ratelimit",
    "handhold.pages",
    "handhold.accounts",
    "handhold.couples",
    "handhold.content",
    "handhold.discovery",
    "handhold.notice",
    "handhold.conversation",
    "handhold.together",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "handhold.config.middleware.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "handhold.accounts.sessions.keep_alive",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "handhold.config.middleware.no_store",
    # Last, as django-axes asks, so that it sees the outcome of every log-in attempt.
    "axes.middleware.AxesMiddleware",
]

# `handhold bench` runs its servers with HANDHOLD_BENCH=1, which loads a URL configuration of
# its own: the production one plus the bare view it compares every page against.
HANDHOLD_BENCH_ROUTES = env_bool("HANDHOLD_BENCH", False)
ROOT_URLCONF = "handhold.config.bench_urls" if HANDHOLD_BENCH_ROUTES else "handhold.config.urls"
WSGI_APPLICATION = "handhold.config.wsgi.application"

# Every template of ours is Jinja2 (handhold/config/templating.py), in each app's `jinja2/`
# folder. Django's own templates (form widgets, the debug pages) keep their own engines.
TEMPLATES = [
    {
        "BACKEND": "handhold.config.templating.Jinja2",
        "NAME": "jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "handhold.config.templating.environment",
            "context_processors": [
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "handhold.pages.context_processors.privacy",
                "handhold.pages.context_processors.navigation",
                "handhold.together.waiting.context",
            ],
        },
    },
]
# Django's form renderer, with the common widgets drawn in Python, byte for byte as its
# templates draw them (handhold/pages/widgets.py): a form's widgets cost more than its page.
FORM_RENDERER = "handhold.pages.widgets.FormRenderer"

# The embedded default is one SQLite file in the data folder; DATABASE_URL switches to
# PostgreSQL (or any database dj-database-url understands).
_default_database = f"sqlite:///{DATA_DIR / 'handhold.sqlite3'}"
# Each worker keeps its connection open between requests for this many seconds (0: a new
# connection per request), checked before reuse so that a restarted database costs one
# reconnect, not an error page. Opening one is a third of a bare request's time on SQLite.
HANDHOLD_CONN_MAX_AGE = env_int("HANDHOLD_CONN_MAX_AGE", 600)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", _default_database),
        conn_max_age=HANDHOLD_CONN_MAX_AGE,
        conn_health_checks=True,
    )
}
# FULL: every commit reaches the disk before Handhold answers, so what someone was told is
# saved survives a power cut. NORMAL is quicker, and survives a crash of Handhold itself, but a
# power cut may take the last commits back; an operator may choose it knowingly.
HANDHOLD_SQLITE_SYNCHRONOUS = env_choice("HANDHOLD_SQLITE_SYNCHRONOUS", ["full", "normal"], "full")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the writer work at once; IMMEDIATE takes the write lock at the
    # start of a transaction, so concurrent writers wait (up to `timeout`) instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            f"PRAGMA journal_mode=WAL; PRAGMA synchronous={HANDHOLD_SQLITE_SYNCHRONOUS};"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests use a real file, as production does (WAL, locking, the online backup API), not
    # SQLite's shared in-memory database.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out address, or (username, address) pair, is refused before any
    # password is checked.
    "handhold.accounts.lockouts.AddressLimitBackend",
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # A forgotten passphrase: username and recovery code, behind axes like any log-in.
    "handhold.accounts.backends.RecoveryCodeBackend",
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "pages:home"
LOGOUT_REDIRECT_URL = "pages:home"

# Log-in rate limits (django-axes). A lockout is aimed at one (username, address) pair: after
# AXES_FAILURE_LIMIT failures that pair is refused for the cool-off, while the same username
# from another address and another username from the same address go on as before, so nobody
# can lock a person out from afar, nor lock out everyone behind one home router. An address
# alone is refused only after the much higher HANDHOLD_LOGIN_ADDRESS_FAILURE_LIMIT
# (handhold/accounts/lockouts.py). A username that does not exist is counted and refused
# exactly like one that does, so the limit reveals nothing.
#
# The counts live in the shared counter store below (the database, or Redis), never in axes'
# own tables: its cache handler keeps one number per key, and the store's key function turns
# every key into a keyed hash, so no username, address or browser is stored for a failed
# log-in, and each count is deleted when its cool-off ends.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_CACHE = "counters"
AXES_FAILURE_LIMIT = env_int("HANDHOLD_LOGIN_FAILURE_LIMIT", 10)
HANDHOLD_LOGIN_ADDRESS_FAILURE_LIMIT = env_int("HANDHOLD_LOGIN_ADDRESS_FAILURE_LIMIT", 100)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "handhold.accounts.services.username_for_rate_limit"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# Axes' database handler would keep a failed attempt's form fields, masking only "password".
# Our cache handler keeps none, but should anyone switch handlers, mask the recovery form's too.
AXES_SENSITIVE_PARAMETERS = ["recovery_code", "new_passphrase", "new_passphrase_again"]
AXES_DISABLE_ACCESS_LOG = True  # no record of who logged in when
AXES_VERBOSE = False  # no usernames or addresses in the logs
# How many proxies stand in front of Handhold; every limit finds the client's address the
# same way from it (handhold/pages/ratelimits.py, client_address).
HANDHOLD_PROXY_COUNT = env_int("HANDHOLD_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "handhold.pages.ratelimits.client_address"

# Caches: counters (rate limits and failed log-ins) and copies of sessions. With
# HANDHOLD_REDIS_URL both are in Redis; otherwise counters are in a database table
# (handhold/pages/counters.py), atomic and shared by every worker and app server. Every key is
# a keyed hash of what it counts or names (see keyed_counter_key and keyed_session_key), so
# the store says nothing about who was counted, and holds no session key anyone could use.
REDIS_URL = os.environ.get("HANDHOLD_REDIS_URL", "")
# Sessions are read through this cache and written through to the database
# (handhold/accounts/sessions.py). Without Redis, on SQLite (one machine), each worker keeps
# its own copies, and a session ended by any worker makes every worker drop its copies before
# its next request; on another database without Redis there may be several machines, so
# sessions are read from the database as before.
if REDIS_URL:
    _session_cache = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    _session_cache = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "handhold-sessions",
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    }
else:
    _session_cache = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "sessions": {**_session_cache, "KEY_FUNCTION": "handhold.accounts.sessions.keyed_session_key"},
    "counters": {
        **(
            {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
            if REDIS_URL
            else {"BACKEND": "handhold.pages.counters.CounterCache"}
        ),
        "KEY_FUNCTION": "handhold.pages.counters.keyed_counter_key",
    },
}
RATELIMIT_USE_CACHE = "counters"
HANDHOLD_RATE_LIMITS = {
    "sign_up": env_str("HANDHOLD_RATE_SIGN_UP", "10/h"),
    "pairing_code": env_str("HANDHOLD_RATE_PAIRING_CODE", "20/h"),
    "pressure_check": env_str("HANDHOLD_RATE_PRESSURE_CHECK", "120/m"),
}

# Sessions that end (handhold/accounts/sessions.py): the cookie goes when the browser closes,
# and the server forgets a session after this long without a visit; "Keep me logged in on this
# device" at log-in keeps it across browser restarts, for HANDHOLD_REMEMBER_DAYS since the last
# visit.
SESSION_ENGINE = "handhold.accounts.sessions"
SESSION_CACHE_ALIAS = "sessions"
HANDHOLD_IDLE_MINUTES = env_int("HANDHOLD_IDLE_MINUTES", 120)
HANDHOLD_REMEMBER_DAYS = env_int("HANDHOLD_REMEMBER_DAYS", 30)
SESSION_COOKIE_AGE = HANDHOLD_IDLE_MINUTES * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = False
if env_bool("HANDHOLD_BEHIND_PROXY", HTTPS):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = [
    # django-ratelimit knows only memcached and Redis by name; our database counter store
    # (handhold/pages/counters.py) is atomic too, as tests/test_rate_limits.py shows.
    "django_ratelimit.W001",
    # HSTS preload is a commitment for a whole domain that only the operator can make.
    "security.W021",
    # Django looks for its own CSRF middleware by name; ours subclasses it (see
    # handhold/config/middleware.py), and tests/test_csrf.py proves it is in place.
    "security.W003",
]

# No inline script or style, nothing from another origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

# The interface speaks English and Spanish: LocaleMiddleware picks one from the browser's
# Accept-Language, or from the footer's switch (a cookie, set by pages:language). Each name is
# written in its own language, as a person looking for theirs would read it.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# WhiteNoise serves straight from the apps' static folders, so no collectstatic step is needed
# before `handhold serve`; the files are few and small.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Content packs: the default pack ships with Handhold; an educator adds more by listing their
# folders here, separated by the system's path separator (":" on Linux), without touching code.
HANDHOLD_DEFAULT_PACK = PACKAGE_DIR / "content" / "packs" / "anal-play"
# Unset, it is the second pack that ships with Handhold, "Toys together"; set it empty to serve
# the default pack alone.
HANDHOLD_EXTRA_PACKS = [
    Path(p)
    for p in os.environ.get(
        "HANDHOLD_CONTENT_PACKS", str(PACKAGE_DIR / "content" / "packs" / "toys-together")
    ).split(os.pathsep)
    if p.strip()
]

HANDHOLD_INVITATION_LIFETIME = timedelta(hours=24)
# After the conversation, no session can be proposed for this many days.
HANDHOLD_SETTLE_DAYS = env_int("HANDHOLD_SETTLE_DAYS", 2)

# Logs carry no usernames, codes or private text: only Django's own warnings and errors (which
# name a URL path at most) go to standard error. Query strings, where a pairing code may travel,
# never reach a log: Django logs paths only, and gunicorn's access log is off.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {"axes": {"level": "ERROR"}},
}
