"""coaching/ is the centre: it imports nothing of the bot, the handlers, models or scheduler."""

import ast
from pathlib import Path

import coaching

FORBIDDEN = ("bot", "handlers", "models", "scheduler", "telegram", "sqlalchemy")


def test_coaching_imports_nothing_from_the_outer_layers():
    for path in Path(coaching.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in FORBIDDEN, f"{path.name} imports {name}"


def test_public_api_is_listed():
    for name in coaching.__all__:
        assert hasattr(coaching, name)
        assert name in coaching.__doc__ or name.lower() in coaching.__doc__.lower()
