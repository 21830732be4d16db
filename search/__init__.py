"""Search over the catalogue: documents, the engine interface, Meilisearch and embedded engines.

- ``search.documents``: ``SearchDocument``, one per published listing, built from the
  database (``build_document``, ``build_all_documents``);
- ``search.engine``: the ``SearchEngine`` interface, ``SearchQuery`` (validated; its
  ``from_params`` reads a query string) and ``SearchResult``;
- ``search.embedded``: the in-memory engine, the single-machine default and the tests';
- ``search.meili``: the Meilisearch engine, for deployments;
- ``search.fallback``: Meilisearch, falling back to the embedded engine while it is down;
- ``search.synonyms``: the field's abbreviations and synonyms, as data;
- ``search.text``: segmentation, pinyin, typo distances and highlighting.
"""

from search.documents import (
    SearchDocument,
    build_all_documents,
    build_document,
    build_documents,
    iter_documents,
)
from search.embedded import EmbeddedEngine
from search.engine import (
    FACETS,
    SORTS,
    CategorySuggestion,
    SearchEngine,
    SearchHit,
    SearchQuery,
    SearchQueryError,
    SearchResult,
    SearchUnavailable,
    Suggestions,
)
from search.fallback import FallbackEngine
from search.meili import MeiliEngine

__all__ = [
    "FACETS",
    "SORTS",
    "CategorySuggestion",
    "EmbeddedEngine",
    "FallbackEngine",
    "MeiliEngine",
    "SearchDocument",
    "SearchEngine",
    "SearchHit",
    "SearchQuery",
    "SearchQueryError",
    "SearchResult",
    "SearchUnavailable",
    "Suggestions",
    "build_all_documents",
    "build_document",
    "build_documents",
    "iter_documents",
]
