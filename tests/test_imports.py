"""The package's import graph: no cycles at all, and the linter is a leaf.

Every ``import`` and ``from ... import`` of every module under ``argmap/`` counts,
wherever it is written: at the top, inside a function, or under
``if TYPE_CHECKING:`` (the type checker follows those too). ``from package import
name`` counts as an import of the submodule when ``name`` is one, else of the package.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from argmap.algorithms import strongly_connected
from tests.conftest import REPO

PACKAGE = REPO / "argmap"

LINT_USERS = ("argmap.lint", "argmap.commands", "argmap.lsp", "argmap.serve", "argmap.workspace")
"""Where ``argmap.lint`` may be imported from: itself, the commands, the language server,
the live preview (``argmap serve``), and ``argmap.workspace`` (lints some files within
their map, for the commands and the editors)."""
PUBLIC_ROOT = "argmap"
"""The package root re-exports ``argmap.lint.lint`` as ``argmap.lint(map)``. It binds it
at import: a function named like the subpackage, imported lazily, would be replaced by
the subpackage the first time anything imported ``argmap.lint``."""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path, known: dict[str, Path]) -> Iterator[str]:
    """The argmap modules that the module ``name`` (file ``path``) imports."""
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "argmap":
                    yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target.split(".")[0] != "argmap":
                continue
            for alias in node.names:
                child = f"{target}.{alias.name}"
                yield child if child in known else target


def import_graph() -> dict[str, set[str]]:
    known = modules()
    return {
        name: {m for m in imports_of(name, path, known) if m in known and m != name}
        for name, path in known.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module, each sorted."""
    ordered = {name: sorted(targets) for name, targets in sorted(graph.items())}
    return sorted(sorted(c) for c in strongly_connected(ordered) if len(c) > 1)


def test_the_walker_sees_imports_of_every_kind(tmp_path: Path) -> None:
    source = (
        "from __future__ import annotations\n"
        "from typing import TYPE_CHECKING\n"
        "import argmap.model\n"
        "from . import span\n"
        "from argmap import findings\n"
        "if TYPE_CHECKING:\n"
        "    from argmap.relations import Relations\n"
        "def f() -> None:\n"
        "    from argmap.graph import to_digraph\n"
    )
    path = tmp_path / "argmap" / "example.py"
    path.parent.mkdir()
    path.write_text(source, encoding="utf-8")
    known = {n: PACKAGE for n in modules()}
    found = set(imports_of("argmap.example", path, known))
    assert found == {
        "argmap.model",
        "argmap.span",
        "argmap.findings",
        "argmap.relations",
        "argmap.graph",
    }


def test_a_cycle_is_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_no_module_of_the_package_is_in_an_import_cycle() -> None:
    assert cycles(import_graph()) == []


def test_the_linter_is_a_leaf() -> None:
    graph = import_graph()
    outside = sorted(
        (name, target)
        for name, targets in graph.items()
        for target in targets
        if (target == "argmap.lint" or target.startswith("argmap.lint."))
        and not any(name == u or name.startswith(u + ".") for u in LINT_USERS)
        and name != PUBLIC_ROOT
    )
    assert outside == []
