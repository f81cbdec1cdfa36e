"""Reports: text, JSON, GitHub workflow commands, SARIF 2.1.0 (validated)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest

from argmap.findings import Finding
from argmap.lint import registry
from argmap.lint.report import FORMATS, ReportOptions, render, sarif
from argmap.model import Span
from tests.conftest import SARIF_SCHEMA, needs_shared

from .conftest import LintMap

ERROR = Finding(
    "AM102",
    "dangling-reference",
    "error",
    "'rebuts' names no claim 'x'",
    Span("m/a.yaml", 3, 5),
    "c",
)
WARNING = Finding("AM203", "isolated", "warning", "claim 'd' is alone", Span("m/a.yaml", 9, 5), "d")
ACKNOWLEDGED = Finding(
    "AM201", "unanswered", "error", "allegation 'e' is unanswered", Span("m/b.yaml", 1, 3), "e"
).acknowledge("answered at the next hearing")
HOSTILE = Finding(
    "AM002",
    "schema",
    "error",
    "100% wrong\r\nsecond line: a, b",
    Span("m/odd, name: 50%.yaml", 2, 7),
)
FINDINGS = [ERROR, WARNING, ACKNOWLEDGED]


def test_text_is_one_line_per_finding_then_a_summary() -> None:
    assert render(FINDINGS, "text").splitlines() == [
        "m/a.yaml:3:5: AM102 'rebuts' names no claim 'x'",
        "m/a.yaml:9:5: AM203 claim 'd' is alone [warning]",
        "m/b.yaml:1:3: AM201 allegation 'e' is unanswered "
        "[acknowledged: answered at the next hearing]",
        "Found 1 error(s), 1 warning(s), 1 acknowledged.",
    ]
    assert render([], "text") == "No problems found.\n"
    (line, _summary) = render([HOSTILE], "text").splitlines()
    assert line == "m/odd, name: 50%.yaml:2:7: AM002 100% wrong\\r\\nsecond line: a, b"


def test_json_has_the_spec_keys() -> None:
    data = json.loads(render(FINDINGS, "json"))
    assert [set(d) for d in data] == [
        {
            "path",
            "line",
            "column",
            "code",
            "rule",
            "severity",
            "message",
            "claim",
            "acknowledged",
            "reason",
        }
    ] * 3
    assert data[0] == {
        "path": "m/a.yaml",
        "line": 3,
        "column": 5,
        "code": "AM102",
        "rule": "dangling-reference",
        "severity": "error",
        "message": "'rebuts' names no claim 'x'",
        "claim": "c",
        "acknowledged": False,
        "reason": None,
    }
    assert (data[2]["acknowledged"], data[2]["reason"]) == (True, "answered at the next hearing")
    assert json.loads(render([], "json")) == []


def test_github_annotations_with_levels() -> None:
    assert render(FINDINGS, "github").splitlines() == [
        "::error file=m/a.yaml,line=3,col=5,title=AM102 dangling-reference::"
        "'rebuts' names no claim 'x'",
        "::warning file=m/a.yaml,line=9,col=5,title=AM203 isolated::claim 'd' is alone",
        "::notice file=m/b.yaml,line=1,col=3,title=AM201 unanswered::"
        "allegation 'e' is unanswered (acknowledged: answered at the next hearing)",
    ]
    assert render([], "github") == ""


def test_github_escapes_data_and_properties() -> None:
    (line,) = render([HOSTILE], "github").splitlines()
    assert line == (
        "::error file=m/odd%2C name%3A 50%25.yaml,line=2,col=7,title=AM002 schema::"
        "100%25 wrong%0D%0Asecond line: a, b"
    )


def sarif_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator: jsonschema.protocols.Validator = cls(schema)
    return validator


needs_sarif_schema = needs_shared(SARIF_SCHEMA)


@needs_sarif_schema
def test_sarif_validates_against_the_official_schema(
    lint_map: LintMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    linted = lint_map(
        {
            "claims/a b.yaml": """\
party: p
parties: {p: {name: P}}
claims:
  - {id: a, kind: allegation, text: A., ignore: {AM301: no source yet}}
  - {id: b, text: B., rebuts: zz}
"""
        },
        directory="repo",
    )
    monkeypatch.chdir(linted.root)
    findings = lint_map({}, directory="repo").findings
    document = json.loads(render(findings, "sarif"))
    sarif_validator().validate(document)
    assert json.loads(render([], "sarif"))["runs"][0]["results"] == []
    sarif_validator().validate(json.loads(render([HOSTILE, *FINDINGS], "sarif")))

    (run,) = document["runs"]
    assert "informationUri" not in run["tool"]["driver"]  # no link to a page that does not exist
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(registry())
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert "## What it does" in rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning")

    results = {r["ruleId"]: r for r in run["results"]}
    assert set(results) == {"AM102", "AM201", "AM203"}  # AM301 is acknowledged: left out
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        (location,) = result["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        uri = urlsplit(artifact["uri"])
        assert not uri.scheme and not uri.path.startswith("/")  # repository-relative
        assert unquote(uri.path) == "claims/a b.yaml"
        assert artifact["uriBaseId"] == "%SRCROOT%"
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base.startswith("file:///") and base.endswith("/")
    region = results["AM102"]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (5, 31)
    assert results["AM102"]["level"] == "error"
    assert results["AM203"]["level"] == "warning"
    kept = json.loads(render(findings, "sarif", ReportOptions(suppressed=True)))
    sarif_validator().validate(kept)
    suppressed = {r["ruleId"]: r for r in kept["runs"][0]["results"]}["AM301"]
    assert suppressed["level"] == "note"
    assert suppressed["suppressions"] == [{"kind": "inSource", "justification": "no source yet"}]
    assert "suppressions" not in results["AM201"]
    assert "suppressions" not in results["AM102"]


@needs_sarif_schema
def test_sarif_for_every_rule_validates() -> None:
    findings = [
        Finding(code, m.RULE.name, m.RULE.severity, "message", Span("a.yaml", 1, 1))
        for code, m in registry().items()
    ]
    document: dict[str, Any] = json.loads(render(findings, "sarif"))
    sarif_validator().validate(document)
    assert len(document["runs"][0]["results"]) == len(registry())


def test_every_format_renders_and_unknown_formats_name_the_allowed_ones() -> None:
    for fmt in FORMATS:
        assert isinstance(render(FINDINGS, fmt), str)
    with pytest.raises(ValueError, match=r"unknown format: 'xml' \(must be one of \["):
        render(FINDINGS, "xml")


def test_sarif_rules_describe_what_each_rule_does_beyond_its_summary() -> None:
    from argmap.lint import registry

    document = json.loads(sarif([]))
    rules = {r["id"]: r for r in document["runs"][0]["tool"]["driver"]["rules"]}
    for code, module in registry().items():
        full = rules[code]["fullDescription"]["text"]
        assert full == module.RULE.section("What it does") and full
        assert full != rules[code]["shortDescription"]["text"]
        assert "\n" not in full
