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

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "argmap" / "schema" / "claim-file.schema.json"
REFUSED = {"AM001", "AM002", "AM003", "AM004"}


def test_the_shipped_file_is_the_generated_schema() -> None:
    assert SHIPPED.read_text(encoding="utf-8") == schema_json()
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


VALIDATOR = jsonschema.validators.extend(jsonschema.Draft7Validator, {"pattern": _ecma_pattern})(
    CLAIM_FILE_SCHEMA
)


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
