"""Sign-in at `/-/login` for the users of ``DIRECTIVES_USERS`` (``NAME:HASH``, hashes from
``directives hash-password``), who may then read documents marked secret.

Why not a sign-in plugin from the registry: datasette-auth-passwords keeps the users' hashes
in Datasette's metadata, which ``/-/metadata.json`` shows anyone (a weak password falls to an
offline guess in a second), hashes on the server's event loop (eight wrong passwords at once
froze every page for a second), offers a hashing page to anyone and never slows a guesser.
Here the users live in the environment only, a password is checked in a worker thread with
at most ``CONCURRENT_CHECKS`` at a time, and failures slow the next try of the same client
and of the same user name. The hash format is the same (pbkdf2_sha256$iterations$salt$hash),
so hashes made by ``datasette hash-password`` keep working.
"""
from __future__ import annotations

import asyncio
import base64
import hashlib
import os
import secrets
import time
from collections import OrderedDict

from datasette import hookimpl
from datasette.utils.asgi import Response

USERS_ENV = "DIRECTIVES_USERS"
ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 480_000  # as datasette-auth-passwords and Django
CONCURRENT_CHECKS = 2  # password checks running at once (each ~0.3 s of a core)
FREE_FAILURES = 3  # wrong passwords before the next try has to wait
MAX_WAIT = 300.0  # seconds: the longest a client or a user name is made to wait
FORGET_AFTER = 900.0  # seconds without a failure after which the count starts again
_TRACKED = 10_000  # clients and names remembered (the oldest forgotten first)


def hash_password(password: str, salt: str | None = None, iterations: int = ITERATIONS) -> str:
    salt = salt or secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt.encode("utf-8"), iterations)
    return f"{ALGORITHM}${iterations}${salt}${base64.b64encode(digest).decode('ascii')}"


def verify_password(password: str, password_hash: str) -> bool:
    try:
        algorithm, iterations, salt, _ = password_hash.strip().split("$", 3)
        iterations = int(iterations)
    except ValueError:
        return False
    if algorithm != ALGORITHM or not 1 <= iterations <= 10_000_000:
        return False
    return secrets.compare_digest(password_hash.strip(), hash_password(password, salt, iterations))


def parse_users(text: str) -> dict[str, str]:
    """``NAME:HASH NAME:HASH`` to a dict; a malformed item raises ValueError."""
    users = {}
    for item in text.split():
        name, _, password_hash = item.partition(":")
        if not name or not password_hash.startswith(ALGORITHM + "$") or password_hash.count("$") != 3:
            raise ValueError(f"{item[:40]!r} is not NAME:HASH with a hash from `directives hash-password`")
        users[name] = password_hash
    return users


def users() -> dict[str, str]:
    try:
        return parse_users(os.environ.get(USERS_ENV, ""))
    except ValueError:
        return {}


# A hash to check wrong user names against, so that a name's existence takes no less time.
_DUMMY = hash_password(secrets.token_hex(8))


class Throttle:
    """Failed sign-ins per key (a client's address, a user name): after ``FREE_FAILURES``, each
    further try waits twice as long as the last, up to ``MAX_WAIT``."""

    def __init__(self):
        self._failures: OrderedDict[str, tuple[int, float]] = OrderedDict()

    def wait(self, key: str, now: float | None = None) -> float:
        """Seconds before ``key`` may try again (0: now)."""
        now = time.monotonic() if now is None else now
        count, last = self._failures.get(key, (0, 0.0))
        if not count or now - last > FORGET_AFTER:
            return 0.0
        if count < FREE_FAILURES:
            return 0.0
        return max(0.0, last + min(MAX_WAIT, 2.0 ** (count - FREE_FAILURES)) - now)

    def failed(self, key: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        count, last = self._failures.pop(key, (0, 0.0))
        self._failures[key] = (1 if now - last > FORGET_AFTER else count + 1, now)
        while len(self._failures) > _TRACKED:
            self._failures.popitem(last=False)

    def succeeded(self, key: str) -> None:
        self._failures.pop(key, None)


def _state(datasette):
    if not hasattr(datasette, "_directives_signin"):
        datasette._directives_signin = (Throttle(), asyncio.Semaphore(CONCURRENT_CHECKS))
    return datasette._directives_signin


async def _check(datasette, name: str, password: str) -> bool:
    known = users()
    password_hash = known.get(name, _DUMMY)
    _, checks = _state(datasette)
    async with checks:
        ok = await asyncio.get_running_loop().run_in_executor(None, verify_password, password, password_hash)
    return ok and name in known


async def login(request, datasette):
    throttle, _ = _state(datasette)
    error, status = None, 200
    if not users():
        error = "Chưa có người dùng nào được cấu hình (DIRECTIVES_USERS hoặc directives serve --user)."
    if request.method == "POST":
        form = await request.post_vars()
        name = (form.get("username") or "").strip()[:200]
        password = (form.get("password") or "")[:1000]
        client = "ip:" + ((request.scope.get("client") or ("?",))[0] or "?")
        wait = max(throttle.wait(client), throttle.wait("user:" + name))
        if wait > 0:
            error, status = f"Đăng nhập sai quá nhiều lần: thử lại sau {int(wait) + 1} giây.", 429
        elif name and await _check(datasette, name, password):
            throttle.succeeded(client)
            throttle.succeeded("user:" + name)
            response = Response.redirect(datasette.urls.path("/"))
            response.set_cookie("ds_actor", datasette.sign({"a": {"id": name}}, "actor"), httponly=True, samesite="lax")
            return response
        else:
            throttle.failed(client)
            throttle.failed("user:" + name)
            error, status = "Sai tên đăng nhập hoặc mật khẩu.", 403
    html = await datasette.render_template("login.html", {"error": error}, request=request)
    return Response.html(html, status=status)


@hookimpl
def register_routes():
    return [(r"^/-/login$", login)]
