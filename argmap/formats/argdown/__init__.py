"""Argdown: the writer of Argdown text and the reader of ``argdown json`` output."""
