"""Helpers to run Handhold under its production server in a subprocess, and to talk to it."""

from __future__ import annotations

import functools
import http.client
import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_environment(data_dir: Path, **extra: str) -> dict:
    """An environment like a fresh machine's: its own data folder, the SQLite default."""
    ours = ("HANDHOLD_", "DATABASE_", "DJANGO_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
    env["HANDHOLD_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return env


class Server:
    """`handhold serve` in its own process group, so that it can be killed outright."""

    def __init__(self, env: dict, workers: int = 2):
        self.env, self.workers = env, workers
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self) -> Server:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "handhold.cli",
                "serve",
                "--port",
                str(self.port),
                "--workers",
                str(self.workers),
            ],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        for _ in range(150):
            try:
                Browser(self.base).get("/")
                return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("handhold serve did not answer within 30 seconds")

    def kill(self) -> None:
        """SIGKILL to the whole process group: no clean shutdown of anything."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=20)

    def stop(self) -> tuple[str, str]:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
        return self.process.communicate(timeout=30)


class _FromAddress(urllib.request.HTTPHandler):
    """Connections that leave from a given local address, e.g. 127.0.0.2."""

    def __init__(self, source: str):
        super().__init__()
        self.source = source

    def http_open(self, request):
        connection = functools.partial(http.client.HTTPConnection, source_address=(self.source, 0))
        return self.do_open(connection, request)


class Browser:
    """Just enough of a browser (cookies, CSRF) to walk Handhold over real HTTP.

    With `source`, it connects from that address: every 127.x.y.z is this machine on Linux,
    so each browser can be a client with an address of its own, as a proxy sees it."""

    def __init__(self, base: str, source: str | None = None):
        self.base = base
        handlers = [urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())]
        if source:
            handlers.append(_FromAddress(source))
        self.opener = urllib.request.build_opener(*handlers)

    def get(self, path: str):
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()

    def token(self, form_page: str) -> str:
        _, _, html = self.get(form_page)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def post(self, path: str, data: dict, form_page: str | None = None, token: str | None = None):
        token = token or self.token(form_page or path)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True).encode()
        request = urllib.request.Request(self.base + path, data=body)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def sign_up(self, username: str) -> None:
        status, html = self.post(
            "/sign-up/",
            {
                "username": username,
                "passphrase": "a quiet long passphrase",
                "passphrase_again": "a quiet long passphrase",
                "adult": "on",
            },
        )
        errors = re.findall(r'class="error"[^>]*>([^<]+)', html)
        assert status == 200, (status, errors)  # the recovery code page, logged in
