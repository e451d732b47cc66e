"""The WSGI entry point that gunicorn serves."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "handhold.config.settings")

application = get_wsgi_application()

# Refuse to serve from a broken content pack even when started by another server than
# `handhold serve`: the worker fails to boot with the pack's problems, one per line.
from handhold.content.registry import all_packs  # noqa: E402

all_packs()
