"""The language server (``argmap lsp``): diagnostics, navigation, hover, completion,
outline, rename and quick fixes for claim files, in any LSP editor.

Only ``argmap lsp`` imports pygls (``server``); ``workspace`` and ``yamltext`` hold no
LSP types and are what the benchmarks and the server share.
"""
