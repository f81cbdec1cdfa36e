"""Synthetic argument maps of any size, for benchmarks.

A map of N claims over F claim files, deterministic for a seed: parties, sources
whose text files hold megabytes of prose-like text, quotes to verify (most of them
verbatim, a few not), supports, rebuttals, undercuts, allegations answered and
unanswered, a few acknowledged with ``ignore``. It is the shape of a real map, at
any size, so that timings say what a user would see.

    python bench/generate.py --claims 100000 --files 100       # -> bench/out/map-100000x100
    python bench/generate.py --claims 1000 --files 10 --text-mb 0.2 -o /tmp/small

The claim files are written as text (not through a YAML dumper), so a million
claims take seconds, and every string is a double-quoted YAML scalar.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
PARTIES = ("prosecution", "defence", "court", "press", "commission")
TAGS = ("trial", "terror", "exile", "letters", "meetings", "confession", "press", "motive")
_SYLLABLES = tuple(
    c + v for c in ("k", "r", "t", "n", "m", "l", "v", "s", "d", "sh") for v in "aeiou"
)
_GENERATOR_VERSION = 1  # bump when the output changes, so cached maps are rebuilt


@dataclass(frozen=True)
class Spec:
    """What to generate."""

    claims: int = 1000
    files: int = 10
    text_mb: float = 4.0
    seed: int = 1936
    missing_quote_rate: float = 0.002

    @property
    def name(self) -> str:
        return f"map-{self.claims}x{self.files}-t{self.text_mb:g}-s{self.seed}"


@dataclass
class _Text:
    """A generated source text and where its words lie, to cut quotes from it."""

    raw: str
    word_starts: list[int] = field(default_factory=list)


def prose(size: int, rng: random.Random, vocabulary: list[str], weights: list[float]) -> str:
    """About ``size`` characters of wrapped, paragraphed prose with typographic marks.

    Lines wrap at 72 columns; now and then a long word is hyphenated across the line
    break, and a phrase is set in curly quotes or followed by an em dash, so that
    quote checks meet what real scanned texts hold.
    """
    out: list[str] = []
    written = 0
    cum = list(itertools.accumulate(weights))
    while written < size:
        lines: list[str] = []
        line = ""
        for _sentence in range(rng.randint(3, 8)):
            words = rng.choices(vocabulary, cum_weights=cum, k=rng.randint(6, 24))
            words[0] = words[0].capitalize()
            if rng.random() < 0.15 and len(words) > 4:
                at = rng.randrange(1, len(words) - 2)
                words[at] = "“" + words[at]
                words[at + 1] = words[at + 1] + "”"
            if rng.random() < 0.1:
                at = rng.randrange(0, len(words) - 1)
                words[at] = words[at] + " —"
            if rng.random() < 0.3:
                at = rng.randrange(0, len(words) - 1)
                words[at] = words[at] + ","
            words[-1] += "."
            for word in " ".join(words).split(" "):
                if len(line) + 1 + len(word) <= 72:
                    line = f"{line} {word}" if line else word
                    continue
                if len(word) >= 8 and word.isalpha() and rng.random() < 0.3:
                    cut = len(word) // 2
                    lines.append(f"{line} {word[:cut]}-" if line else f"{word[:cut]}-")
                    line = word[cut:]
                else:
                    lines.append(line)
                    line = word
        lines.append(line)
        paragraph = "\n".join(lines) + "\n\n"
        out.append(paragraph)
        written += len(paragraph)
    return "".join(out)


def vocabulary(rng: random.Random, size: int = 20000) -> tuple[list[str], list[float]]:
    """Pseudo-words with Zipf-like frequencies: a few very common, most rare."""
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < size:
        length = min(1 + int(rng.expovariate(0.55)), 6)
        word = "".join(rng.choice(_SYLLABLES) for _ in range(length))
        if word not in seen:
            seen.add(word)
            words.append(word)
    words.sort(key=len)  # short words are the common ones, as in a real language
    weights = [1.0 / (rank + 1) for rank in range(size)]
    return words, weights


def _word_starts(raw: str) -> list[int]:
    """Offsets where a word begins after white space (quotes are cut from there)."""
    starts = []
    previous_space = True
    for i, char in enumerate(raw):
        space = char in " \n"
        if previous_space and not space:
            starts.append(i)
        previous_space = space
    return starts


def cut_quote(text: _Text, rng: random.Random) -> str:
    """A verbatim quote of 5-20 words, as an author copies it: line breaks joined."""
    starts = text.word_starts
    first = rng.randrange(0, len(starts) - 25)
    last = first + rng.randint(5, 20)
    end = starts[last]
    while end > 0 and text.raw[end - 1] in " \n":
        end -= 1
    if text.raw[end - 1] == "-":  # a word hyphenated across the line: quote all of it
        end = starts[last + 1] - 1
    passage = text.raw[starts[first] : end]
    quote = " ".join(passage.replace("-\n", "").split())
    if rng.random() < 0.3:  # some authors type straight quotes and hyphens
        quote = quote.replace("“", '"').replace("”", '"').replace("—", "-")
    return quote


def spoil(quote: str, rng: random.Random) -> str:
    """A quote that is not in the text: one word changed to a word of no source."""
    words = quote.split(" ")
    at = rng.randrange(len(words))
    words[at] = "zyxquor" + str(rng.randrange(1000))
    return " ".join(words)


def _q(text: str) -> str:
    """A double-quoted YAML scalar (JSON's escaping is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


class _MapWriter:
    """Builds claims file by file; remembers what earlier claims can be linked to."""

    def __init__(self, spec: Spec, texts: list[_Text], rng: random.Random) -> None:
        self.spec = spec
        self.texts = texts
        self.rng = rng
        self.words, weights = vocabulary(random.Random(spec.seed + 1), 4000)
        self.cum = list(itertools.accumulate(weights))
        self.earlier: list[tuple[str, str]] = []  # a sample of (id, party) of earlier files
        self.counter = 0
        self.quotes = 0
        self.missing = 0

    def sentence(self) -> str:
        words = self.rng.choices(self.words, cum_weights=self.cum, k=self.rng.randint(6, 18))
        return " ".join(words).capitalize() + "."

    def citation(self, quoted: bool) -> str:
        rng = self.rng
        index = 0 if rng.random() < 0.8 or len(self.texts) == 1 else rng.randrange(len(self.texts))
        source = f"s{index}"
        if not quoted:
            return f'{{source: {source}, at: "para {rng.randint(1, 400)}"}}'
        quote = cut_quote(self.texts[index], rng)
        self.quotes += 1
        every = (
            max(1, round(1 / self.spec.missing_quote_rate)) if self.spec.missing_quote_rate else 0
        )
        if every and self.quotes % every == min(3, every - 1):  # the 3rd, then one in `every`
            quote = spoil(quote, rng)
            self.missing += 1
        at = f"p. {rng.randint(1, 300)}"
        if rng.random() < 0.5:
            return f"{{source: {source}, quote: {_q(quote)}, at: {_q(at)}}}"
        return f"\n      - source: {source}\n        quote: {_q(quote)}\n        at: {_q(at)}"

    def file(self, number: int, count: int) -> str:
        rng = self.rng
        party = PARTIES[number % len(PARTIES)]
        others = [p for p in PARTIES if p != party]
        claims: list[dict[str, str]] = []
        recent: list[tuple[str, str]] = []  # (id, party) of this file
        relations: list[tuple[str, str, str]] = []  # (source, target, source party)
        ends_at: dict[str, tuple[str, str]] = {}  # target -> a relation ending at it
        pending: list[tuple[int, str, str, str | None]] = []  # allegations to answer
        for _ in range(count):
            self.counter += 1
            claim_id = f"c{self.counter:07d}"
            fields: dict[str, str] = {"text": _q(self.sentence())}
            speaker = party
            roll = rng.random()
            if pending and roll < 0.12:  # answer an allegation
                index, target, target_party, against = pending.pop(rng.randrange(len(pending)))
                speaker = against or rng.choice([p for p in PARTIES if p != target_party])
                if target in ends_at and rng.random() < 0.3:
                    source, _target = ends_at[target]
                    fields["undercuts"] = _q(f"{source} -> {target}")
                else:
                    fields["rebuts"] = target
            elif roll < 0.22:  # an allegation
                fields["kind"] = "allegation"
                speaker = party if rng.random() < 0.7 else rng.choice(others)
                against = None
                if rng.random() < 0.6:
                    against = rng.choice([p for p in PARTIES if p != speaker])
                    fields["against"] = against
                if rng.random() < 0.85:
                    fields["cite"] = self.citation(quoted=True)
                pending.append((len(claims), claim_id, speaker, against))
            elif roll < 0.37 and recent:  # evidence for a recent claim
                target, speaker = rng.choice(recent[-50:])
                fields["kind"] = "evidence"
                fields["supports"] = target
                fields["cite"] = self.citation(quoted=True)
                relations.append((claim_id, target, speaker))
                ends_at[target] = (claim_id, target)
            elif roll < 0.41 and relations:  # undercut an inference
                source, target, source_party = rng.choice(relations[-100:])
                speaker = rng.choice([p for p in PARTIES if p != source_party])
                fields["undercuts"] = _q(f"{source} -> {target}")
            elif roll < 0.70 and recent:  # support
                targets = rng.sample(recent[-30:], k=min(len(recent), rng.choice((1, 1, 1, 2))))
                speaker = targets[0][1]
                ids = [t for t, p in targets if p == speaker]
                fields["supports"] = ids[0] if len(ids) == 1 else f"[{', '.join(ids)}]"
                for target in ids:
                    relations.append((claim_id, target, speaker))
                    ends_at[target] = (claim_id, target)
            elif roll < 0.90 and recent:  # rebuttal
                target, target_party = rng.choice(recent[-30:])
                speaker = rng.choice([p for p in PARTIES if p != target_party])
                fields["rebuts"] = target
                relations.append((claim_id, target, speaker))
                ends_at[target] = (claim_id, target)
            elif roll < 0.99 and self.earlier:  # support across files
                target, speaker = rng.choice(self.earlier)
                fields["supports"] = target
            # else: an isolated remark (AM203)
            if rng.random() < 0.08:
                fields["cite"] = fields.get("cite") or self.citation(quoted=False)
            if rng.random() < 0.2:
                fields["tags"] = f"[{', '.join(rng.sample(TAGS, k=rng.randint(1, 3)))}]"
            if rng.random() < 0.05:
                fields["note"] = _q(self.sentence())
            if speaker != party:
                fields["party"] = speaker
            claims.append({"id": claim_id, **fields})
            recent.append((claim_id, speaker))
        for index, _target, _party, _against in pending:
            if rng.random() < 0.25:  # acknowledged: left open on purpose
                claims[index]["ignore"] = '{AM201: "left open: the record says nothing"}'
        for claim_id, speaker in rng.sample(recent, k=min(len(recent), 20)):
            self.earlier.append((claim_id, speaker))
        if len(self.earlier) > 2000:
            self.earlier = self.earlier[-2000:]
        return _claim_file(party, claims)


_ORDER = ("id", "party", "kind", "against", "text", "supports", "rebuts", "undercuts")


def _claim_file(party: str, claims: list[dict[str, str]]) -> str:
    lines = [
        f"# generated by bench/generate.py (v{_GENERATOR_VERSION})",
        f"party: {party}",
        "claims:",
    ]
    for claim in claims:
        keys = [k for k in _ORDER if k in claim] + [k for k in claim if k not in _ORDER]
        first = True
        for key in keys:
            value = claim[key]
            separator = "" if value.startswith("\n") else " "
            lines.append(f"  {'- ' if first else '  '}{key}:{separator}{value}")
            first = False
    return "\n".join(lines) + "\n"


def _metadata(spec: Spec, text_names: list[str]) -> str:
    lines = [
        f"# generated by bench/generate.py (v{_GENERATOR_VERSION})",
        "map:",
        f"  title: {_q(f'Synthetic map of {spec.claims} claims')}",
        "  description: A benchmark map; every word of it is generated.",
        "parties:",
    ]
    colors = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b")
    for party, color in zip(PARTIES, colors, strict=True):
        lines += [f"  {party}:", f"    name: {_q(party.title())}", f'    color: "{color}"']
    lines.append("sources:")
    for index, name in enumerate(text_names):
        lines += [
            f"  s{index}:",
            f"    title: {_q(f'Source text {index}')}",
            "    author: Generated",
            f'    date: "19{36 + index % 4}-08-{10 + index % 10}"',
            f"    text: texts/{name}",
        ]
    return "\n".join(lines) + "\n"


def _text_sizes(spec: Spec) -> list[int]:
    """One big text of ``text_mb`` and two small ones (a few per cent of it)."""
    big = max(int(spec.text_mb * 1_000_000), 20_000)
    return [big, max(big // 40, 10_000), max(big // 25, 10_000)]


def generate(spec: Spec, directory: Path | None = None, *, force: bool = False) -> Path:
    """Write the map of ``spec`` to ``directory`` (default: a cache under bench/out)."""
    target = directory or OUT / spec.name
    stamp = target / ".spec.json"
    wanted = json.dumps({"spec": spec.__dict__, "version": _GENERATOR_VERSION}, sort_keys=True)
    if not force and stamp.exists() and stamp.read_text(encoding="utf-8") == wanted:
        return target
    if target.exists():
        shutil.rmtree(target)
    (target / "texts").mkdir(parents=True)
    (target / "claims").mkdir()
    rng = random.Random(spec.seed)
    text_words, text_weights = vocabulary(random.Random(spec.seed + 2))
    texts: list[_Text] = []
    names: list[str] = []
    for index, size in enumerate(_text_sizes(spec)):
        raw = prose(size, rng, text_words, text_weights)
        name = f"s{index}.txt"
        (target / "texts" / name).write_text(raw, encoding="utf-8")
        texts.append(_Text(raw, _word_starts(raw)))
        names.append(name)
    (target / "metadata.yaml").write_text(_metadata(spec, names), encoding="utf-8")
    writer = _MapWriter(spec, texts, rng)
    per_file = [
        spec.claims // spec.files + (i < spec.claims % spec.files) for i in range(spec.files)
    ]
    width = len(str(spec.files))
    for number, count in enumerate(per_file):
        path = target / "claims" / f"part-{number + 1:0{width}d}.yaml"
        path.write_text(writer.file(number, count), encoding="utf-8")
    stamp.write_text(wanted, encoding="utf-8")
    summary = {"quotes": writer.quotes, "missing_quotes": writer.missing}
    (target / ".summary.json").write_text(json.dumps(summary), encoding="utf-8")
    return target


def claim_files(directory: Path) -> list[Path]:
    """The YAML files of a generated map, in the order argmap reads them."""
    return sorted([*directory.rglob("*.yaml"), *directory.rglob("*.yml")])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=Spec.claims, help="number of claims")
    parser.add_argument("--files", type=int, default=Spec.files, help="number of claim files")
    parser.add_argument("--text-mb", type=float, default=Spec.text_mb, help="size of the big text")
    parser.add_argument("--seed", type=int, default=Spec.seed)
    parser.add_argument("--missing-quote-rate", type=float, default=Spec.missing_quote_rate)
    parser.add_argument("-o", "--output", type=Path, help="directory (default: under bench/out/)")
    parser.add_argument("--force", action="store_true", help="rebuild even if it is cached")
    args = parser.parse_args(argv)
    if args.claims < 1 or args.files < 1 or args.files > args.claims:
        parser.error("need 1 <= --files <= --claims")
    spec = Spec(args.claims, args.files, args.text_mb, args.seed, args.missing_quote_rate)
    path = generate(spec, args.output, force=args.force)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
