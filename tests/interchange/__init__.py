"""Tests of argmap.interchange: readers of the field's formats, the claim-file writer."""
