"""argmap's tests; a package so that they import shared helpers as ``tests.conftest``."""
