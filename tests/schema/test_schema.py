"""The published JSON Schema: shipped as generated, valid Draft-07, and agreeing with the loader."""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.loading.build import load
from argmap.schema import CLAIM_FILE_SCHEMA, ID_PATTERN, schema_json, shipped_schema_text
from tests.conftest import REPO

SHIPPED_SCHEMA = REPO / "argmap" / "schema" / "claim-file.schema.json"
REFUSED = {"AM001", "AM002", "AM003", "AM004"}


def test_the_shipped_file_is_the_generated_schema() -> None:
    assert SHIPPED_SCHEMA.read_text(encoding="utf-8") == schema_json()
    assert shipped_schema_text() == schema_json()
    assert json.loads(schema_json()) == CLAIM_FILE_SCHEMA


def test_it_is_a_valid_draft_07_schema() -> None:
    assert CLAIM_FILE_SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(CLAIM_FILE_SCHEMA)


def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[Any]:
    """``pattern`` as JSON Schema means it: ECMA-262, where ``$`` matches only at the end.

    Python's ``$`` also matches before a final newline, so python-jsonschema would take
    ``"abc\\n"`` for a valid id; the loader (rightly) does not.
    """
    if isinstance(instance, str) and not re.search(
        re.sub(r"(?<!\\)\$$", r"\\Z", pattern), instance
    ):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


def ecma_validator(schema: dict[str, Any]) -> jsonschema.protocols.Validator:
    """A Draft 7 validator of ``schema`` whose ``pattern`` follows ECMA 262, as the loader does."""
    extended = jsonschema.validators.extend(  # type: ignore[no-untyped-call]  # untyped in the stubs
        jsonschema.Draft7Validator, {"pattern": _ecma_pattern}
    )
    validator: jsonschema.protocols.Validator = extended(schema)
    return validator


VALIDATOR = ecma_validator(CLAIM_FILE_SCHEMA)


def loader_refuses(document: Any) -> set[str]:
    """The codes of what the loader refuses in the document, written as a claim file."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "claims.yaml"
        path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
        return {f.code for f in load(path).problems} & REFUSED


def test_a_trailing_newline_makes_an_id_invalid_for_both() -> None:
    document = {"claims": [{"id": "abc\n", "text": "T.", "party": "p"}]}
    assert not VALIDATOR.is_valid(document)
    assert loader_refuses(document) == {"AM002"}


def test_the_spec_example_is_valid_for_both() -> None:
    document = yaml.safe_load(
        """\
party: prosecution
claims:
  - id: united-center
    kind: allegation
    text: In summer 1932 Trotskyists and Zinovievists formed a secret "United Center".
    cite: {source: intro, quote: A secret “United Center”, at: para 5}
  - id: no-contact
    party: trotsky
    text: After December 1927 Trotsky had no contact at all with Zinoviev or Kamenev.
    rebuts: united-center
"""
    )
    VALIDATOR.validate(document)
    assert loader_refuses(document) == set()


@pytest.mark.parametrize(
    "document",
    [
        {"claims": [{"id": "a", "text": "T."}]},  # no party, and the file sets none
        {"claims": [{"id": "a", "text": "   ", "party": "p"}]},  # a text of white space
        {"claims": [{"id": "a", "text": "T.", "party": "p", "note": None}]},
        {"claims": None},
        {"sources": {"s": {"title": "S", "text": ""}}},
        {"parties": {"p": {"name": "P", "color": "#12345g"}}},
        {"claims": [{"id": "a", "text": "T.", "party": "p", "undercuts": "a->"}]},
    ],
)
def test_known_edge_cases_are_refused_by_both(document: dict[str, Any]) -> None:
    assert not VALIDATOR.is_valid(document)
    assert loader_refuses(document) == {"AM002"}


# -- generated documents: valid ones pass both, invalid ones fail both -------------

IDS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,5}", fullmatch=True)
TEXTS = st.text(min_size=1, max_size=12).filter(str.strip) | st.sampled_from(["no", "012", "1e3"])
ANY: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.text(max_size=8) | IDS,
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=6) | IDS, c, max_size=3),
    max_leaves=8,
)


def one_or_many(item: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return item | st.lists(item, max_size=3)


def maybe_broken(valid: st.SearchStrategy[Any], broken: bool) -> st.SearchStrategy[Any]:
    """The valid values, or (when generating invalid documents) anything at all, rarely."""
    return st.integers(0, 11).flatmap(lambda i: ANY if i == 0 else valid) if broken else valid


def record(
    required: dict[str, st.SearchStrategy[Any]],
    optional: dict[str, st.SearchStrategy[Any]],
    broken: bool,
) -> st.SearchStrategy[dict[str, Any]]:
    strategy = st.fixed_dictionaries(
        {k: maybe_broken(v, broken) for k, v in required.items()},
        optional={k: maybe_broken(v, broken) for k, v in optional.items()},
    )
    if not broken:
        return strategy
    mutations = st.sampled_from(["keep"] * 10 + ["drop", "extra"])
    return st.tuples(strategy, mutations, st.sampled_from([*required, *optional, "txt"])).map(
        _mutate
    )


def _mutate(args: tuple[dict[str, Any], str, str]) -> dict[str, Any]:
    value, mutation, key = args
    value = dict(value)
    if mutation == "drop":
        value.pop(key, None)
    elif mutation == "extra":
        value.setdefault(key, "x")
    return value


def documents(broken: bool) -> st.SearchStrategy[dict[str, Any]]:
    citation = record({"source": IDS}, {"quote": TEXTS, "at": st.text(max_size=8)}, broken)
    claim = record(
        {"id": IDS, "text": TEXTS},
        {
            "party": IDS,
            "kind": st.sampled_from(["allegation", "claim", "evidence"]),
            "against": IDS,
            "supports": one_or_many(IDS),
            "rebuts": one_or_many(IDS),
            "undercuts": one_or_many(st.tuples(IDS, IDS).map(" -> ".join)),
            "cite": one_or_many(citation),
            "tags": st.lists(TEXTS, max_size=3),
            "note": st.text(max_size=8),
            "ignore": st.dictionaries(st.sampled_from(["AM201", "isolated"]), TEXTS, max_size=2),
        },
        broken,
    )
    party = record(
        {"name": TEXTS},
        {"role": st.text(max_size=8), "color": st.from_regex(r"#[0-9a-fA-F]{6}", fullmatch=True)},
        broken,
    )
    source = record(
        {"title": TEXTS},
        {k: st.text(max_size=8) for k in ("author", "date", "url")} | {"text": TEXTS},
        broken,
    )
    keyed = IDS | st.text(max_size=6) if broken else IDS
    return st.tuples(
        record(
            {"party": IDS} if not broken else {},
            {
                "party": IDS,
                "map": record({}, {"title": st.text(max_size=8)}, broken),
                "parties": st.dictionaries(keyed, party, max_size=2),
                "sources": st.dictionaries(keyed, source, max_size=2),
                "claims": st.lists(claim, max_size=3),
            }
            if broken
            else {
                "map": record({}, {"title": st.text(max_size=8)}, broken),
                "parties": st.dictionaries(keyed, party, max_size=2),
                "sources": st.dictionaries(keyed, source, max_size=2),
                "claims": st.lists(claim, max_size=3),
            },
            broken,
        ),
    ).map(lambda t: t[0])


SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(documents(broken=False))
def test_generated_valid_documents_pass_both(document: dict[str, Any]) -> None:
    VALIDATOR.validate(document)
    assert loader_refuses(document) == set()


@SETTINGS
@given(documents(broken=True))
def test_the_loader_and_the_schema_agree_on_any_document(document: dict[str, Any]) -> None:
    schema_says = VALIDATOR.is_valid(document)
    refused = loader_refuses(document)
    assert schema_says == (not refused), (
        f"schema {'accepts' if schema_says else 'refuses'} but the loader reports {refused}: "
        + "; ".join(e.message for e in VALIDATOR.iter_errors(document))
    )


def test_ids_are_the_documented_pattern() -> None:
    assert ID_PATTERN == "^[A-Za-z0-9][A-Za-z0-9_.-]*$"


def _subschemas(schema: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema of a key or a value: properties, items, map values and key names."""
    if not isinstance(schema, dict):
        return
    for key, sub in schema.get("properties", {}).items():
        yield f"{where}.{key}", sub
        yield from _subschemas(sub, f"{where}.{key}")
    for word in ("items", "additionalProperties", "propertyNames"):
        sub = schema.get(word)
        if isinstance(sub, dict):
            yield f"{where}[{word}]", sub
            yield from _subschemas(sub, f"{where}[{word}]")
    for word in ("anyOf", "oneOf"):
        for i, sub in enumerate(schema.get(word, [])):
            yield from _subschemas(sub, f"{where}<{word}{i}>")


def test_every_key_and_value_has_a_description_plain_and_markdown() -> None:
    described = list(_subschemas(CLAIM_FILE_SCHEMA))
    assert len(described) > 40
    for where, sub in described:
        assert sub.get("description"), f"{where} has no description"
        assert sub.get("markdownDescription"), f"{where} has no markdownDescription"
        assert "`" not in sub["description"], f"{where}: backticks in the plain description"


def test_each_kind_has_its_own_description() -> None:
    kind = CLAIM_FILE_SCHEMA["properties"]["claims"]["items"]["properties"]["kind"]
    texts = {option["const"]: option["description"] for option in kind["oneOf"]}
    assert set(texts) == {"allegation", "claim", "evidence"} == set(kind["enum"])
    assert len(set(texts.values())) == 3


def test_every_example_is_valid_where_it_stands() -> None:
    checked = 0
    for where, sub in _subschemas(CLAIM_FILE_SCHEMA):
        for example in sub.get("examples", []):
            validator = ecma_validator(sub)
            assert validator.is_valid(example), f"{where}: example {example!r}"
            checked += 1
    assert checked > 30


def test_the_schema_names_the_keys_the_loader_reads() -> None:
    from argmap.loading.fields import CITATION_FIELDS, CLAIM_FIELDS

    claim = CLAIM_FILE_SCHEMA["properties"]["claims"]["items"]
    assert set(claim["properties"]) == set(CLAIM_FIELDS)
    cite = claim["properties"]["cite"]["anyOf"][0]
    assert set(cite["properties"]) == set(CITATION_FIELDS)
    event = CLAIM_FILE_SCHEMA["properties"]["events"]["items"]
    assert set(event["properties"]["cite"]["properties"]) == set(CITATION_FIELDS)
    top = set(CLAIM_FILE_SCHEMA["properties"])
    assert top == {"map", "party", "parties", "sources", "glossary", "events", "claims"}


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("1932", True),
        ("1932-06", True),
        ("1931/1936", True),
        ("1936-08-19", True),
        (1932, True),
        ("32", False),
        ("1932-6", False),
        ("soon", False),
    ],
)
def test_dates_in_the_schema_and_the_loader_agree(value: Any, valid: bool) -> None:
    document: dict[str, Any] = {"party": "p", "claims": [{"id": "a", "text": "A.", "when": value}]}
    assert VALIDATOR.is_valid(document) == valid
    assert (loader_refuses(document) == set()) == valid


def test_a_map_with_every_new_key_is_valid_for_both() -> None:
    document = yaml.safe_load(
        """\
map: {title: T}
parties: {p: {name: P}, q: {name: Q}}
sources: {s: {title: S, date: "1937", outside: true}}
glossary: {Thermidor: A turn of a revolution.}
events:
  - {date: 1934-12, text: Kirov is murdered., cite: {source: s, at: p. 1, by: q}}
party: p
claims:
  - {id: a, text: A., when: 1932, said: 1937-02, cite: {source: s, quote: Q, by: q}}
"""
    )
    assert VALIDATOR.is_valid(document), list(VALIDATOR.iter_errors(document))
    assert loader_refuses(document) == set()
