"""Interchange formats, one module (or package) per format, reader and writer together."""
