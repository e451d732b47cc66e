"""Handhold under gunicorn.

gunicorn is a mature pre-forking WSGI server: it runs Django's synchronous views as they are,
uses every core through worker processes, restarts a worker that dies, and needs no compiler.
Its access log stays off, so no URL (which may carry a pairing code) is ever written down.
"""

from __future__ import annotations

import os

from gunicorn.app.base import BaseApplication


def default_workers() -> int:
    return min(8, max(2, 2 * (os.cpu_count() or 1)))


class HandholdServer(BaseApplication):
    def __init__(self, *, host: str, port: int, workers: int | None = None):
        self.options = {
            "bind": f"{host}:{port}",
            "workers": workers or default_workers(),
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
            "timeout": 30,
            "graceful_timeout": 10,
            # Each worker imports the app after forking: no database connection is shared.
            "preload_app": False,
        }
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from handhold.config.wsgi import application

        return application
