"""Hypothesis strategies for hostile claim files: YAML text, event streams, claim data."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import strategies as st

HOSTILE = (
    "",
    " ",
    "no",
    "yes",
    "off",
    "012",
    "0x1F",
    "1e3",
    ".inf",
    "2024-01-01",
    "12:30:00",
    "~",
    "null",
    "<script>alert(1)</script>",
    '<TD HREF="javascript:alert(1)">',
    "\\N \\G \\L",
    "%0A::error::x",
    "100% done",
    "::warning file=a::b",
    "\x00",
    "\x07",
    "\ufeff",
    "\u2028",
    "\ud7ff\ue000\U0010ffff",
    "\r\n",
    "\t",
    "&anchor",
    "*alias",
    "!!python/object/apply:os.system",
    "end",
    "click a call alert(1)",
    "%%{init: {'securityLevel': 'loose'}}%%",
    "../../etc/passwd",
    "/etc/passwd",
    "~/.ssh/id_rsa",
    "a -> b",
    "a->a->a->a->a->",
    "->",
    "# not a comment",
    ": ",
    "- ",
    "[",
    "{",
    "]",
    "'",
    '"',
    "```",
    "| a | b |",
)

hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=4).map("".join),
)
"""Strings built to break a format: YAML 1.1 traps, markup, escapes, control characters."""

_POOL = st.sampled_from(["a", "b", "c", "d", "e", "p", "q", "s", "t"])
ids = st.integers(0, 9).flatmap(
    lambda n: (
        hostile_text
        if n == 0
        else st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,8}", fullmatch=True)
        if n == 1
        else _POOL
    )
)
"""Claim, party and source ids: mostly a small pool (so references meet), some hostile."""

scalars: st.SearchStrategy[Any] = st.one_of(
    hostile_text, st.none(), st.integers(), st.booleans(), st.floats()
)


def maybe_wrong(valid: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Usually ``valid``; sometimes a value of the wrong type."""
    wrong = st.one_of(
        scalars, st.lists(scalars, max_size=3), st.dictionaries(hostile_text, scalars, max_size=3)
    )
    return st.integers(0, 11).flatmap(lambda n: wrong if n == 0 else valid)


def one_or_many(item: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(item, st.lists(item, max_size=3))


citations = st.fixed_dictionaries(
    {"source": maybe_wrong(ids)},
    optional={"quote": maybe_wrong(hostile_text), "at": maybe_wrong(hostile_text)},
)

claims = st.fixed_dictionaries(
    {"id": maybe_wrong(ids), "text": maybe_wrong(hostile_text)},
    optional={
        "party": maybe_wrong(ids),
        "kind": maybe_wrong(st.sampled_from(["allegation", "claim", "evidence", "bogus"])),
        "against": maybe_wrong(ids),
        "supports": maybe_wrong(one_or_many(ids)),
        "rebuts": maybe_wrong(one_or_many(ids)),
        "undercuts": maybe_wrong(
            one_or_many(st.one_of(st.tuples(ids, ids).map(" -> ".join), hostile_text))
        ),
        "cite": maybe_wrong(one_or_many(citations)),
        "tags": maybe_wrong(st.lists(hostile_text, max_size=3)),
        "note": maybe_wrong(hostile_text),
        "ignore": maybe_wrong(
            st.dictionaries(st.sampled_from(["AM201", "AM203", "X"]), hostile_text)
        ),
        "unknown": scalars,
    },
)
"""A claim as data: every key of the format, values mostly right, hostile strings."""

parties = st.dictionaries(
    ids,
    maybe_wrong(
        st.fixed_dictionaries(
            {"name": maybe_wrong(hostile_text)},
            optional={"role": hostile_text, "color": st.sampled_from(["#1f77b4", "red", ""])},
        )
    ),
    max_size=3,
)

sources = st.dictionaries(
    ids,
    maybe_wrong(
        st.fixed_dictionaries(
            {"title": maybe_wrong(hostile_text)},
            optional={
                "author": hostile_text,
                "url": hostile_text,
                "text": st.one_of(
                    st.sampled_from(["texts/speech.txt", "speech.txt"]), hostile_text
                ),
            },
        )
    ),
    max_size=3,
)

claim_files = st.fixed_dictionaries(
    {"claims": maybe_wrong(st.lists(maybe_wrong(claims), max_size=5))},
    optional={
        "map": maybe_wrong(st.fixed_dictionaries({}, optional={"title": hostile_text})),
        "party": maybe_wrong(ids),
        "parties": maybe_wrong(parties),
        "sources": maybe_wrong(sources),
    },
)
"""A claim file as data, before it is written as YAML."""


@st.composite
def dumped(draw: st.DrawFn, data: st.SearchStrategy[Any]) -> str:
    """Data written by ``yaml.safe_dump`` in a style of hypothesis' choosing."""
    return yaml.safe_dump(
        draw(data),
        allow_unicode=draw(st.booleans()),
        default_flow_style=draw(st.sampled_from([False, True, None])),
        width=draw(st.sampled_from([20, 80, 10_000])),
        sort_keys=draw(st.booleans()),
    )


# -- plain data that round-trips: strings, None, lists, string-keyed mappings ---------------

plain = st.recursive(
    st.one_of(st.none(), hostile_text),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(hostile_text, children, max_size=4)
    ),
    max_leaves=20,
)


# -- event streams: anchors, aliases and tags, serialised by yaml.emit ---------------------

_TAGS = st.sampled_from(
    [
        None,
        None,
        None,
        "!",
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:int",
        "!local",
        "tag:yaml.org,2002:python/object/apply:os.system",
        "tag:evil.example,2024:x",
    ]
)
_ANCHORS = st.one_of(st.none(), st.none(), st.sampled_from(["a", "b", "x1"]))


def _scalar_event(value: str, anchor: str | None, tag: str | None, style: str | None) -> Any:
    return yaml.ScalarEvent(anchor, tag, (tag is None, tag is None), value, style=style)


scalar_events = st.builds(
    lambda *args: [_scalar_event(*args)],
    hostile_text,
    _ANCHORS,
    _TAGS,
    st.sampled_from([None, "'", '"', "|", ">"]),
)
alias_events = st.sampled_from(["a", "b", "x1"]).map(lambda a: [yaml.AliasEvent(a)])


def _collection(items: list[list[Any]], mapping: bool, anchor: str | None, flow: bool) -> list[Any]:
    if mapping:
        items = items[: len(items) // 2 * 2]
        start: Any = yaml.MappingStartEvent(anchor, None, True, flow_style=flow)
        end: Any = yaml.MappingEndEvent()
    else:
        start, end = (
            yaml.SequenceStartEvent(anchor, None, True, flow_style=flow),
            yaml.SequenceEndEvent(),
        )
    return [start, *(e for item in items for e in item), end]


node_events = st.recursive(
    st.one_of(scalar_events, scalar_events, alias_events),
    lambda children: st.builds(
        _collection, st.lists(children, max_size=6), st.booleans(), _ANCHORS, st.booleans()
    ),
    max_leaves=25,
)


def document(events: list[Any]) -> list[Any]:
    return [
        yaml.StreamStartEvent(),
        yaml.DocumentStartEvent(explicit=False),
        *events,
        yaml.DocumentEndEvent(explicit=False),
        yaml.StreamEndEvent(),
    ]
