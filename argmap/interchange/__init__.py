"""Readers of the field's formats (AIF JSON, Argdown's JSON) and the claim-file writer.

A reader turns a document into an ``ArgMap`` plus findings for what it could not
map; ``claimfiles.claim_files`` turns any ``ArgMap`` into v1 claim files.
"""
