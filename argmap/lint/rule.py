"""What every lint rule is: a code, a name, a severity and its documentation.

The record is :class:`argmap.findings.Rule`, shared with the loader (which reports
the AM0xx rules without importing the linter); it is re-exported here for the rules.
"""

from argmap.findings import Rule

__all__ = ["Rule"]
