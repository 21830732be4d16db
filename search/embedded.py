"""The embedded engine: an in-memory inverted index, rebuilt from the database at start.

It serves the single-machine default and the test suite, and stands in while Meilisearch
is unreachable. Nothing is written to disk: the application rebuilds it from its database
(``marketplace.search.documents``) when a process starts, in a fraction of a second
for a city's catalogue and in about 20 s for 100,000 listings (benchmarks/search.py).

How it finds and ranks
    Text is indexed at three levels, each an inverted index of its own, so that what
    many listings share is indexed once: the listing (title, scope, content), its
    category (name, abbreviations, code, and the synonym groups naming it) and its agency
    (name and city). A query is cut into words (``search.text.query_words``) and every
    word must match, at any level. A Han word matches through itself (two characters: its
    bigram; more: all its bigrams, plus the whole word where the segmenter found it) and
    through its synonym groups. A Latin word matches itself, the Han words whose pinyin
    or pinyin initials it is ("huanping", "hp" → 环评), and, only when it matches none of
    these, the words one edit away (two from eight letters; transpositions count one).

    Ranking is BM25 with field weights (BM25F within each level, one IDF per term, the
    levels' scores added): a match in the title or the category weighs most, then the
    agency's name and city, then the scope, then the content. A synonym counts as much
    as the phrase typed, which earns only a small bonus for its exact wording; pinyin
    counts a little less, initials less again, corrected spellings least. Ties go to the
    smaller id.

How it stays fast
    Postings are numpy arrays (units ascending, float32 weights), kept in one compressed
    table plus a small one for recent additions, merged as it grows. Scores, matches,
    filters and facet counts are dense vector operations over all listings; only the
    page shown is sorted, by partitioning rather than a full sort. Replaced and deleted
    listings are masked out and squeezed away once they are a quarter of the table.
    The answers of the latest distinct queries are kept until the next write (an answer
    depends on the query and the index alone): a search asked again, as the popular ones
    are, costs a dictionary lookup.
"""

from __future__ import annotations

import asyncio
import time
from array import array
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

from search.documents import SearchDocument
from search.engine import (
    FACETS,
    RATING_BUCKETS,
    TIME_LIMIT_BUCKETS_DAYS,
    CategorySuggestion,
    SearchHit,
    SearchQuery,
    SearchResult,
    Suggestions,
    cumulative_facet,
    ordered_counts,
    rating_bucket,
    time_limit_bucket,
)
from search.synonyms import groups_by_category, groups_by_phrase
from search.text import (
    BM25_K1,
    HAN_RUN,
    LATIN_WORD,
    bigrams,
    bm25_idf,
    han_chars,
    highlight,
    highlight_pattern,
    is_han,
    max_typos,
    normalize,
    pinyin,
    query_words,
    search_words,
    snippet,
)

__all__ = ["EmbeddedEngine", "QueryPlan", "plan_query"]

# Field weights (BM25F). Title and category say what the listing *is*; the agency's name
# and city say who and where; scope and content are long and wordy.
TITLE_WEIGHT = 3.0
CATEGORY_WEIGHT = 3.0
AGENCY_NAME_WEIGHT = 2.0
CITY_WEIGHT = 1.5
SCOPE_WEIGHT = 1.0
CONTENT_WEIGHT = 0.5
# Length normalisation: long fields are normalised fully, short (name-like) ones half.
B_LONG = 0.75
B_SHORT = 0.5

# How much a match through each route counts, against the words typed (1.0).
EXACT_WORDING_BONUS = 0.25  # the phrase typed, over its synonyms
WHOLE_WORD_BONUS = 0.5  # the segmenter's whole word, on top of its bigrams
PINYIN_WEIGHT = 0.9
INITIALS_WEIGHT = 0.7
# Initials that stand for a word which is no category's short name count this much less.
ALIAS_INITIALS_FACTOR = 0.5
TYPO_WEIGHTS = {1: 0.6, 2: 0.4}

# Words that name things (titles, categories, agencies, cities) are what people type in
# pinyin; runs of Han characters up to this long count as such words too (盐城市).
_PINYIN_RUN_MAX_CHARS = 6
# Squeeze deleted listings out once they are this share of the table (and at least
# _COMPACT_MIN of them): masking them costs every query a little.
_COMPACT_SHARE = 0.25
_COMPACT_MIN = 1000
# Wordings a bulk build remembers the analysis of (``_Index.bulk_analysis``) before it
# starts afresh: about 25 KB each, so at most ~13 MB when no two listings share theirs.
_BULK_ANALYSIS_MAX = 512
# Merge recent postings into the main table once they are this share of it.
_MERGE_SHARE = 0.1
_SUGGESTED_CATEGORIES = 3
# Han words one pinyin key may stand for in a query (homophones, initials), most seen first.
_PINYIN_EXPANSIONS = 12

# Prefix of a synonym group's index term: no term made from text can contain it.
_CONCEPT = "\x01"

_IntArray = npt.NDArray[np.int32]
_FloatArray = npt.NDArray[np.float32]
_BoolArray = npt.NDArray[np.bool_]

_ANSWERS_KEPT = 256  # distinct queries whose answers are kept until the next write


def _concept(key: str) -> str:
    return _CONCEPT + key


# --- postings ---------------------------------------------------------------------------


class _Postings:
    """One level's inverted index: term → (units ascending, BM25F weights).

    Units (listing, category or agency numbers) only ever grow, so newer postings of a
    term always come after older ones and merging is concatenation per term.
    """

    def __init__(self) -> None:
        self.terms: dict[str, int] = {}
        self._main = _Csr.empty()
        self._recent = _Csr.empty()
        self._pending_tids = array("i")
        self._pending_units = array("i")
        self._pending_weights = array("f")

    @property
    def size(self) -> int:
        return self._main.size + self._recent.size + len(self._pending_tids)

    def add(self, unit: int, term_weights: dict[str, float]) -> None:
        terms = self.terms
        tids = self._pending_tids
        for term in term_weights:
            tid = terms.get(term)
            if tid is None:
                tid = terms[term] = len(terms)
            tids.append(tid)
        self._pending_units.extend([unit] * len(term_weights))
        self._pending_weights.extend(term_weights.values())

    def freeze(self) -> None:
        """Move pending postings into the tables (before any read)."""
        if not self._pending_tids:
            return
        n_terms = len(self.terms)
        pending = _Csr.from_unsorted(
            np.frombuffer(self._pending_tids, dtype=np.int32),
            np.frombuffer(self._pending_units, dtype=np.int32),
            np.frombuffer(self._pending_weights, dtype=np.float32),
            n_terms,
        )
        self._pending_tids = array("i")
        self._pending_units = array("i")
        self._pending_weights = array("f")
        if pending.size >= _MERGE_SHARE * self._main.size:
            self._main = _Csr.merge(_Csr.merge(self._main, self._recent, n_terms), pending, n_terms)
            self._recent = _Csr.empty()
        else:
            self._recent = _Csr.merge(self._recent, pending, n_terms)
            if self._recent.size >= _MERGE_SHARE * self._main.size:
                self._main = _Csr.merge(self._main, self._recent, n_terms)
                self._recent = _Csr.empty()

    def get(self, term: str) -> tuple[_IntArray, _FloatArray] | None:
        tid = self.terms.get(term)
        if tid is None:
            return None
        units, weights = self._main.row(tid)
        recent_units, recent_weights = self._recent.row(tid)
        if len(recent_units):
            if len(units):
                return np.concatenate((units, recent_units)), np.concatenate(
                    (weights, recent_weights)
                )
            units, weights = recent_units, recent_weights
        return (units, weights) if len(units) else None

    def renumber(self, new_unit: _IntArray, keep: _BoolArray) -> None:
        """Drop the units not in ``keep`` and renumber the rest (order is kept)."""
        self.freeze()
        n_terms = len(self.terms)
        merged = _Csr.merge(self._main, self._recent, n_terms)
        tids = merged.row_ids()
        alive = keep[merged.units]
        self._main = _Csr.from_unsorted(
            tids[alive], new_unit[merged.units[alive]], merged.weights[alive], n_terms
        )
        self._recent = _Csr.empty()


@dataclass(frozen=True, slots=True)
class _Csr:
    """Rows of (unit, weight) per term id, in three flat arrays."""

    offsets: npt.NDArray[np.int64]  # row t spans offsets[t]:offsets[t + 1]
    units: _IntArray
    weights: _FloatArray

    @classmethod
    def empty(cls) -> _Csr:
        return cls(np.zeros(1, np.int64), np.zeros(0, np.int32), np.zeros(0, np.float32))

    @property
    def size(self) -> int:
        return len(self.units)

    @property
    def n_rows(self) -> int:
        return len(self.offsets) - 1

    def row(self, tid: int) -> tuple[_IntArray, _FloatArray]:
        if tid >= self.n_rows:
            return self.units[:0], self.weights[:0]
        start, end = self.offsets[tid], self.offsets[tid + 1]
        return self.units[start:end], self.weights[start:end]

    def counts(self, n_rows: int) -> npt.NDArray[np.int64]:
        counts = np.zeros(n_rows, np.int64)
        counts[: self.n_rows] = np.diff(self.offsets)
        return counts

    def row_ids(self) -> _IntArray:
        return np.repeat(np.arange(self.n_rows, dtype=np.int32), np.diff(self.offsets))

    @classmethod
    def from_unsorted(
        cls, tids: _IntArray, units: _IntArray, weights: _FloatArray, n_rows: int
    ) -> _Csr:
        # A stable sort keeps each term's units in the order they were added: ascending.
        order = np.argsort(tids, kind="stable")
        counts = np.bincount(tids, minlength=n_rows)
        offsets = np.zeros(n_rows + 1, np.int64)
        np.cumsum(counts, out=offsets[1:])
        return cls(offsets, units[order], weights[order])

    @classmethod
    def merge(cls, older: _Csr, newer: _Csr, n_rows: int) -> _Csr:
        """Each row: the older units, then the newer ones (which are all larger)."""
        if newer.size == 0 and older.n_rows == n_rows:
            return older
        if older.size == 0 and newer.n_rows == n_rows:
            return newer
        older_counts = older.counts(n_rows)
        newer_counts = newer.counts(n_rows)
        offsets = np.zeros(n_rows + 1, np.int64)
        np.cumsum(older_counts + newer_counts, out=offsets[1:])
        units = np.empty(older.size + newer.size, np.int32)
        weights = np.empty(older.size + newer.size, np.float32)
        for part, shift in ((older, None), (newer, older_counts)):
            if part.size == 0:
                continue
            tids = part.row_ids()
            rank = np.arange(part.size, dtype=np.int64) - part.offsets[tids]
            dest = offsets[tids] + rank
            if shift is not None:
                dest += shift[tids]
            units[dest] = part.units
            weights[dest] = part.weights
        return cls(offsets, units, weights)


class _Column:
    """A growable numpy column (amortised O(1) append)."""

    def __init__(self, dtype: Any, fill: Any = 0) -> None:
        self._data = np.full(1024, fill, dtype=dtype)
        self._fill = fill
        self.n = 0

    def append(self, value: Any) -> None:
        if self.n == len(self._data):
            grown = np.full(len(self._data) * 2, self._fill, dtype=self._data.dtype)
            grown[: self.n] = self._data
            self._data = grown
        self._data[self.n] = value
        self.n += 1

    def set(self, row: int, value: Any) -> None:
        self._data[row] = value

    def add(self, row: int, amount: Any) -> None:
        self._data[row] += amount

    @property
    def values(self) -> npt.NDArray[Any]:
        return self._data[: self.n]

    def replace(self, values: npt.NDArray[Any]) -> None:
        self._data = np.array(values, dtype=self._data.dtype)
        self.n = len(values)
        if self.n == 0:
            self._data = np.full(1024, self._fill, dtype=self._data.dtype)


class _Vocabulary:
    """Distinct values of a facet ↔ small integer codes."""

    def __init__(self) -> None:
        self.codes: dict[Any, int] = {}
        self.values: list[Any] = []

    def code(self, value: Any) -> int:
        code = self.codes.get(value)
        if code is None:
            code = self.codes[value] = len(self.values)
            self.values.append(value)
        return code


# --- the index ---------------------------------------------------------------------------


@dataclass
class _Level:
    """An inverted index over one kind of unit, with its BM25 length statistics."""

    postings: _Postings = field(default_factory=_Postings)
    length_sums: list[float] = field(default_factory=list)
    length_count: int = 0
    fixed: bool = False  # averages set in advance by a bulk build: do not update

    def observe(self, lengths: Sequence[int]) -> None:
        if self.fixed:
            return
        for index, length in enumerate(lengths):
            self.length_sums[index] += length
        self.length_count += 1

    def norm(self, field_index: int, length: int, b: float) -> float:
        average = self.length_sums[field_index] / max(self.length_count, 1) or 1.0
        return 1.0 - b + b * length / average


class _Index:
    """All of the engine's data; the engine swaps in a new one on rebuild."""

    def __init__(self) -> None:
        self.docs: list[SearchDocument | None] = []
        self.docno_by_id: dict[int, int] = {}
        self.n_live = 0
        self.listing = _Level(length_sums=[0.0, 0.0, 0.0])
        self.category = _Level(length_sums=[0.0])
        self.agency = _Level(length_sums=[0.0, 0.0])
        self.category_groups: dict[tuple[str, str, tuple[str, ...]], int] = {}
        self.agency_groups: dict[tuple[str, str], int] = {}
        self.category_group_live = _Column(np.int32)
        self.agency_group_live = _Column(np.int32)
        self.category_names: dict[str, str] = {}
        # Per listing (docno) columns.
        self.alive = _Column(np.bool_, False)
        self.ids = _Column(np.int64)
        self.doc_category_group = _Column(np.int32)
        self.doc_agency_group = _Column(np.int32)
        self.time_limit_days = _Column(np.int32)
        self.fee_low = _Column(np.float64, np.nan)
        self.fee_high = _Column(np.float64, np.nan)
        self.rating = _Column(np.float64, np.nan)
        self.rating_count = _Column(np.int32)
        self.facet_codes = {name: _Column(np.int32) for name in FACETS}
        self.vocabularies = {
            name: _Vocabulary() for name in ("category", "market_type", "fee_type")
        }
        self.local_vocabulary = ("false", "true")
        # Pinyin (full or initials) → Han word → how often it was seen in a name-like field.
        self.pinyin_full: dict[str, Counter[str]] = {}
        self.pinyin_initials: dict[str, Counter[str]] = {}
        self._pinyin_seen: set[str] = set()
        # The categories' short names (the first abbreviation of each: 环评, 安评).
        self.short_names: set[str] = set()
        # Latin words (pinyin and index words) that typos may be corrected to, by length.
        self.typo_vocabulary: dict[int, set[str]] = {}
        self._typo_lists: dict[int, list[str]] = {}
        # During a bulk build (length averages fixed), a listing's postings and the name
        # words of its title depend only on its three texts: listings that share them (a
        # standard wording copied by many agencies) are analysed once. None: not building.
        self.bulk_analysis: dict[tuple[str, str, str], tuple[dict[str, float], list[str]]] | None
        self.bulk_analysis = None

    # --- writing -------------------------------------------------------------------------

    def add(self, doc: SearchDocument) -> None:
        self.remove(doc.id)
        docno = len(self.docs)
        self.docs.append(doc)
        self.docno_by_id[doc.id] = docno
        self.n_live += 1

        category_group = self._category_group(doc)
        agency_group = self._agency_group(doc)
        self.category_group_live.add(category_group, 1)
        self.agency_group_live.add(agency_group, 1)

        self.alive.append(True)
        self.ids.append(doc.id)
        self.doc_category_group.append(category_group)
        self.doc_agency_group.append(agency_group)
        self.time_limit_days.append(doc.time_limit_days)
        self.fee_low.append(np.nan if doc.fee_low_fen is None else doc.fee_low_fen)
        self.fee_high.append(np.nan if doc.fee_high_fen is None else doc.fee_high_fen)
        self.rating.append(np.nan if doc.rating is None else doc.rating)
        self.rating_count.append(doc.rating_count)
        codes = self.facet_codes
        codes["category"].append(self.vocabularies["category"].code(doc.category_code))
        codes["market_type"].append(self.vocabularies["market_type"].code(doc.market_type))
        codes["local"].append(int(doc.agency_is_local))
        codes["time_limit"].append(time_limit_bucket(doc.time_limit_days))
        codes["fee_type"].append(self.vocabularies["fee_type"].code(doc.fee_type))
        codes["rating"].append(rating_bucket(doc.rating))
        self.category_names[doc.category_code] = doc.category_name

        level = self.listing
        lengths = (len(doc.title), len(doc.scope), len(doc.content))
        level.observe(lengths)
        bulk = self.bulk_analysis
        key = (doc.title, doc.scope, doc.content)
        analysed = bulk.get(key) if bulk is not None and level.fixed else None
        if analysed is None:
            weights: dict[str, float] = {}
            for index, (text, weight, b, short) in enumerate(
                (
                    (doc.title, TITLE_WEIGHT, B_SHORT, True),
                    (doc.scope, SCOPE_WEIGHT, B_LONG, False),
                    (doc.content, CONTENT_WEIGHT, B_LONG, False),
                )
            ):
                norm = level.norm(index, lengths[index], b)
                _accumulate(weights, self._terms(text, short=short), weight / norm)
            analysed = (weights, self._name_words(doc.title))
            if bulk is not None and level.fixed:
                if len(bulk) >= _BULK_ANALYSIS_MAX:
                    bulk.clear()
                bulk[key] = analysed
        level.postings.add(docno, analysed[0])
        self._count_names(analysed[1])

    def remove(self, doc_id: int) -> bool:
        docno = self.docno_by_id.pop(doc_id, None)
        if docno is None:
            return False
        self.docs[docno] = None
        self.alive.set(docno, False)
        self.category_group_live.add(int(self.doc_category_group.values[docno]), -1)
        self.agency_group_live.add(int(self.doc_agency_group.values[docno]), -1)
        self.n_live -= 1
        return True

    def _category_group(self, doc: SearchDocument) -> int:
        key = (doc.category_code, doc.category_name, doc.category_abbreviations)
        group = self.category_groups.get(key)
        if group is not None:
            return group
        group = self.category_groups[key] = len(self.category_groups)
        self.category_group_live.append(0)
        text = " ".join((doc.category_name, *doc.category_abbreviations))
        level = self.category
        level.observe((len(text),))
        terms = self._terms(text, short=True)
        terms.append(doc.category_code.lower())
        terms.extend(_concept(g.key) for g in groups_by_category().get(doc.category_code, ()))
        weights: dict[str, float] = {}
        _accumulate(weights, terms, CATEGORY_WEIGHT / level.norm(0, len(text), B_SHORT))
        level.postings.add(group, weights)
        for name in (doc.category_name, *doc.category_abbreviations):
            self._learn_names(name, whole=True)
        self.short_names.update(doc.category_abbreviations[:1])
        return group

    def _agency_group(self, doc: SearchDocument) -> int:
        key = (doc.agency_name, doc.agency_city)
        group = self.agency_groups.get(key)
        if group is not None:
            return group
        group = self.agency_groups[key] = len(self.agency_groups)
        self.agency_group_live.append(0)
        level = self.agency
        lengths = (len(doc.agency_name), len(doc.agency_city))
        level.observe(lengths)
        weights: dict[str, float] = {}
        _accumulate(
            weights,
            self._terms(doc.agency_name, short=True),
            AGENCY_NAME_WEIGHT / level.norm(0, lengths[0], B_SHORT),
        )
        _accumulate(
            weights,
            self._terms(doc.agency_city, short=True),
            CITY_WEIGHT / level.norm(1, lengths[1], B_SHORT),
        )
        level.postings.add(group, weights)
        self._learn_names(doc.agency_name)
        self._learn_names(doc.agency_city, whole=True)
        return group

    def _terms(self, text: str, *, short: bool) -> list[str]:
        """Index terms of one field: bigrams, long words, synonym groups, Latin words;
        single characters too in short fields (a one-character query can match a name)."""
        normalized = normalize(text)
        terms: list[str] = []
        for run in HAN_RUN.findall(normalized):
            terms.extend(bigrams(run))
        if short:
            terms.extend(han_chars(normalized))
        for word in search_words(normalized):
            keys = _group_keys_within(word)
            if keys:
                terms.extend(keys)
            if len(word) >= 3 and is_han(word):
                terms.append(word)
        latin = LATIN_WORD.findall(normalized)
        terms.extend(latin)
        for word in latin:
            self._learn_latin(word)
        return terms

    def _learn_names(self, text: str, *, whole: bool = False) -> None:
        """Remember the pinyin of the name-like words of ``text``."""
        self._count_names(self._name_words(text, whole=whole))

    @staticmethod
    def _name_words(text: str, *, whole: bool = False) -> list[str]:
        """The name-like Han words of ``text``, as often as they occur."""
        normalized = normalize(text)
        words = [word for word in search_words(normalized) if len(word) >= 2]
        runs = HAN_RUN.findall(normalized)
        words.extend(run for run in runs if 2 <= len(run) <= _PINYIN_RUN_MAX_CHARS)
        if whole and is_han(normalized):
            words.append(normalized)
        return [word for word in words if is_han(word)]

    def _count_names(self, words: Iterable[str]) -> None:
        full_index, initials_index = self.pinyin_full, self.pinyin_initials
        for word in words:
            full, initials = pinyin(word)
            seen = full_index.get(full)
            if seen is None:
                seen = full_index[full] = Counter()
            seen[word] += 1
            seen = initials_index.get(initials)
            if seen is None:
                seen = initials_index[initials] = Counter()
            seen[word] += 1
            if word not in self._pinyin_seen:
                self._pinyin_seen.add(word)
                self._learn_latin(full)

    def _learn_latin(self, word: str) -> None:
        if len(word) >= 3 and word.isalpha():
            bucket = self.typo_vocabulary.setdefault(len(word), set())
            if word not in bucket:
                bucket.add(word)
                self._typo_lists.pop(len(word), None)

    def freeze(self) -> None:
        dead = len(self.docs) - self.n_live
        if dead >= _COMPACT_MIN and dead >= _COMPACT_SHARE * len(self.docs):
            self._compact()
        for level in (self.listing, self.category, self.agency):
            level.postings.freeze()

    def _compact(self) -> None:
        keep = self.alive.values.copy()
        new_docno = (np.cumsum(keep) - 1).astype(np.int32)
        self.listing.postings.renumber(new_docno, keep)
        live = [doc for doc in self.docs if doc is not None]
        self.docs = list(live)
        self.docno_by_id = {doc.id: docno for docno, doc in enumerate(live)}
        columns = [
            self.alive,
            self.ids,
            self.doc_category_group,
            self.doc_agency_group,
            self.time_limit_days,
            self.fee_low,
            self.fee_high,
            self.rating,
            self.rating_count,
            *self.facet_codes.values(),
        ]
        for column in columns:
            column.replace(column.values[keep])

    # --- reading -------------------------------------------------------------------------

    def typo_candidates(self, word: str, max_distance: int) -> list[tuple[str, int]]:
        """Known Latin words within ``max_distance`` edits of ``word``, nearest first."""
        found: list[tuple[str, int]] = []
        for length in range(len(word) - max_distance, len(word) + max_distance + 1):
            if length not in self.typo_vocabulary:
                continue
            choices = self._typo_lists.get(length)
            if choices is None:
                choices = self._typo_lists[length] = sorted(self.typo_vocabulary[length])
            for choice, distance, _ in process.extract(
                word, choices, scorer=OSA.distance, score_cutoff=max_distance, limit=None
            ):
                if choice != word:
                    found.append((choice, int(distance)))
        found.sort(key=lambda pair: (pair[1], pair[0]))
        return found

    def has_term(self, term: str) -> bool:
        """Whether some listing, category or agency was indexed with ``term``."""
        levels = (self.listing, self.category, self.agency)
        return any(term in level.postings.terms for level in levels)

    def knows_latin(self, word: str) -> bool:
        """Whether a Latin word is an index term or the pinyin of a known word."""
        return self.has_term(word) or word in self.pinyin_full or word in self.pinyin_initials


@lru_cache(maxsize=50_000)
def _group_keys_within(word: str) -> tuple[str, ...]:
    """Index terms of the synonym groups whose phrases ``word`` is or contains.

    The segmenter keeps a phrase whole only where no longer word covers it: in
    "环境影响评价报告书" it finds 环境影响评价报告 and 书, not 环境影响评价.
    """
    phrases = groups_by_phrase()
    keys: dict[str, None] = {}
    for start in range(len(word) - 1):
        for end in range(start + 2, len(word) + 1):
            for group in phrases.get(word[start:end], ()):
                keys[_concept(group.key)] = None
    return tuple(keys)


def _accumulate(weights: dict[str, float], terms: Iterable[str], weight: float) -> None:
    for term, count in Counter(terms).items():
        weights[term] = weights.get(term, 0.0) + count * weight


# --- queries --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Alternative:
    terms: tuple[str, ...]  # all must occur, at the same level
    weight: float


@dataclass(slots=True)
class _Clause:
    word: str
    alternatives: list[_Alternative] = field(default_factory=list)
    marks: set[str] = field(default_factory=set)  # phrases to highlight


@dataclass(frozen=True, slots=True)
class QueryPlan:
    """How a query is matched: per word, its alternatives (for tests and debugging)."""

    clauses: tuple[_Clause, ...]

    def describe(self) -> dict[str, list[tuple[tuple[str, ...], float]]]:
        return {
            clause.word: [(alt.terms, alt.weight) for alt in clause.alternatives]
            for clause in self.clauses
        }


def _han_alternatives(word: str, weight: float, clause: _Clause) -> None:
    """A Han word matches through its characters and through its synonym groups.

    A word of a synonym group is matched by the group, every phrase of it alike (环评 and
    环境影响报告书 are one thing); its own characters then add only a small bonus, or an
    occurrence of the very word typed would count twice.
    """
    clause.marks.add(word)
    groups = groups_by_phrase().get(word, ())
    literal = weight * (EXACT_WORDING_BONUS if groups else 1.0)
    if len(word) <= 2:
        clause.alternatives.append(_Alternative((word,), literal))
    else:
        clause.alternatives.append(_Alternative(tuple(dict.fromkeys(bigrams(word))), literal))
        clause.alternatives.append(_Alternative((word,), literal * WHOLE_WORD_BONUS))
    for group in groups:
        clause.alternatives.append(_Alternative((_concept(group.key),), weight))
        clause.marks.update(group.phrases)


def _pinyin_alternatives(
    index: _Index, key: str, weight: float, clause: _Clause, *, initials: bool = False
) -> None:
    table = index.pinyin_initials if initials else index.pinyin_full
    seen = table.get(key)
    if not seen:
        return
    # The words most often seen first; a short key (initials) may stand for many. A
    # category's own short name (its first abbreviation, 环评) is what its initials mean
    # first; other words with the same initials (洪评, an alias of 防洪评价) count less.
    ranked = sorted(seen.items(), key=lambda pair: (-pair[1], pair[0]))
    for word, _count in ranked[:_PINYIN_EXPANSIONS]:
        primary = not initials or word in index.short_names
        _han_alternatives(word, weight if primary else weight * ALIAS_INITIALS_FACTOR, clause)


def _join_words(q: str, words: Sequence[str], replacements: Sequence[str]) -> str:
    """The query ``q`` with its ``words`` replaced, keeping what stood between them.

    Words cut from one run of Han characters touch again ("环境影响评价", not "环境影响
    评价"); words the person separated stay separated by one space.
    """
    text = normalize(q)
    out: list[str] = []
    position = 0
    for word, replacement in zip(words, replacements, strict=True):
        found = text.find(word, position)
        if found < 0:  # the word is not in the text as typed (a dropped stop word)
            return " ".join(replacements)
        if out and text[position:found] != "":
            out.append(" ")
        out.append(replacement)
        position = found + len(word)
    return "".join(out)


def plan_query(index: _Index, q: str) -> QueryPlan:
    clauses: list[_Clause] = []
    for word in query_words(q):
        clause = _Clause(word)
        if is_han(word):
            _han_alternatives(word, 1.0, clause)
        else:
            if index.knows_latin(word):
                if index.has_term(word):
                    clause.alternatives.append(_Alternative((word,), 1.0))
                    clause.marks.add(word)
                _pinyin_alternatives(index, word, PINYIN_WEIGHT, clause)
                if len(word) >= 2:
                    _pinyin_alternatives(index, word, INITIALS_WEIGHT, clause, initials=True)
            elif max_typos(word):
                # The nearest known words only: "huanpign" is "huanping" (one
                # transposition), not also "huanjing" (two edits).
                candidates = index.typo_candidates(word, max_typos(word))
                nearest = [pair for pair in candidates if pair[1] == candidates[0][1]]
                for candidate, distance in nearest:
                    weight = TYPO_WEIGHTS[distance]
                    if index.has_term(candidate):
                        clause.alternatives.append(_Alternative((candidate,), weight))
                        clause.marks.add(candidate)
                    _pinyin_alternatives(index, candidate, weight, clause)
        clauses.append(clause)
    return QueryPlan(tuple(clauses))


class _Evaluator:
    """Matches and scores one query's clauses against an index, as dense vectors."""

    def __init__(self, index: _Index) -> None:
        self.index = index
        self.n = len(index.docs)
        self.alive = index.alive.values
        self.n_live = max(index.n_live, 1)
        self._levels: tuple[tuple[_Level, _IntArray | None, _IntArray | None], ...] = (
            (index.listing, None, None),
            (index.category, index.doc_category_group.values, index.category_group_live.values),
            (index.agency, index.doc_agency_group.values, index.agency_group_live.values),
        )
        self._idf: dict[str, float] = {}

    def idf(self, term: str) -> float:
        """One IDF per term whatever level it is found at (as BM25F has one per term):
        the listings containing it, where a category or agency containing it counts all
        of its listings (an upper bound: a listing may contain it at two levels)."""
        idf = self._idf.get(term)
        if idf is None:
            df = 0
            for level, _unit_of_doc, live_per_unit in self._levels:
                row = level.postings.get(term)
                if row is not None:
                    units = row[0]
                    df += len(units) if live_per_unit is None else int(live_per_unit[units].sum())
            idf = self._idf[term] = bm25_idf(min(df, self.n_live), self.n_live)
        return idf

    def clause(self, clause: _Clause) -> tuple[_BoolArray, npt.NDArray[np.float32]]:
        """Which listings match ``clause`` (at any level), and their scores for it."""
        hit = np.zeros(self.n, np.bool_)
        score = np.zeros(self.n, np.float32)
        for level, unit_of_doc, live_per_unit in self._levels:
            n_units = self.n if live_per_unit is None else len(live_per_unit)
            # The listing level writes straight into the result; the others per unit,
            # spread to their listings at the end.
            level_hit, level_score = (hit, score) if unit_of_doc is None else (None, None)
            for alternative in clause.alternatives:
                found = self._alternative(level, alternative, n_units)
                if found is None:
                    continue
                if level_hit is None or level_score is None:
                    level_hit = np.zeros(n_units, np.bool_)
                    level_score = np.zeros(n_units, np.float32)
                units, contribution = found
                if units.dtype == np.bool_:  # dense: a mask over all units
                    level_hit |= units
                    level_score += contribution
                else:
                    level_hit[units] = True
                    level_score[units] += contribution
            if unit_of_doc is not None and level_hit is not None and level_score is not None:
                hit |= level_hit[unit_of_doc]
                score += level_score[unit_of_doc]
        return hit, score

    def _alternative(
        self, level: _Level, alternative: _Alternative, n_units: int
    ) -> tuple[npt.NDArray[Any], npt.NDArray[np.float32]] | None:
        """The units matching ``alternative`` and their scores: sparse (unit numbers and
        scores) for one term, dense (a mask and a score per unit) for several."""
        rows = []
        for term in alternative.terms:
            row = level.postings.get(term)
            if row is None:
                return None
            rows.append(row)
        contributions = [
            np.float32(self.idf(term) * alternative.weight) * _saturation(weights)
            for term, (_units, weights) in zip(alternative.terms, rows, strict=True)
        ]
        if len(rows) == 1:
            return rows[0][0], contributions[0]
        # All terms at once: count the rows each unit is in, keep those in all of them.
        counts = np.zeros(n_units, np.uint8)
        total = np.zeros(n_units, np.float32)
        for (units, _weights), contribution in zip(rows, contributions, strict=True):
            counts[units] += 1
            total[units] += contribution
        mask = counts == len(rows)
        if not mask.any():
            return None
        total[~mask] = 0
        return mask, total


def _saturation(weights: _FloatArray) -> _FloatArray:
    """``bm25_saturation`` over an array, in float32."""
    k1 = np.float32(BM25_K1)
    return weights * (k1 + np.float32(1.0)) / (weights + k1)


def _top(
    candidates: npt.NDArray[np.int64], keys: list[npt.NDArray[Any]], k: int
) -> npt.NDArray[np.int64]:
    """The ``k`` first of ``candidates`` ordered by ``keys`` (ascending, the first key
    first, the last one unique), without sorting them all."""
    if k <= 0 or not len(candidates):
        return candidates[:0]
    if len(candidates) <= max(4 * k, 2048):
        order = np.lexsort(keys[::-1])
        return candidates[order[:k]]
    if len(keys) == 1:  # a unique key: partition, then sort the k first
        first = np.argpartition(keys[0], k - 1)[:k]
        return candidates[first[np.argsort(keys[0][first])]]
    primary = keys[0]
    threshold = np.partition(primary, k - 1)[k - 1]
    before = primary < threshold
    ties = primary == threshold
    head = candidates[before]
    head_order = np.lexsort([key[before] for key in keys][::-1])
    need = k - len(head)
    tail = _top(candidates[ties], [key[ties] for key in keys[1:]], need)
    return np.concatenate((head[head_order], tail))


# --- the engine ---------------------------------------------------------------------------


class EmbeddedEngine:
    """The in-memory engine (see the module docstring)."""

    name = "embedded"

    def __init__(self) -> None:
        self._index = _Index()
        self._replay: list[tuple[str, Any]] | None = None  # writes during a rebuild
        # the answers of the latest distinct queries, forgotten on any write: an answer
        # depends on the query and the index alone, and the same searches come back
        self._answers: OrderedDict[SearchQuery, SearchResult] = OrderedDict()

    @classmethod
    def from_documents(cls, documents: Iterable[SearchDocument]) -> EmbeddedEngine:
        """An engine holding ``documents`` (synchronous: run it in a thread if large)."""
        engine = cls()
        engine._index = _build(documents)
        return engine

    @property
    def size(self) -> int:
        """How many documents are indexed."""
        return self._index.n_live

    async def upsert(self, documents: Sequence[SearchDocument]) -> None:
        self._answers.clear()
        for doc in documents:
            self._index.add(doc)
        if self._replay is not None:
            self._replay.append(("upsert", list(documents)))

    async def delete(self, ids: Sequence[int]) -> None:
        self._answers.clear()
        for doc_id in ids:
            self._index.remove(doc_id)
        if self._replay is not None:
            self._replay.append(("delete", list(ids)))

    async def clear(self) -> None:
        self._answers.clear()
        self._index = _Index()
        if self._replay is not None:
            self._replay.append(("clear", None))

    async def rebuild(self, documents: Sequence[SearchDocument]) -> None:
        """Replace the whole index with ``documents``, built in a worker thread.

        Queries keep using the old index meanwhile; writes made during the build are
        applied to both and replayed on the new one before it is swapped in.
        """
        self._replay = []
        try:
            index = await asyncio.to_thread(_build, documents)
        finally:
            replay, self._replay = self._replay, None
        for action, payload in replay:
            if action == "upsert":
                for doc in payload:
                    index.add(doc)
            elif action == "delete":
                for doc_id in payload:
                    index.remove(doc_id)
            else:
                index = _Index()
        self._answers.clear()
        self._index = index

    async def health(self) -> bool:
        return True

    async def close(self) -> None:
        return None

    def plan(self, q: str) -> QueryPlan:
        """How ``q`` would be matched (words and their alternatives)."""
        return plan_query(self._index, q)

    async def search(self, query: SearchQuery) -> SearchResult:
        return self.search_now(query)

    def search_now(self, query: SearchQuery) -> SearchResult:
        """``search``, synchronously (it never waits on anything).

        A query asked again before any write is answered from the kept answers (the
        latest ``_ANSWERS_KEPT`` distinct ones), with its own ``took_ms``.
        """
        started = time.perf_counter()
        kept = self._answers.get(query)
        if kept is not None:
            self._answers.move_to_end(query)
            return replace(kept, took_ms=round((time.perf_counter() - started) * 1000, 3))
        index = self._index
        index.freeze()
        evaluator = _Evaluator(index)
        plan = plan_query(index, query.q)

        score = np.zeros(evaluator.n, np.float32)
        match = evaluator.alive.copy()
        clause_hits = []
        for clause in plan.clauses:
            hit, clause_score = evaluator.clause(clause)
            clause_hits.append(hit)
            match &= hit
            score += clause_score

        masks = self._filter_masks(index, query)
        filtered = match.copy()
        for mask in masks.values():
            filtered &= mask
        facets = self._facets(index, match, filtered, masks)

        candidates = np.flatnonzero(filtered)
        total = len(candidates)
        keys = self._sort_keys(index, query, candidates, score)
        top = _top(candidates, keys, query.offset + query.per_page)
        page = top[query.offset :]

        pattern = highlight_pattern(mark for clause in plan.clauses for mark in clause.marks)
        hits = []
        for docno in page:
            doc = index.docs[int(docno)]
            assert doc is not None
            hits.append(
                SearchHit(
                    document=doc,
                    title=highlight(doc.title, pattern),
                    snippet=snippet((doc.scope, doc.content), pattern),
                    score=round(float(score[docno]), 4),
                )
            )

        suggestions = Suggestions()
        if total == 0 and plan.clauses:
            suggestions = self._suggest(query.q, index, evaluator, plan, clause_hits)
        took_ms = (time.perf_counter() - started) * 1000
        result = SearchResult(
            query=query,
            hits=tuple(hits),
            total=total,
            facets=facets,
            took_ms=round(took_ms, 3),
            suggestions=suggestions,
        )
        self._answers[query] = result
        if len(self._answers) > _ANSWERS_KEPT:
            self._answers.popitem(last=False)
        return result

    @staticmethod
    def _filter_masks(index: _Index, query: SearchQuery) -> dict[str, _BoolArray]:
        masks: dict[str, _BoolArray] = {}
        codes = index.facet_codes
        if query.categories:
            vocabulary = index.vocabularies["category"]
            allowed = np.zeros(len(vocabulary.values) + 1, np.bool_)
            for category in query.categories:
                if category in vocabulary.codes:
                    allowed[vocabulary.codes[category]] = True
            masks["category"] = allowed[codes["category"].values]
        for name, value in (("market_type", query.market_type), ("fee_type", query.fee_type)):
            if value is not None:
                code = index.vocabularies[name].codes.get(value, -1)
                masks[name] = codes[name].values == code
        if query.local is not None:
            masks["local"] = codes["local"].values == int(query.local)
        if query.max_days is not None:
            masks["time_limit"] = index.time_limit_days.values <= query.max_days
        if query.min_rating is not None:
            with np.errstate(invalid="ignore"):
                masks["rating"] = index.rating.values >= query.min_rating
        return masks

    @staticmethod
    def _facets(
        index: _Index, match: _BoolArray, filtered: _BoolArray, masks: dict[str, _BoolArray]
    ) -> dict[str, dict[str, int]]:
        facets: dict[str, dict[str, int]] = {}
        for name in FACETS:
            if name in masks:
                subset = match.copy()
                for other, mask in masks.items():
                    if other != name:
                        subset &= mask
            else:
                subset = filtered
            codes = index.facet_codes[name].values[subset]
            if name in ("time_limit", "rating"):
                bounds = TIME_LIMIT_BUCKETS_DAYS if name == "time_limit" else RATING_BUCKETS
                counts = np.bincount(codes, minlength=len(bounds) + 1)
                per_bucket = {i: int(count) for i, count in enumerate(counts)}
                facets[name] = cumulative_facet(bounds, per_bucket)
            else:
                values: Sequence[Any] = (
                    index.local_vocabulary if name == "local" else index.vocabularies[name].values
                )
                counts = np.bincount(codes, minlength=len(values))
                facets[name] = ordered_counts(
                    {str(value): int(counts[i]) for i, value in enumerate(values)}
                )
        return facets

    @staticmethod
    def _sort_keys(
        index: _Index,
        query: SearchQuery,
        candidates: npt.NDArray[np.int64],
        score: npt.NDArray[np.float32],
    ) -> list[npt.NDArray[Any]]:
        relevance = -score[candidates].astype(np.float64)
        ids = index.ids.values[candidates]
        if query.sort == "rating":
            rating = index.rating.values[candidates]
            return [
                np.where(np.isnan(rating), np.inf, -rating),
                -index.rating_count.values[candidates],
                relevance,
                ids,
            ]
        if query.sort == "time_limit":
            return [index.time_limit_days.values[candidates], relevance, ids]
        if query.sort == "fee":
            low = index.fee_low.values[candidates]
            high = index.fee_high.values[candidates]
            return [
                np.where(np.isnan(low), np.inf, low),
                np.where(np.isnan(high), np.inf, high),
                relevance,
                ids,
            ]
        return [relevance, ids]

    def _suggest(
        self,
        q: str,
        index: _Index,
        evaluator: _Evaluator,
        plan: QueryPlan,
        clause_hits: list[_BoolArray],
    ) -> Suggestions:
        alive = evaluator.alive
        corrections: list[str] = []
        corrected = False
        for clause, hit in zip(plan.clauses, clause_hits, strict=True):
            replacement = None
            if not (hit & alive).any():
                replacement = _spelling(index, clause.word)
            corrected |= replacement is not None
            corrections.append(replacement or clause.word)
        suggested_query = (
            _join_words(q, [c.word for c in plan.clauses], corrections) if corrected else None
        )

        # Categories: where the words match without the filters, else where any one
        # word matches, else where the corrected query matches.
        relaxed = alive.copy()
        for hit in clause_hits:
            relaxed &= hit
        if not relaxed.any():
            relaxed = np.zeros_like(alive)
            for hit in clause_hits:
                relaxed |= hit & alive
        if not relaxed.any() and suggested_query is not None:
            relaxed = alive.copy()
            for clause in plan_query(index, suggested_query).clauses:
                relaxed &= evaluator.clause(clause)[0]
        vocabulary = index.vocabularies["category"]
        counts = np.bincount(
            index.facet_codes["category"].values[relaxed], minlength=len(vocabulary.values)
        )
        ranked = sorted(
            (
                (int(count), code)
                for code, count in zip(vocabulary.values, counts, strict=True)
                if count
            ),
            key=lambda pair: (-pair[0], pair[1]),
        )[:_SUGGESTED_CATEGORIES]
        categories = tuple(
            CategorySuggestion(code=code, name=index.category_names[code], count=count)
            for count, code in ranked
        )
        return Suggestions(query=suggested_query, categories=categories)


def _most_seen(words: Counter[str] | None, *, besides: str = "") -> str | None:
    """The word seen most often (ties: the first in code point order)."""
    ranked = sorted(((-count, word) for word, count in (words or {}).items() if word != besides))
    return ranked[0][1] if ranked else None


def _spelling(index: _Index, word: str) -> str | None:
    """A known word the user probably meant: for Han, a homophone (the usual slip of a
    pinyin input method, 环平 for 环评); for Latin, the Han word of the nearest pinyin,
    allowing one edit more than matching does (two at most)."""
    if is_han(word):
        return _most_seen(index.pinyin_full.get(pinyin(word)[0]), besides=word)
    if len(word) < 3 or not word.isalpha():
        return None
    for candidate, _distance in index.typo_candidates(word, min(max_typos(word) + 1, 2)):
        found = _most_seen(index.pinyin_full.get(candidate))
        if found:
            return found
    return None


def _build(documents: Iterable[SearchDocument]) -> _Index:
    """A new index of ``documents``, its BM25 length averages taken over all of them."""
    docs = list(documents)
    index = _Index()
    # Set the length averages first, so that the first documents are normalised as the
    # last ones are (later additions update the averages as they come).
    categories = {(d.category_name, d.category_abbreviations) for d in docs}
    agencies = {(d.agency_name, d.agency_city) for d in docs}
    for level, rows in (
        (index.listing, [(len(d.title), len(d.scope), len(d.content)) for d in docs]),
        (index.category, [(len(" ".join((name, *abbr))),) for name, abbr in categories]),
        (index.agency, [(len(name), len(city)) for name, city in agencies]),
    ):
        level.length_sums = [float(sum(column)) for column in zip(*rows, strict=True)] or [
            0.0
        ] * len(level.length_sums)
        level.length_count = len(rows)
        level.fixed = True
    index.bulk_analysis = {} if _BULK_ANALYSIS_MAX else None
    for doc in docs:
        index.add(doc)
    index.bulk_analysis = None
    for level in (index.listing, index.category, index.agency):
        level.fixed = False
    index.freeze()
    return index
