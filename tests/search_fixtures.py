"""Search fixtures: the demo catalogue's documents, read from each database, and engines.

Test modules load these with ``pytest_plugins = ["tests.search_fixtures"]``.

The documents are built from the database once per backend (SQLite, PostgreSQL) and
reused: the demo database is read-only. ``demo_engine`` is one embedded engine per
backend, for tests that only read; ``engine`` is a fresh engine of each kind, loaded
through ``upsert``, for the contract tests, which also write. Meilisearch runs only
where ``MEILISEARCH_URL`` (and, if the server needs one, ``MEILISEARCH_API_KEY``) is set,
each test on an index of its own that is deleted afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator

import pytest

from marketplace.search.documents import build_all_documents
from search.documents import SearchDocument
from search.embedded import EmbeddedEngine
from search.engine import SearchEngine
from search.meili import MeiliEngine

ENGINE_KINDS = ("embedded", "meilisearch")
MEILISEARCH_URL = os.environ.get("MEILISEARCH_URL")
NO_MEILISEARCH = "MEILISEARCH_URL is not set: no Meilisearch server on this machine"

_documents: dict[str, list[SearchDocument]] = {}
_engines: dict[str, EmbeddedEngine] = {}


@pytest.fixture
async def demo_documents(demo_db: str, backend: str) -> list[SearchDocument]:
    """The demo catalogue's search documents, as ``build_all_documents`` reads them."""
    if backend not in _documents:
        _documents[backend] = await build_all_documents()
    return _documents[backend]


@pytest.fixture
def demo_engine(demo_documents: list[SearchDocument], backend: str) -> EmbeddedEngine:
    """An embedded engine over the demo catalogue; shared, so tests must not write to it."""
    if backend not in _engines:
        _engines[backend] = EmbeddedEngine.from_documents(demo_documents)
    return _engines[backend]


def meili_engine() -> MeiliEngine:
    """A Meilisearch engine on a new index of the server at MEILISEARCH_URL."""
    if not MEILISEARCH_URL:
        pytest.skip(NO_MEILISEARCH)
    return MeiliEngine.from_url(
        MEILISEARCH_URL,
        os.environ.get("MEILISEARCH_API_KEY"),
        index_uid=f"test_service_items_{uuid.uuid4().hex[:12]}",
    )


@pytest.fixture(params=ENGINE_KINDS)
async def engine(
    request: pytest.FixtureRequest, demo_documents: list[SearchDocument]
) -> AsyncIterator[SearchEngine]:
    """A fresh engine of each kind holding the demo catalogue, loaded through ``upsert``."""
    search_engine: SearchEngine = (
        meili_engine() if request.param == "meilisearch" else EmbeddedEngine()
    )
    await search_engine.upsert(demo_documents)
    yield search_engine
    if isinstance(search_engine, MeiliEngine):
        await search_engine.drop()
    await search_engine.close()
