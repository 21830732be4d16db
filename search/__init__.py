"""Search over the catalogue: documents, the engine interface, Meilisearch and embedded engines.

Filled in by the search issue; the package exists so the layout is the one DESIGN.md names.
"""
