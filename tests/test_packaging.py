"""The wheel carries every module and every Turtle, SPARQL and data file, so an installed nhskg
works outside the checkout (a subpackage missing from pyproject.toml once broke every command)."""
from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Where each folder of the checkout lands inside the wheel.
FOLDERS = {"src/nhskg": "nhskg", "ingest": "nhskg/ingest", "ontology": "nhskg/ontology",
           "shapes": "nhskg/shapes", "queries": "nhskg/queries"}
SHIPPED = {".py", ".ttl", ".rq", ".json", ".md"}


def expected_members() -> set[str]:
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    members = set()
    for path in tracked:
        for folder, inside in FOLDERS.items():
            if path.startswith(folder + "/") and Path(path).suffix in SHIPPED:
                members.add(inside + path[len(folder):])
    return members


@pytest.fixture(scope="module")
def wheel_members(tmp_path_factory) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", str(ROOT),
                    "-w", str(out)], check=True, capture_output=True)
    (wheel,) = out.glob("nhskg-*.whl")
    with zipfile.ZipFile(wheel) as z:
        return set(z.namelist())


def test_the_wheel_ships_every_module_and_resource(wheel_members):
    missing = sorted(expected_members() - wheel_members)
    assert not missing, f"not in the wheel: {missing}"


def test_every_python_package_folder_is_declared():
    declared = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = set()
    for folder, inside in FOLDERS.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            found.add((inside + "/" + str(init.parent.relative_to(ROOT / folder))).rstrip("/.").replace("/", "."))
    assert found <= declared, f"packages missing from pyproject.toml: {sorted(found - declared)}"
