"""``argmap analyse``: maps and ICCMA files in, labellings out (text, JSON, ICCMA)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_MAP, MapWriter, RunCli

TRIAL = """\
parties: {pro: {name: Prosecution}, def: {name: Defence}, press: {name: Press}}
claims:
  - {id: charge, party: pro, kind: allegation, against: def, text: They met.}
  - {id: denial, party: def, text: They never met., rebuts: charge}
  - {id: record, party: pro, kind: evidence, text: The register shows it., rebuts: denial}
  - {id: plot, party: pro, kind: allegation, text: A plot.}
  - {id: alibi, party: def, text: An alibi., rebuts: plot}
  - {id: false-alibi, party: pro, text: The alibi is false., rebuts: alibi}
  - {id: true-alibi, party: def, text: The alibi is true., rebuts: false-alibi}
  - {id: witness, party: def, text: A witness., supports: alibi}
  - {id: bribed, party: pro, text: The witness was bribed., undercuts: "witness -> alibi"}
  - {id: rumour, party: pro, kind: allegation, text: A rumour.}
  - {id: counter, party: def, text: Not so., rebuts: [rumour, spin]}
  - {id: spin, party: pro, text: So., rebuts: counter}
  - {id: gossip, party: pro, kind: allegation, against: def, text: Gossip.}
  - {id: editor, party: press, text: Wrong., rebuts: gossip}
"""

GROUNDED = {
    "in": ["alibi", "bribed", "charge", "editor", "record", "true-alibi", "witness"],
    "out": ["denial", "false-alibi", "gossip", "plot", "witness->alibi"],
    "undec": ["counter", "rumour", "spin"],
}


@pytest.mark.parametrize("mode", ["bipolar", "attack-only"])
def test_grounded_json_of_a_map(write_map: MapWriter, run_cli: RunCli, mode: str) -> None:
    root = write_map({"trial.yaml": TRIAL})
    code, out, err = run_cli("analyse", root, "--format", "json", "--mode", mode)
    assert (code, err) == (0, "")
    assert json.loads(out) == GROUNDED  # claims and undercut inferences, sorted; no auxiliaries


def test_the_text_report_says_which_answered_allegations_still_stand(
    write_map: MapWriter, run_cli: RunCli
) -> None:
    root = write_map({"trial.yaml": TRIAL})
    code, out, _ = run_cli("analyse", root)
    assert code == 0
    assert out.startswith(f"Grounded labelling of {root} (bipolar reading")
    assert "14 claims: 7 in, 4 out, 3 undec" in out
    assert "\nin (7):\n  alibi       def\n  bribed      pro\n" in out
    assert "  witness -> alibi: out" in out
    sections = out.split("\n\n")
    standing = next(s for s in sections if s.startswith("Answered but still standing"))
    assert standing.startswith("Answered but still standing (1): lint counts these as answered")
    assert standing.endswith("\n  charge: answered by denial [out]")
    undecided = next(s for s in sections if s.startswith("Answered, undecided"))
    assert undecided.endswith(
        "(1): an answer or the allegation's other attackers are themselves "
        "undecided\n  rumour: answered by counter [undec]"
    )
    fallen = next(s for s in sections if s.startswith("Unanswered, yet out"))
    assert fallen.endswith("\n  gossip\n")


def test_preferred_extensions_resolve_the_mutual_attack(
    write_map: MapWriter, run_cli: RunCli
) -> None:
    root = write_map({"trial.yaml": TRIAL})
    code, out, _ = run_cli("analyse", root, "--semantics", "preferred", "--format", "json")
    assert code == 0
    labellings = json.loads(out)
    assert len(labellings) == 2
    assert sorted("rumour" in labels["in"] for labels in labellings) == [False, True]
    assert all(set(labels["in"]) >= set(GROUNDED["in"]) for labels in labellings)
    assert all(labels["undec"] == [] for labels in labellings)
    code, text, _ = run_cli("analyse", root, "--semantics", "preferred")
    assert text.startswith(f"2 preferred extensions of {root}")
    assert "Sceptically, across the preferred extensions:" in text
    assert "14 claims: 7 in, 4 out, 3 undec" in text  # sceptically, as grounded here


def test_complete_extensions_are_a_list_of_labellings(
    write_map: MapWriter, run_cli: RunCli
) -> None:
    cycle = "party: p\nclaims:\n  - {id: a, text: A, rebuts: b}\n  - {id: b, text: B, rebuts: a}\n"
    root = write_map({"m.yaml": cycle})
    code, out, _ = run_cli("analyse", root, "--semantics", "complete", "--format", "json")
    assert code == 0
    assert json.loads(out) == [
        {"in": [], "out": [], "undec": ["a", "b"]},
        {"in": ["a"], "out": ["b"], "undec": []},
        {"in": ["b"], "out": ["a"], "undec": []},
    ]
    code, out, _ = run_cli("analyse", root, "--semantics", "stable", "--format", "iccma")
    assert (code, out) == (0, "[[a],[b]]\n")


def test_the_modes_differ_on_supports(write_map: MapWriter, run_cli: RunCli) -> None:
    claims = (
        "  - {id: a, text: A, supports: b}\n  - {id: b, text: B}\n  - {id: c, text: C, rebuts: a}\n"
    )
    root = write_map({"m.yaml": "party: p\nclaims:\n" + claims})
    _, bipolar, _ = run_cli("analyse", root, "--format", "iccma")
    _, plain, _ = run_cli("analyse", root, "--format", "iccma", "--mode", "attack-only")
    assert bipolar == "[c]\n"  # c attacks a, which supports b: the secondary attack c -> b
    assert plain == "[b,c]\n"


def test_output_is_deterministic(write_map: MapWriter, run_cli: RunCli) -> None:
    root = write_map({"trial.yaml": TRIAL})
    for semantics in ("grounded", "complete", "preferred"):
        runs = {run_cli("analyse", root, "--semantics", semantics)[1] for _ in range(3)}
        assert len(runs) == 1


# --- ICCMA files -------------------------------------------------------------------------------


def framework_file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_an_apx_file_grounded_as_json(tmp_path: Path, run_cli: RunCli) -> None:
    path = framework_file(tmp_path, "chain.apx", "arg(a). arg(b). arg(c).\natt(a,b). att(b,c).\n")
    code, out, _ = run_cli("analyse", path, "--semantics", "grounded", "--format", "json")
    assert code == 0
    assert json.loads(out) == {"in": ["a", "c"], "out": ["b"], "undec": []}
    code, text, _ = run_cli("analyse", path)
    assert text.splitlines() == [
        f"Grounded labelling of {path}: 3 argument(s)",
        "  in (2): a, c",
        "  out (1): b",
        "  undec (0): ",
    ]


def test_a_tgf_file_preferred_in_iccma_format(tmp_path: Path, run_cli: RunCli) -> None:
    path = framework_file(
        tmp_path, "nixon.tgf", "quaker\nrepublican\n#\nquaker republican\nrepublican quaker\n"
    )
    code, out, _ = run_cli("analyse", path, "--semantics", "preferred", "--format", "iccma")
    assert (code, out) == (0, "[[quaker],[republican]]\n")


def test_i23_answers_are_witness_lines(tmp_path: Path, run_cli: RunCli) -> None:
    path = framework_file(
        tmp_path, "f.i23", "p af 4\n# two attack each other\n1 2\n2 1\n3 3\n2 3\n"
    )
    _, stable, _ = run_cli("analyse", path, "--semantics", "stable", "--format", "iccma")
    assert stable == "w 2 4\n"  # {1, 4} leaves the self-attacker 3 unattacked
    _, grounded, _ = run_cli("analyse", path, "--format", "iccma")
    assert grounded == "w 4\n"
    odd = framework_file(tmp_path, "odd.af", "p af 3\n1 2\n2 3\n3 1\n")
    _, none, _ = run_cli("analyse", odd, "--semantics", "stable", "--format", "iccma")
    assert none == "NO\n"


def test_a_bad_framework_file_is_one_line_with_its_place(tmp_path: Path, run_cli: RunCli) -> None:
    path = framework_file(tmp_path, "bad.i23", "p af 2\n1 2\n2 7\n")
    code, out, err = run_cli("analyse", path)
    assert (code, out) == (2, "")
    assert err == f"argmap: error: {path}:3:3: argument 7 is outside 1..2 ('p af 2')\n"


def test_usage_errors(tmp_path: Path, run_cli: RunCli) -> None:
    path = framework_file(tmp_path, "f.apx", "arg(a).\n")
    code, _, err = run_cli("analyse", path, "--mode", "attack-only")
    assert code == 2 and "--mode applies to maps" in err
    code, _, err = run_cli("analyse", path, "--timeout", "0")
    assert code == 2 and "--timeout must be a positive number" in err
    code, _, err = run_cli("analyse", path, "--semantics", "ideal")
    assert code == 2 and "invalid choice: 'ideal'" in err
    code, _, err = run_cli("analyse", tmp_path / "missing.apx")
    assert code == 2 and "cannot read file" in err


def test_the_time_limit_is_an_error_without_a_partial_answer(
    tmp_path: Path, run_cli: RunCli
) -> None:
    pairs = "".join(f"{2 * i + 1} {2 * i + 2}\n{2 * i + 2} {2 * i + 1}\n" for i in range(40))
    path = framework_file(tmp_path, "pairs.i23", f"p af 80\n{pairs}")
    code, out, err = run_cli("analyse", path, "--semantics", "complete", "--timeout", "0.5")
    assert (code, out) == (2, "")
    assert "complete extensions: time limit of 0.5 s reached after" in err
    assert "raise --timeout" in err


def test_output_file_never_over_the_input(tmp_path: Path, run_cli: RunCli) -> None:
    path = framework_file(tmp_path, "f.apx", "arg(a).\n")
    target = tmp_path / "answer.json"
    code, out, _ = run_cli("analyse", path, "--format", "json", "-o", target)
    assert (code, out) == (0, "")
    assert json.loads(target.read_text()) == {"in": ["a"], "out": [], "undec": []}
    code, _, err = run_cli("analyse", path, "-o", path)
    assert code == 2 and "refusing to overwrite" in err
    assert path.read_text() == "arg(a).\n"


def test_the_shipped_map_in_every_semantics(run_cli: RunCli) -> None:
    for semantics in ("grounded", "complete", "preferred", "stable"):
        code, out, err = run_cli(
            "analyse", SHIPPED_MAP, "--semantics", semantics, "--format", "json"
        )
        assert (code, err) == (0, ""), semantics
        result = json.loads(out)
        labellings = [result] if semantics == "grounded" else result
        for labels in labellings:
            assert sorted(labels) == ["in", "out", "undec"]


# --- where users look: argmap render --labels ---------------------------------------------


def test_render_colours_claims_by_their_label(
    write_map: MapWriter, run_cli: RunCli, tmp_path: Path
) -> None:
    root = write_map({"trial.yaml": TRIAL})
    target = tmp_path / "trial.dot"
    code, _, err = run_cli("render", root, "--labels", "grounded", "-o", target)
    assert (code, err) == (0, "")
    dot = target.read_text()
    classes = dict(re.findall(r'id="claim-([^"]+)", class="[^"]*label-(in|out|undec)"', dot))
    expected = {c: label for label, ids in GROUNDED.items() for c in ids if "->" not in c}
    assert classes == expected
    code, _, _ = run_cli("render", root, "-o", tmp_path / "plain.dot")
    assert code == 0 and "label-in" not in (tmp_path / "plain.dot").read_text()


def test_render_labels_under_preferred_are_sceptical(
    write_map: MapWriter, run_cli: RunCli, tmp_path: Path
) -> None:
    cycle = "party: p\nclaims:\n  - {id: a, text: A, rebuts: b}\n  - {id: b, text: B, rebuts: a}\n"
    cycle += "  - {id: c, text: C, rebuts: [a, b]}\n  - {id: d, text: D, rebuts: c}\n"
    root = write_map({"m.yaml": cycle})
    target = tmp_path / "m.dot"
    assert run_cli("render", root, "--labels", "preferred", "-o", target)[0] == 0
    classes = dict(
        re.findall(r'id="claim-([^"]+)", class="[^"]*label-(in|out|undec)"', target.read_text())
    )
    assert classes == {"a": "undec", "b": "undec", "c": "out", "d": "in"}


# --- a map's attack graph as an ICCMA file -----------------------------------------------


@pytest.mark.parametrize("fmt", ["apx", "tgf", "i23"])
def test_an_exported_attack_graph_analyses_like_the_map(
    write_map: MapWriter, run_cli: RunCli, tmp_path: Path, fmt: str
) -> None:
    from argmap.formats import iccma
    from argmap.loading.build import load

    root = write_map({"trial.yaml": TRIAL})
    exported = tmp_path / f"trial.{fmt}"
    exported.write_text("".join(getattr(iccma, f"export_{fmt}")(load(root))))  # chunks
    for semantics in ("grounded", "preferred"):
        _, from_map, _ = run_cli("analyse", root, "--semantics", semantics, "--format", "json")
        _, from_file, _ = run_cli("analyse", exported, "--semantics", semantics, "--format", "json")
        if semantics == "grounded":
            from_map, from_file = f"[{from_map}]", f"[{from_file}]"
        # the file also holds the auxiliary arguments (~a) and carriers (a=>b[...])
        without_auxiliaries = [
            {
                label: [a for a in ids if "~" not in a and "=>" not in a]
                for label, ids in labels.items()
            }
            for labels in json.loads(from_file)
        ]
        assert without_auxiliaries == json.loads(from_map), semantics


def test_a_bipolar_reading_too_large_is_refused_with_the_way_out(
    write_map: MapWriter, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.analysis import framework

    monkeypatch.setattr(framework, "MAX_DERIVED_ATTACKS", 50)
    chain = "".join(
        f"  - {{id: s{i}, text: S, supports: s{i + 1}, rebuts: t{i}}}\n  - {{id: t{i}, text: T}}\n"
        for i in range(20)
    )
    root = write_map({"m.yaml": "party: p\nclaims:\n" + chain + "  - {id: s20, text: End}\n"})
    code, out, err = run_cli("analyse", root)
    assert (code, out) == (2, "")
    assert "derives more than 50 attacks" in err and "--mode attack-only" in err
    code, _, _ = run_cli("analyse", root, "--mode", "attack-only")
    assert code == 0
    code, _, err = run_cli("render", root, "--labels", "grounded", "-o", root.parent / "m.dot")
    assert code == 2 and "derives more than 50 attacks" in err
    # The handout does without labels rather than failing.
    code, out, _ = run_cli("debate", root, "--side", "p")
    assert code == 0 and "# " in out


def test_a_long_chain_of_supports_without_any_attack_is_not_too_large(
    write_map: MapWriter, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.analysis import framework

    monkeypatch.setattr(framework, "MAX_DERIVED_ATTACKS", 50)
    chain = "".join(f"  - {{id: s{i}, text: S, supports: s{i + 1}}}\n" for i in range(60))
    root = write_map({"m.yaml": "party: p\nclaims:\n" + chain + "  - {id: s60, text: End}\n"})
    code, out, _ = run_cli("analyse", root, "--format", "json")
    assert code == 0 and len(json.loads(out)["in"]) == 61
