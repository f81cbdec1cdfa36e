"""The Argument Interchange Format (AIF JSON): reader and writer, and what they agree on.

``AIF`` names, once, the contract between ``argmap export --to aif`` (write.py) and
``argmap import aif`` (read.py): the texts of the scheme nodes, how an L-node
names its speaker, and argmap's own extension object (key ``argmap``), which AIF
tools ignore and which carries what AIF has no place for:

- on the document: ``version``, ``map`` (``title``, ``description``) and
  ``sources`` (id -> ``title``, ``author``, ``date``, ``url``, ``text``: the path of
  the source's text as written, and ``path``: the file that declared it, so that
  an import can find the text again from where it writes the claim files);
- on each claim's I-node: ``id``, ``kind``, ``against``, ``note``, ``tags``,
  ``cite`` (a list of ``source``, ``quote``, ``at``, ``by``) and ``ignore``;
- on each participant: the party's ``id``, ``role``, ``color``, and ``declared:
  false`` for a party id that claims use without declaring it;
- on the L-node of a quote whose speaker a citation names (``by``): ``quote_of``,
  the id of the claim that cites it.

A reader meeting a ``version`` newer than ``AIF.VERSION`` says so in a finding and
reads what it knows.
"""

from __future__ import annotations

from typing import Final


class AIF:
    """What argmap's AIF writer and reader must agree on (see the package docstring)."""

    EXTENSION: Final = "argmap"
    VERSION: Final = 2
    """1: claims, parties, map, sources; 2: adds source ``text``/``path``, cite ``by``,
    and quote L-nodes (``quote_of``)."""
    RA_TEXT: Final = "Default Inference"
    CA_TEXT: Final = "Default Conflict"
    YA_TEXT: Final = "Asserting"
    SPEAKER_SEPARATOR: Final = " : "
    """Between the speaker's name and the words, in an L-node's text."""

    CLAIM_KEYS: Final = ("id", "kind", "against", "note", "tags", "cite", "ignore")
    CITE_KEYS: Final = ("source", "quote", "at", "by")
    PARTICIPANT_KEYS: Final = ("id", "role", "color", "declared")
    SOURCE_KEYS: Final = ("title", "author", "date", "url", "text", "path")
    QUOTE_OF: Final = "quote_of"

    @classmethod
    def locution_text(cls, speaker: str, words: str) -> str:
        """An L-node's text: who speaks, then what they say."""
        return f"{speaker}{cls.SPEAKER_SEPARATOR}{words}"
