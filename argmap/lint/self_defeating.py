"""A party attacks a claim it relies on.

## What it does
A party relies on a claim when the claim supports one of the party's own claims,
directly or through a chain of supports. This rule reports a claim of that party
which rebuts the claim it relies on, or undercuts a relation ending at it.

## Why is this bad?
The attack turns against the party's own case: under the bipolar reading
(`argmap analyse`) an attack on a supporter reaches what it supports, so the party
defeats itself. It usually means one claim stands for two things, as when one
side reports what another said: that the words were said (which supports the
reporter's case) and what the words say (which the reporter disputes). Split it
into two claims and attack only the second.

## Example
```yaml
parties: {trotsky: {name: Trotsky}, kamenev: {name: Kamenev}}
claims:
  - {id: break-1927, party: trotsky, text: We broke politically in 1927.}
  - id: team-of-horses
    party: kamenev
    text: Kamenev said that he and Trotsky should unite again.
    supports: break-1927
  - id: repeat-1917
    party: trotsky
    text: Such a union would not repeat 1917.
    rebuts: team-of-horses                  # AM206: trotsky relies on team-of-horses
```
Instead, let Trotsky's evidence claim report that Kamenev said it (it supports
`break-1927`) and rebut Kamenev's own claim of what he said.
"""

from collections import deque
from collections.abc import Iterable, Iterator

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule
from argmap.model import Claim
from argmap.relations import Relations
from argmap.span import Span

RULE = Rule("AM206", "self-defeating", "error", __doc__ or "")


MAX_STEPS = 2_000_000
"""Steps of the walks back along supports, over all parties: beyond them the rule stops,
so a hostile map of many parties and long chains costs bounded time."""


def check(ctx: LintContext) -> Iterator[Finding]:
    rel = ctx.relations
    # party -> the claims it attacks that support something (only those can be relied on)
    attacked: dict[str, dict[str, None]] = {}
    for target, attackers in rel.attacked().items():
        if rel.supported(target):
            for attacker in attackers:
                if attacker.party:
                    attacked.setdefault(attacker.party, {})[target] = None
    by_party: dict[str, list[Claim]] = {party: [] for party in attacked}
    for claim in ctx.amap.claim_by_id.values():
        if claim.party in by_party:
            by_party[claim.party].append(claim)
    budget = [MAX_STEPS]
    for party in sorted(attacked):
        # A chain from an attacked claim to an own one lies among what the attacked
        # claims support, directly or not: the walk back is confined to those (on a big
        # map a small part of it) and finds there what a walk over the whole map would.
        ahead = _supported_from(rel, attacked[party], budget)
        relied = _relied_on(rel, [c for c in by_party[party] if c.id in ahead], ahead, budget)
        for target_id in attacked[party]:
            if target_id not in relied:
                continue
            own, direct = relied[target_id]
            how = "supports" if direct else "supports, through a chain of supports,"
            for attacker in rel.attackers(target_id):
                if attacker.party == party:
                    yield RULE.finding(
                        f"'{attacker.id}' attacks '{target_id}', which {how} '{own}' of the "
                        f"same party '{party}'; split what is reported from what it says, or "
                        "drop the support or the attack",
                        _attack_span(attacker, target_id),
                        attacker.id,
                    )
        if budget[0] <= 0:
            return


def _supported_from(rel: Relations, start: Iterable[str], budget: list[int]) -> set[str]:
    """The claims ``start`` support, directly or through a chain, and ``start`` itself,
    found within ``budget[0]`` steps (which it lowers)."""
    stack = list(start)  # in the order given: where the budget ends does not vary by run
    reached = set(stack)
    steps = 0
    supported = rel.supported
    while stack and steps < budget[0]:
        for target in supported(stack.pop()):
            steps += 1
            if target not in reached:
                reached.add(target)
                stack.append(target)
    budget[0] -= steps
    return reached


def _relied_on(
    rel: Relations, own: list[Claim], among: set[str], budget: list[int]
) -> dict[str, tuple[str, bool]]:
    """Claim id -> (the party's own claim it supports, whether directly): a breadth-first
    walk back along supports from the party's claims, each claim of ``among`` visited
    once, within ``budget[0]`` steps (which it lowers)."""
    found: dict[str, tuple[str, bool]] = {}
    queue: deque[str] = deque()
    supporters_of = rel.supporters
    for claim in own:
        for supporter in supporters_of(claim.id):
            if supporter.id not in found and supporter.id in among:
                found[supporter.id] = (claim.id, True)
                queue.append(supporter.id)
    steps = len(found)
    while queue and steps < budget[0]:
        claim_id = queue.popleft()
        reached = found[claim_id][0]
        for supporter in supporters_of(claim_id):
            steps += 1
            if supporter.id not in found and supporter.id in among:
                found[supporter.id] = (reached, False)
                queue.append(supporter.id)
    budget[0] -= steps
    return found


def _attack_span(attacker: Claim, target: str) -> Span:
    """Where ``attacker`` writes its rebuttal of ``target`` or its undercut ending there."""
    for ref in attacker.rebuts:
        if ref.target == target:
            return ref.span
    for undercut in attacker.undercuts:
        if undercut.target == target:
            return undercut.span
    return attacker.span
