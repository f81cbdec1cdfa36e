"""Abstract frameworks as files, in the formats of the ICCMA competitions, and answers.

- ASPARTIX ``.apx``: facts ``arg(a).`` and ``att(a,b).``; names are ASP constants
  or quoted strings (``arg("united-center").``); ``%`` starts a comment.
- ``.tgf`` (trivial graph format): one argument per line, a line ``#``, then one
  attack ``a b`` per line; names with spaces are written in double quotes.
- ICCMA 2023 (``.i23``, ``.af``): ``p af N``, then ``i j`` attack lines over
  arguments ``1..N``; ``#`` starts a comment. argmap writes each argument's name
  as a comment ``# i "name"`` and reads such names back.

Readers accept blank lines and comments anywhere and raise ``FrameworkFileError``
naming ``file:line:column`` and what to do. Writers are ``generate_apx``,
``generate_tgf`` and ``generate_i23`` (framework -> text). Answers are written as
the competitions do: ``[a,b]`` for a set, ``[[a,b],[c]]`` for a list of sets, and
``w 1 2 3`` lines for ICCMA 2023 numbered frameworks. ``export_apx``, ``export_tgf``
and ``export_i23`` write a map's attack graph (its bipolar reading) for
``argmap export``.
"""

from __future__ import annotations

import io
import json
import os
import re
from array import array
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from argmap.analysis.framework import Framework
from argmap.analysis.semantics import argument_order
from argmap.model import ArgMap

FORMATS: tuple[str, ...] = ("apx", "tgf", "i23")
SUFFIXES: dict[str, str] = {".apx": "apx", ".tgf": "tgf", ".i23": "i23", ".af": "i23"}
MAX_ARGUMENTS = 20_000_000
"""The most arguments a ``p af N`` header may declare (each costs memory before any attack)."""
FREE_ARGUMENTS = 10_000
ARGUMENTS_PER_BYTE = 2
"""A header may declare at most ``FREE_ARGUMENTS + ARGUMENTS_PER_BYTE * (file size)``
arguments: an argument that no line mentions costs as much as one that a line does,
so a 14-byte ``p af 4000000`` would cost seconds and a gigabyte before any question."""


class FrameworkFileError(ValueError):
    """A framework file that cannot be read, with its place: ``file:line:column: message``."""

    def __init__(self, path: str, line: int, column: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path, self.line, self.column, self.message = path, line, column, message


def format_of(path: str | os.PathLike[str]) -> str | None:
    """The framework format a file's suffix names, or ``None`` (then it is a map)."""
    return SUFFIXES.get(Path(path).suffix.lower())


def read_framework(path: str | os.PathLike[str], fmt: str | None = None) -> Framework:
    """Read a framework file; the format follows the suffix unless ``fmt`` is given."""
    from argmap.loading.text import DecodeError, decode

    shown = str(path)
    chosen = fmt or format_of(path)
    if chosen not in FORMATS:
        raise FrameworkFileError(
            shown, 1, 1, f"unknown framework format (suffix must be one of {sorted(SUFFIXES)})"
        )
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise FrameworkFileError(shown, 1, 1, f"cannot read file: {exc.strerror}") from None
    text = decode(data)
    if isinstance(text, DecodeError):
        message = text.message.replace("claim files are text", "framework files are text")
        raise FrameworkFileError(shown, text.line, text.column, message)
    return PARSERS[chosen](text, shown)


def _lines(text: str) -> Iterator[str]:
    """Lines split at LF only (a CR before it is dropped): names may hold other breaks."""
    for line in io.StringIO(text, newline="\n"):
        yield line.removesuffix("\n").removesuffix("\r")


# --- names -------------------------------------------------------------------------

_QUOTED = r'"(?:[^"\\]|\\.)*"'
_BARE_APX = re.compile(r"[a-z][A-Za-z0-9_]*|0|[1-9][0-9]*")


def _unquote(token: str) -> str:
    """A quoted name's text: JSON escapes, or (``"\\1"``) each escaped character as itself."""
    try:
        value = json.loads(token, strict=False)
    except ValueError:
        return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m[1], m[1]), token[1:-1], flags=re.DOTALL)
    assert isinstance(value, str)
    return value


_ESCAPES = {"n": "\n", "t": "\t"}


def _apx_term(name: str) -> str:
    if _BARE_APX.fullmatch(name):
        return name
    escaped = name.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _tgf_token(name: str) -> str:
    if name and not re.search(r'[\s"]', name) and not name.startswith("#"):
        return name
    return json.dumps(name, ensure_ascii=False)


# --- ASPARTIX .apx -------------------------------------------------------------------

_APX_FACT = re.compile(
    rf"(?P<pred>[A-Za-z_][A-Za-z0-9_]*)\s*\(\s*(?P<a>{_QUOTED}|[^\s(),\"%]+)\s*"
    rf"(?:,\s*(?P<b>{_QUOTED}|[^\s(),\"%]+)\s*)?\)\s*\."
)


def parse_apx(text: str, path: str = "<apx>") -> Framework:
    """ASPARTIX facts ``arg(a).`` and ``att(a,b).``, any number per line."""
    arguments: list[str] = []
    attacks: list[tuple[str, str, int, int]] = []
    for number, line in enumerate(_lines(text), start=1):
        position = 0
        while True:
            while position < len(line) and line[position].isspace():
                position += 1
            if position >= len(line) or line[position] == "%":
                break
            match = _APX_FACT.match(line, position)
            if match is None:
                found = line[position:].strip()
                raise FrameworkFileError(
                    path,
                    number,
                    position + 1,
                    f"expected a fact arg(NAME). or att(NAME,NAME). but found {found[:40]!r}; "
                    "write one fact per line, ending each with a period",
                )
            predicate, first, second = match["pred"], match["a"], match["b"]
            names = [_unquote(t) if t.startswith('"') else t for t in (first, second) if t]
            if predicate == "arg" and len(names) == 1:
                arguments.append(names[0])
            elif predicate == "att" and len(names) == 2:
                attacks.append((names[0], names[1], number, position + 1))
            else:
                raise FrameworkFileError(
                    path,
                    number,
                    position + 1,
                    f"unknown fact {match.group(0)!r}: only arg(NAME). and att(NAME,NAME). "
                    "describe a framework",
                )
            position = match.end()
    return _checked(arguments, attacks, path, "declare it with arg({}).")


def generate_apx(framework: Framework) -> str:
    """The framework as ASPARTIX facts: every ``arg``, then every ``att``."""
    return "".join(_apx_chunks(framework))


def _apx_chunks(framework: Framework) -> Iterator[str]:
    terms = [_apx_term(a) for a in framework.arguments]
    yield "".join(f"arg({t}).\n" for t in terms)
    starts, targets = framework.adjacency
    yield from _batched(
        f"att({term},{terms[t]}).\n"
        for source, term in enumerate(terms)
        for t in targets[starts[source] : starts[source + 1]]
    )


def _batched(lines: Iterable[str], size: int = 4096) -> Iterator[str]:
    """Lines joined a few thousand at a time: chunks to write as they come."""
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) == size:
            yield "".join(batch)
            batch.clear()
    yield "".join(batch)


# --- trivial graph format .tgf ----------------------------------------------------------

_TGF_TOKEN = re.compile(rf"{_QUOTED}|[^\s\"]+")


def _tgf_tokens(line: str, path: str, number: int, wanted: int) -> list[str]:
    tokens: list[str] = []
    position = 0
    while len(tokens) < wanted:
        while position < len(line) and line[position].isspace():
            position += 1
        match = _TGF_TOKEN.match(line, position)
        if match is None:
            what = "an argument name" if wanted == 1 else "an attack 'ATTACKER ATTACKED'"
            raise FrameworkFileError(
                path, number, position + 1, f'expected {what}; close quoted names with "'
            )
        token = match.group(0)
        tokens.append(_unquote(token) if token.startswith('"') else token)
        position = match.end()
    return tokens


def parse_tgf(text: str, path: str = "<tgf>") -> Framework:
    """Argument lines, a line ``#``, attack lines; other lines starting ``#`` are comments."""
    arguments: list[str] = []
    attacks: list[tuple[str, str, int, int]] = []
    in_attacks = False
    for number, raw in enumerate(_lines(text), start=1):
        line = raw.strip()
        if not line:
            continue
        if line == "#":
            if in_attacks:
                raise FrameworkFileError(
                    path, number, 1, "a second '#' line: only one separates arguments from attacks"
                )
            in_attacks = True
            continue
        if line.startswith("#"):
            continue
        if in_attacks:
            first, second = _tgf_tokens(raw, path, number, 2)
            attacks.append((first, second, number, 1))
        else:
            arguments.append(_tgf_tokens(raw, path, number, 1)[0])
    return _checked(arguments, attacks, path, "list it above the '#' line")


def generate_tgf(framework: Framework) -> str:
    """Argument lines, ``#``, attack lines."""
    return "".join(_tgf_chunks(framework))


def _tgf_chunks(framework: Framework) -> Iterator[str]:
    tokens = [_tgf_token(a) for a in framework.arguments]
    yield "".join(f"{token}\n" for token in tokens) + "#\n"
    starts, targets = framework.adjacency
    yield from _batched(
        f"{token} {tokens[t]}\n"
        for source, token in enumerate(tokens)
        for t in targets[starts[source] : starts[source + 1]]
    )


def _checked(
    arguments: list[str], attacks: list[tuple[str, str, int, int]], path: str, advice: str
) -> Framework:
    known = set(arguments)
    for first, second, number, column in attacks:
        for name in (first, second):
            if name not in known:
                raise FrameworkFileError(
                    path,
                    number,
                    column,
                    f"attack names argument {name!r}, which is not declared; "
                    + advice.format(_apx_term(name)),
                )
    return Framework(arguments, ((a, b) for a, b, _, _ in attacks))


# --- ICCMA 2023 p af N -------------------------------------------------------------------

_NAME_COMMENT = re.compile(rf"#\s*([1-9][0-9]*)\s+({_QUOTED})\s*$")
_COMMENT_LINE = re.compile(r"^[ \t]*#.*$", re.MULTILINE)
_HEADER = re.compile(r"[ \t]*p[ \t]+af[ \t]+([0-9]+)[ \t]*\r?")
_NOT_ATTACK = re.compile(r"^(?![ \t]*(?:[0-9]+[ \t]+[0-9]+[ \t]*)?\r?$)", re.MULTILINE)


class _Irregular(Exception):
    """The bulk path met something it does not handle: the careful path says what."""


def parse_i23(text: str, path: str = "<i23>") -> Framework:
    """``p af N`` and ``i j`` lines; names from ``# i "name"`` comments when all are given.

    The common file (plain lines, ASCII digits) is read in bulk; anything else is
    read line by line, which names the line and column of the first mistake.
    """
    try:
        return _parse_i23_bulk(text, path)
    except _Irregular:
        return _parse_i23_lines(text, path)


def _parse_i23_bulk(text: str, path: str) -> Framework:
    names: dict[int, str] = {}
    if "#" in text:
        for match in _COMMENT_LINE.finditer(text):
            named = _NAME_COMMENT.match(match.group(0).strip())
            if named:
                names.setdefault(int(named.group(1)), _unquote(named.group(2)))
        text = _COMMENT_LINE.sub("", text)
    head = len(text) - len(text.lstrip())
    end = text.find("\n", head)
    end = len(text) if end < 0 else end
    header = _HEADER.fullmatch(text, head, end)
    if header is None:
        raise _Irregular
    size = _check_size(header.group(1), len(text), path, text.count("\n", 0, head) + 1)
    body = text[end + 1 :]
    try:
        numbers = array("i", map(int, body.split()))
    except (OverflowError, ValueError):  # past 32 bits, or past Python's digit limit
        raise _Irregular from None
    if not _canonical_attack_lines(body, len(numbers)) and _NOT_ATTACK.search(body):
        raise _Irregular
    try:
        return Framework.from_indices(
            _i23_labels(size, names), numbers[0::2], numbers[1::2], base=1
        )
    except ValueError:  # an argument outside 1..N
        raise _Irregular from None


_DIGITS = str.maketrans("", "", "0123456789")


def _canonical_attack_lines(body: str, tokens: int) -> bool:
    """Whether ``body`` is ``i j`` lines as writers write them, checked without a regex.

    With the digits taken out, such a body is one space and a line end per line; with
    exactly two tokens per line, no line can hold one number or three.
    """
    lines, odd = divmod(tokens, 2)
    if odd or not lines:
        return False
    return body.translate(_DIGITS) in (" \n" * lines, " \n" * (lines - 1) + " ")


def _check_size(declared: str, length: int, path: str, line: int) -> int:
    """The size a header declares, or an error if the file could not describe that many."""
    bound = min(MAX_ARGUMENTS, FREE_ARGUMENTS + ARGUMENTS_PER_BYTE * length)
    if len(declared) > 9 or int(declared) > bound:
        shown = declared if len(declared) <= 20 else declared[:20] + "..."
        raise FrameworkFileError(
            path,
            line,
            1,
            f"'p af {shown}': argmap reads at most {bound:,} arguments from a file of "
            f"{length:,} bytes ({FREE_ARGUMENTS:,} plus {ARGUMENTS_PER_BYTE} per byte, never "
            f"more than {MAX_ARGUMENTS:,}); check the header",
        )
    return int(declared)


def _i23_labels(size: int, names: dict[int, str]) -> list[str]:
    """The arguments' names: those of the comments when every argument has a distinct one."""
    if len(names) == size and set(names) == set(range(1, size + 1)):
        given = [names[i] for i in range(1, size + 1)]
        if len(set(given)) == size:
            return given
    return [str(i) for i in range(1, size + 1)]


def _parse_i23_lines(text: str, path: str) -> Framework:
    """The careful path: line by line, raising ``FrameworkFileError`` at the first mistake."""
    size: int | None = None
    sources, targets = array("i"), array("i")
    names: dict[int, str] = {}
    for number, raw in enumerate(_lines(text), start=1):
        words = raw.split()
        if size is not None and len(words) == 2 and _small(words[0]) and _small(words[1]):
            source, target = int(words[0]), int(words[1])
            if 0 < source <= size and 0 < target <= size:
                sources.append(source - 1)
                targets.append(target - 1)
                continue
        if not words:
            continue
        if words[0].startswith("#"):
            named = _NAME_COMMENT.match(raw.strip())
            if named:
                names.setdefault(int(named.group(1)), _unquote(named.group(2)))
            continue
        if words[0] == "p":
            if size is not None:
                raise FrameworkFileError(path, number, 1, "a second 'p af N' line; keep one")
            if len(words) != 3 or words[1] != "af" or not _number(words[2]):
                raise FrameworkFileError(
                    path, number, 1, f"expected 'p af N' (N arguments) but found {raw[:40]!r}"
                )
            size = _check_size(words[2], len(text), path, number)
            continue
        _i23_attack_error(raw, number, path, size)
    if size is None:
        raise FrameworkFileError(path, 1, 1, "no 'p af N' line: an ICCMA 2023 file starts with one")
    return Framework.from_indices(_i23_labels(size, names), sources, targets)


def _small(word: str) -> bool:
    """ASCII digits, few enough for ``int`` to read at once (more lie past any ``p af N``)."""
    return len(word) <= 18 and _number(word)


def _number(word: str) -> bool:
    """ASCII digits only: ``str.isdigit`` also accepts superscripts that ``int`` refuses."""
    return word.isascii() and word.isdigit()


def _i23_attack_error(raw: str, number: int, path: str, size: int | None) -> None:
    """Raise the error for a line that is not a valid attack ``i j``."""
    if size is None:
        raise FrameworkFileError(
            path, number, 1, "an attack before the 'p af N' line; start the file with it"
        )
    fields = [(m.group(0), m.start() + 1) for m in re.finditer(r"\S+", raw)]
    if len(fields) != 2 or not all(_number(word) for word, _ in fields):
        raise FrameworkFileError(
            path, number, 1, f"expected an attack 'i j' but found {raw.strip()[:40]!r}"
        )
    for word, column in fields:
        if not (_small(word) and 1 <= int(word) <= size):
            raise FrameworkFileError(
                path, number, column, f"argument {word} is outside 1..{size} ('p af {size}')"
            )
    raise AssertionError("a valid attack line reached the error path")  # pragma: no cover


def generate_i23(framework: Framework) -> str:
    """``p af N``, a ``# i "name"`` comment per argument, then ``i j`` attack lines."""
    return "".join(_i23_chunks(framework))


def _i23_chunks(framework: Framework) -> Iterator[str]:
    yield f"p af {len(framework)}\n"
    yield from _batched(
        f"# {i} {json.dumps(name, ensure_ascii=False)}\n"
        for i, name in enumerate(framework.arguments, start=1)
    )
    starts, targets = framework.adjacency
    yield from _batched(
        f"{source + 1} {t + 1}\n"
        for source in range(len(framework))
        for t in targets[starts[source] : starts[source + 1]]
    )


PARSERS: dict[str, Callable[[str, str], Framework]] = {
    "apx": parse_apx,
    "tgf": parse_tgf,
    "i23": parse_i23,
}
GENERATORS: dict[str, Callable[[Framework], str]] = {
    "apx": generate_apx,
    "tgf": generate_tgf,
    "i23": generate_i23,
}


def parse(text: str, fmt: str, path: str = "<string>") -> Framework:
    """Parse framework text in ``fmt`` (one of ``FORMATS``)."""
    if fmt not in PARSERS:
        raise ValueError(f"unknown framework format {fmt!r} (must be one of {list(FORMATS)})")
    return PARSERS[fmt](text, path)


def generate(framework: Framework, fmt: str) -> str:
    """Framework text in ``fmt`` (one of ``FORMATS``)."""
    if fmt not in GENERATORS:
        raise ValueError(f"unknown framework format {fmt!r} (must be one of {list(FORMATS)})")
    return GENERATORS[fmt](framework)


# --- answers -------------------------------------------------------------------------------


def format_set(extension: Iterable[str]) -> str:
    """``[a,b,c]``: an extension as the competitions write it, sorted.

    Names are written bare unless they hold a space, comma, bracket or quote.
    """
    names = sorted(extension, key=argument_order)
    return "[" + ",".join(_answer_term(a) for a in names) + "]"


def _answer_term(name: str) -> str:
    if name and not re.search(r'[\s,\[\]"]', name):
        return name
    return json.dumps(name, ensure_ascii=False)


def format_sets(extensions: Iterable[Iterable[str]]) -> str:
    """``[[a,b],[c]]``: a list of extensions."""
    return "[" + ",".join(format_set(e) for e in extensions) + "]"


def format_witnesses(framework: Framework, extensions: Iterable[Iterable[str]]) -> str:
    """ICCMA 2023: a line ``w 1 2 3`` per extension (argument numbers), ``NO`` if none."""
    lines = []
    for extension in extensions:
        numbers = sorted(framework.index(a) + 1 for a in extension)
        lines.append(" ".join(["w", *map(str, numbers)]))
    return "\n".join(lines or ["NO"]) + "\n"


# --- a map's attack graph, for ``argmap export --to apx|tgf|i23`` ---------------------------


def export_apx(amap: ArgMap) -> Iterator[str]:
    """The map's attack graph (bipolar reading, ``from_map``) as ASPARTIX facts, in chunks."""
    from argmap.analysis.framework import from_map

    title = amap.info.title if amap.info and amap.info.title else amap.root
    yield f"% argmap: the attack graph of {' '.join(title.split())} (bipolar reading)\n"
    yield from _apx_chunks(from_map(amap).framework)


def export_tgf(amap: ArgMap) -> Iterator[str]:
    """The map's attack graph (bipolar reading) in the trivial graph format, in chunks."""
    from argmap.analysis.framework import from_map

    return _tgf_chunks(from_map(amap).framework)


def export_i23(amap: ArgMap) -> Iterator[str]:
    """The map's attack graph (bipolar reading) as ICCMA 2023 ``p af N``, names as comments."""
    from argmap.analysis.framework import from_map

    return _i23_chunks(from_map(amap).framework)
