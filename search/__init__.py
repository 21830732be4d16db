"""The search engine: the document type, the engine interface, Meilisearch and embedded engines.

This package stands alone: it imports nothing of ``marketplace`` and no ORM (an
import-linter contract in ``pyproject.toml`` keeps it so). Building documents from the
catalogue and keeping an index current are the application's, in ``marketplace.search``.

- ``search.documents``: ``SearchDocument``, what an engine knows of one listing;
- ``search.engine``: the ``SearchEngine`` interface, ``SearchQuery`` (validated; its
  ``from_params`` reads a query string) and ``SearchResult``;
- ``search.embedded``: the in-memory engine, the single-machine default and the tests';
- ``search.meili``: the Meilisearch engine, for deployments;
- ``search.fallback``: Meilisearch, falling back to the embedded engine while it is down;
- ``search.synonyms``: the field's abbreviations and synonyms, as data;
- ``search.text``: segmentation, pinyin, typo distances and highlighting.
"""

from search.documents import SearchDocument
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
]
