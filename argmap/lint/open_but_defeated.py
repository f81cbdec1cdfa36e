"""An allegation acknowledged as unanswered that the grounded labelling puts out.

## What it does
Reports an allegation that carries `ignore: {AM201: reason}` (the map says nobody
answers it) but that the grounded labelling of the map, read the bipolar way as
`argmap analyse` does by default, labels **out**.

## Why is this bad?
If nobody answers an allegation, nothing in the map should defeat it. When it is
out all the same, something else reaches it: most often a claim supports it and
that supporter is rebutted (under the bipolar reading an attack on a supporter
reaches what it supports), or an attack is aimed at it that does not answer it.
Readers of the analysis then see an open point shown as defeated. Check the
supports into the allegation (does the supporter give a reason for it, or merely
confirm it?) and the attacks on it. The labels are a property of the graph, not a
finding of fact: nothing is weighed, and whoever speaks last wins.

## Example
```yaml
parties: {pro: {name: Prosecution}, def: {name: Defence}}
claims:
  - id: decision
    party: pro
    kind: allegation
    text: The union was decided on the spot in 1932.
    ignore: {AM201: the text gives no answer}
  - {id: letter, party: pro, text: A letter confirmed it., supports: decision}
  - {id: no-letter, party: def, text: No letter was written., rebuts: letter}
# AM207: 'decision' is out because its supporter 'letter' is out
```
Here the letter confirms a decision already taken: drop the support (or make the
letter evidence of something else), and `decision` stays open and in.
"""

from collections.abc import Iterator

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule
from argmap.model import ArgMap, Claim
from argmap.relations import Relations

RULE = Rule("AM207", "open-but-defeated", "warning", __doc__ or "")


def check(ctx: LintContext) -> Iterator[Finding]:
    rel = ctx.relations
    acknowledged = [c for c in rel.unanswered() if rel.status(c).status == "acknowledged"]
    if not acknowledged:
        return  # the common case costs no framework
    from argmap.analysis.framework import FrameworkTooLarge
    from argmap.analysis.semantics import claim_labels

    around = _influencing(rel, acknowledged)
    part = ArgMap(ctx.amap.root, claims=tuple(c for c in ctx.amap.claims if c.id in around))
    try:
        labels = claim_labels(part, "grounded", "bipolar")
    except FrameworkTooLarge:
        return  # 'argmap analyse' says why; lint stays bounded
    for claim in acknowledged:
        if labels.get(claim.id) != "out":
            continue
        attackers = [a.id for a in rel.attackers(claim.id) if labels.get(a.id) == "in"]
        supporters = [s.id for s in rel.supporters(claim.id) if labels.get(s.id) == "out"]
        if attackers:
            why = f"'{attackers[0]}' attacks it without answering it"
        elif supporters:
            why = f"its supporter '{supporters[0]}' is out, and that defeat reaches it"
        else:
            why = "a defeat reaches it through a chain of supports"
        yield RULE.finding(
            f"allegation '{claim.id}' is acknowledged as unanswered, yet the grounded "
            f"labelling puts it out: {why}; a support or an attack is probably mis-directed",
            claim.span,
            claim.id,
        )


def _influencing(rel: Relations, claims: list[Claim]) -> set[str]:
    """The claims with a path of relations or undercuts to one of ``claims``, and those.

    A grounded label depends only on what can reach the argument, and under the bipolar
    reading a derived attack runs along such a path too, so labelling this part of the
    map gives these claims the labels the whole map gives them, at a fraction of the cost.
    """
    found = {claim.id for claim in claims}
    pending = list(found)
    while pending:
        claim_id = pending.pop()
        for other in (
            *rel.supporters(claim_id),
            *rel.rebutters(claim_id),
            *rel.undercutting(claim_id),
        ):
            if other.id not in found:
                found.add(other.id)
                pending.append(other.id)
    return found
