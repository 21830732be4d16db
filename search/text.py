"""Text analysis shared by the engines: segmentation, n-grams, pinyin, typos, highlighting.

Chinese has no spaces, and a query is rarely cut into words the way a listing is, so the
embedded engine indexes two things for Han text: the character bigrams of every run of
Han characters (recall: any two adjacent characters of the query are found wherever they
stand) and the longer words of a segmenter (precision: "环境影响评价" as one word). The
segmenter is jieba-rs through ``rjieba``: the maintained, compiled successor of jieba,
which neither writes a cache file nor warns on import. It learns every phrase of
``search.synonyms`` so that abbreviations come out whole ("安评", not "安" "评").
Segmentation runs without the HMM guesser so that the same text always gives the same
words, at index and at query time.

Pinyin comes from ``pypinyin`` (its phrase tables pick the right reading of 重庆 or
银行), full ("huanping") and initials ("hp").
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

import rjieba
from markupsafe import Markup, escape
from pypinyin import Style, lazy_pinyin

from search.synonyms import SYNONYM_GROUPS

__all__ = [
    "BM25_K1",
    "bigrams",
    "bm25_idf",
    "bm25_saturation",
    "highlight",
    "highlight_pattern",
    "is_han",
    "max_typos",
    "normalize",
    "pinyin",
    "query_words",
    "search_words",
    "segment",
    "snippet",
]

# BM25's term-frequency saturation: the usual value; a second occurrence is worth about
# half the first, a tenth hardly more than the ninth.
BM25_K1 = 1.2

_HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(f"[{_HAN_RANGES}]+")
_HAN_CHAR = re.compile(f"[{_HAN_RANGES}]")
LATIN_WORD = re.compile(r"[0-9a-z]+")
_ONLY_HAN = re.compile(f"[{_HAN_RANGES}]+\\Z")
_ONLY_LATIN = re.compile(r"[0-9a-z]+\Z")
# Words that carry no meaning on their own in a query: dropped unless they are all it has.
STOP_WORDS = frozenset("的了和与及或之在等对为是有中把被由其")

# Segmenter frequency for the synonym phrases: high enough that the segmenter keeps
# them whole against its own dictionary's words.
_PHRASE_FREQ = 100_000


@cache
def _segmenter() -> rjieba.Jieba:
    jieba = rjieba.Jieba()
    for group in SYNONYM_GROUPS:
        for phrase in group.phrases:
            jieba.add_word(phrase, _PHRASE_FREQ, None)
    return jieba


def normalize(text: str) -> str:
    """Full-width letters and digits to ASCII, then lower case (``"ＣＭＡ"`` → ``"cma"``)."""
    return unicodedata.normalize("NFKC", text).lower()


def is_han(text: str) -> bool:
    """Whether ``text`` is one or more Han characters and nothing else."""
    return _ONLY_HAN.match(text) is not None


def bigrams(run: str) -> list[str]:
    """The character bigrams of a run of Han characters; a single character is its own."""
    if len(run) < 2:
        return [run] if run else []
    return [run[i : i + 2] for i in range(len(run) - 1)]


def segment(text: str) -> list[str]:
    """The segmenter's words of normalized ``text`` (precise mode, the way queries are cut)."""
    return [word for word in _segmenter().cut(text, False) if not word.isspace()]


def search_words(text: str) -> list[str]:
    """Every word the segmenter finds in normalized ``text``, nested ones too
    (``"环境影响评价"`` gives 环境, 影响, 评价, 环境影响, 环境影响评价)."""
    return _segmenter().cut_for_search(text, False)


_QUERY_PART = re.compile(f"[{_HAN_RANGES}]+|[0-9a-z]+")


def query_words(q: str) -> list[str]:
    """The words of a query, each matched on its own: Han words and Latin/digit words.

    Each run of Han characters is segmented; characters the segmenter leaves on their
    own are joined to their neighbours in the run (岚+图 → 岚图, an unknown name; 预+评价
    → 预评价), since a lone character can only be found in short fields. Stop words are
    dropped unless nothing else is left.
    """
    words: list[str] = []
    dropped: list[str] = []
    for part in _QUERY_PART.findall(normalize(q)):
        if not is_han(part):
            words.append(part)
            continue
        tokens = []
        for token in segment(part):
            if token in STOP_WORDS:
                dropped.append(token)
            else:
                tokens.append(token)
        words.extend(_join_single_characters(tokens))
    return words or dropped


def _join_single_characters(tokens: list[str]) -> list[str]:
    joined: list[str] = []
    single = ""  # consecutive single characters
    for token in tokens:
        if len(token) == 1:
            single += token
            continue
        if single:
            # A lone character belongs to the word after it; several make a word.
            joined.append(single + token if len(single) == 1 else single)
            if len(single) == 1:
                single = ""
                continue
            single = ""
        joined.append(token)
    if single:
        if len(single) == 1 and joined:
            joined[-1] += single
        else:
            joined.append(single)
    return joined


@lru_cache(maxsize=100_000)
def pinyin(word: str) -> tuple[str, str]:
    """``(full, initials)`` of a Han word, without tones or spaces: 环评 → ("huanping", "hp")."""
    syllables = lazy_pinyin(word, errors="ignore")
    initials = lazy_pinyin(word, style=Style.FIRST_LETTER, errors="ignore")
    return "".join(syllables), "".join(initials)


def max_typos(word: str) -> int:
    """Edits tolerated in a Latin word: none below 4 letters, 1 from 4, 2 from 8.

    Digits are never corrected: a wrong number is a different number.
    """
    if not word.isascii() or any(char.isdigit() for char in word):
        return 0
    if len(word) >= 8:
        return 2
    if len(word) >= 4:
        return 1
    return 0


def bm25_idf(df: int, n_docs: int) -> float:
    """BM25's inverse document frequency (the Lucene form, never negative)."""
    return math.log(1.0 + (n_docs - df + 0.5) / (df + 0.5))


def bm25_saturation(tf: float, k1: float = BM25_K1) -> float:
    """BM25's saturating weight of a (length-normalised, field-weighted) term frequency."""
    return tf * (k1 + 1.0) / (tf + k1)


def highlight_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern finding any of ``phrases`` (longest first, case-insensitive)."""
    unique = sorted({phrase for phrase in phrases if phrase}, key=lambda s: (-len(s), s))
    if not unique:
        return None
    return re.compile("|".join(re.escape(phrase) for phrase in unique), re.IGNORECASE)


def highlight(text: str, pattern: re.Pattern[str] | None) -> Markup:
    """``text`` HTML-escaped, with each match of ``pattern`` wrapped in ``<mark>``.

    Matches are found in the raw text and every piece is escaped on its own, so a match
    can never cut through an entity and nothing in ``text`` becomes markup.
    """
    if pattern is None:
        return escape(text)
    pieces: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        if match.start() == match.end():
            continue
        before = escape(text[position : match.start()])
        pieces += (before, "<mark>", escape(match.group()), "</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return Markup("".join(pieces))  # every piece of text in it was escaped above


SNIPPET_CHARS = 90
_SNIPPET_LEAD_CHARS = 20  # shown before the first match, for context
ELLIPSIS = "…"


def snippet(
    texts: Sequence[str], pattern: re.Pattern[str] | None, *, length: int = SNIPPET_CHARS
) -> Markup:
    """A highlighted extract of about ``length`` characters from the first of ``texts``
    with a match, around its first match; the start of the first text when none has one."""
    for text in texts:
        match = pattern.search(text) if pattern is not None else None
        if match is None:
            continue
        start = max(0, match.start() - _SNIPPET_LEAD_CHARS)
        end = min(len(text), max(start + length, match.end()))
        if end == len(text):
            start = max(0, min(start, end - length))
        return _cut(text, start, end, pattern)
    first = next((text for text in texts if text), "")
    return _cut(first, 0, min(len(first), length), pattern)


def _cut(text: str, start: int, end: int, pattern: re.Pattern[str] | None) -> Markup:
    body = highlight(text[start:end], pattern)
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    return Markup(prefix) + body + Markup(suffix)


def han_chars(text: str) -> list[str]:
    """The Han characters of ``text``, in order."""
    return _HAN_CHAR.findall(text)
