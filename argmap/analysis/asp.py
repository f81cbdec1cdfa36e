"""Extensions by answer-set programming: our encodings, solved with clingo.

The encodings follow the ASPARTIX tradition (Egly, Gaggl and Woltran 2010): the
framework is given as facts ``arg(I)`` and ``att(I, J)`` over argument indices; a
program guesses which arguments are in, and constraints keep exactly the
extensions of one semantics. Preferred extensions are the subset-maximal complete
ones, enumerated with clingo's domain heuristic (``--enum-mode=domRec``) rather than
ASPARTIX's saturation encoding.

clingo is imported only when a solver is needed; without it, ``SolverUnavailable``
says how to install it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from argmap.analysis.framework import Framework

_GUESS = """
#defined arg/1.
#defined att/2.
% Guess: each argument is in the extension or out of it.
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
% Conflict-free: no argument in the extension attacks another one in it.
:- in(X), in(Y), att(X, Y).
% An argument is defeated when the extension attacks it.
defeated(X) :- in(Y), att(Y, X).
% An argument is undefended when one of its attackers is not defeated.
undefended(X) :- att(Y, X), not defeated(Y).
#show in/1.
"""

_ADMISSIBLE = """
% Admissible: the extension defends each of its arguments.
:- in(X), undefended(X).
"""

_COMPLETE = (
    _ADMISSIBLE
    + """
% Complete: every argument the extension defends is in it.
:- out(X), not undefended(X).
"""
)

ENCODINGS: dict[str, str] = {
    "complete": _GUESS + _COMPLETE,
    "preferred": _GUESS
    + _COMPLETE
    + """
% Preferred: subset-maximal complete extensions (with --enum-mode=domRec).
#heuristic in(X) : arg(X). [1, true]
""",
    "stable": _GUESS
    + """
% Stable: every argument outside the extension is attacked by it.
:- out(X), not defeated(X).
""",
}

_OPTIONS: dict[str, list[str]] = {
    "complete": [],
    "preferred": ["--heuristic=Domain", "--enum-mode=domRec"],
    "stable": [],
}


class SolverUnavailable(RuntimeError):
    """clingo, the solver for complete, preferred and stable semantics, is not installed."""


class SolverTimeout(RuntimeError):
    """The time limit was reached before every extension was found."""

    def __init__(self, semantics: str, timeout: float, found: list[frozenset[str]]) -> None:
        super().__init__(
            f"{semantics} extensions: time limit of {timeout:g} s reached after "
            f"{len(found)} extension(s); the answer would be incomplete (raise --timeout)"
        )
        self.semantics = semantics
        self.timeout = timeout
        self.found = found


def facts(framework: Framework) -> str:
    """The framework as ASP facts over argument indices."""
    lines = [f"arg(0..{len(framework) - 1})." if len(framework) else ""]
    starts, targets = framework.adjacency
    for source in range(len(framework)):
        lines.extend(f"att({source},{t})." for t in targets[starts[source] : starts[source + 1]])
    return "\n".join(lines) + "\n"


def solve(framework: Framework, semantics: str, timeout: float) -> list[frozenset[str]]:
    """Every extension of ``semantics``, in the solver's order, within ``timeout`` seconds.

    Raises ``SolverTimeout`` (carrying what was found) when the time limit is reached.
    """
    if semantics not in ENCODINGS:
        raise ValueError(f"unknown semantics {semantics!r} (must be one of {sorted(ENCODINGS)})")
    return list(_enumerate(framework, semantics, timeout))


def _enumerate(framework: Framework, semantics: str, timeout: float) -> Iterator[frozenset[str]]:
    try:
        import clingo
    except ImportError:  # pragma: no cover - clingo is installed where tests run
        raise SolverUnavailable(
            f"{semantics} semantics needs the clingo solver: pip install clingo"
        ) from None
    deadline = time.monotonic() + timeout
    control = clingo.Control(["0", *_OPTIONS[semantics]], logger=lambda _code, _message: None)
    control.add("base", [], ENCODINGS[semantics] + facts(framework))
    control.ground([("base", [])])
    names = framework.arguments
    found: list[frozenset[str]] = []
    if time.monotonic() >= deadline:
        raise SolverTimeout(semantics, timeout, found)
    with control.solve(yield_=True, async_=True) as handle:
        while True:
            handle.resume()
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not handle.wait(remaining):
                handle.cancel()
                raise SolverTimeout(semantics, timeout, found)
            model = handle.model()
            if model is None:
                break
            extension = frozenset(names[s.arguments[0].number] for s in model.symbols(shown=True))
            found.append(extension)
            yield extension
