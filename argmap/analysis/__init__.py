"""Analyses of a loaded map: coverage numbers and formal argumentation semantics.

- ``coverage``: the numbers a teacher puts on a slide (``argmap stats``).
- ``framework``: abstract argumentation frameworks and the translation of a map
  into one (rebuts, undercuts and, in the bipolar reading, supports).
- ``semantics``: grounded labelling in linear time; complete, preferred and stable
  extensions with clingo; ``claim_labels`` and ``allegation_status`` for maps.
- ``iccma``: the field's file formats (ASPARTIX ``.apx``, ``.tgf``, ICCMA 2023
  ``p af N``) and answers.

Nothing here is imported by ``argmap`` itself; each module imports what it needs.
"""
