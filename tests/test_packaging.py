"""A non-editable install works: the wheel holds every module, data table, template and
static file, and the installed command reads a document as the working tree does."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT


@pytest.mark.slow
def test_the_wheel_installs_and_extracts_as_the_working_tree_does(tmp_path):
    wheels = tmp_path / "wheels"
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(ROOT)],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-2000:]
    assert "warning" not in built.stderr.lower(), built.stderr[-2000:]  # no package-data folder left out
    wheel = next(wheels.glob("directives-*.whl"))
    # a fresh environment: the project from its wheel, its dependencies from this one (a .pth
    # adds their folder after the environment's own, and its editable finder is not loaded)
    env = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
    site = Path(subprocess.run([str(env / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)], check=True)
    where = subprocess.run([str(env / "bin" / "python"), "-c", "import directives, os; print(os.path.dirname(directives.__file__))"],
                           capture_output=True, text=True, check=True, cwd=tmp_path).stdout.strip()
    assert where.startswith(str(env)), where  # the installed copy, not the working tree
    example = str(EXAMPLES / "kh-0031-sct-quang-ngai.txt")
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    installed = subprocess.run([str(env / "bin" / "directives"), "extract", "--jsonl", example],
                               capture_output=True, text=True, cwd=tmp_path, env=clean)
    assert installed.returncode == 0, installed.stderr[-2000:]
    here = subprocess.run([str(Path(sys.executable).with_name("directives")), "extract", "--jsonl", example],
                          capture_output=True, text=True, check=True)
    assert json.loads(installed.stdout) == json.loads(here.stdout)
    # the plugin's templates and static files are in the installed package
    for name in ("datasette_plugins/templates/document.html", "datasette_plugins/static/directives.css", "nlp/data/doc_types.json"):
        assert (Path(where) / name).is_file(), name
