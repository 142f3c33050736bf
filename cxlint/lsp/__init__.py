"""``cxlint lsp``: the linter as a Language Server, over stdio, for editors.

``positions`` turns source offsets into the editor's units, ``languages`` picks a reader for a
buffer, ``project`` holds one loaded engine per config, ``diagnostics`` and ``actions`` turn
findings into LSP objects, and ``server`` wires them to pygls.
"""
