"""Shared fixtures: the project's own example documents and a fresh database per test."""
from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    """A copy of examples/, so a test may change files without touching the originals."""
    target = tmp_path / "docs"
    shutil.copytree(EXAMPLES, target)
    return target


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


def needs_shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared is absent)")
    return path


def run(*args):
    """The command line, in this process: ``run("ingest", path, "--db", db)``."""
    from click.testing import CliRunner

    from directives.cli import cli

    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def ingest(db_path: Path, *paths: Path) -> None:
    """Ingest quietly, and say why when it fails."""
    result = run("ingest", *paths, "--db", db_path, "-q")
    assert result.exit_code == 0, result.output


def get(ds, path: str, signed_in: bool = False, **params):
    """A page through datasette.client, as an anonymous visitor or a signed-in clerk."""
    import asyncio

    cookies = {"ds_actor": ds.sign({"a": {"id": "clerk"}}, "actor")} if signed_in else {}
    return asyncio.run(ds.client.get(path, params=params or None, cookies=cookies))


@contextmanager
def served(db_path: Path, *args: str):
    """`directives serve` in its own process on a free port, as an office runs it; yields
    ``fetch(path) -> (status, text)`` once the server answers, and stops it after."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    directives = Path(sys.executable).with_name("directives")
    process = subprocess.Popen([str(directives), "serve", "--db", str(db_path), "--port", str(port), *args],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def fetch(path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    try:
        for _ in range(300):
            try:
                fetch("/-/versions.json")
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail("directives serve exited: " + process.stderr.read().decode())
                time.sleep(0.1)
        yield fetch
    finally:
        process.terminate()
        process.wait(timeout=10)
