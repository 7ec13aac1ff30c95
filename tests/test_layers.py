"""The import rules of the layout (README): handlers and the scheduler go through services."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "handlers": {"sqlalchemy", "models", "scheduler"},
    "scheduler": {"sqlalchemy", "models", "handlers"},
    "render": {"sqlalchemy", "models", "services", "handlers", "scheduler", "bot", "telegram"},
    "services": {"handlers", "scheduler", "render", "bot", "telegram"},
    "coaching": {"sqlalchemy", "telegram", "models", "services", "render", "handlers", "bot"},
    "models": {"services", "handlers", "scheduler", "render", "bot", "telegram"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_package_imports_what_sits_above_it(package):
    crossings = {
        str(path.relative_to(ROOT)): sorted(_imports(path) & FORBIDDEN[package])
        for path in (ROOT / package).rglob("*.py")
    }
    assert {file: names for file, names in crossings.items() if names} == {}
