"""Text analysis: segmentation, bigrams, pinyin, typo limits, BM25 parts and highlighting."""

from __future__ import annotations

import math

import pytest
from markupsafe import Markup

from search.synonyms import SYNONYM_GROUPS, groups_by_category, meilisearch_synonyms
from search.text import (
    bigrams,
    bm25_idf,
    bm25_saturation,
    highlight,
    highlight_pattern,
    is_han,
    max_typos,
    normalize,
    pinyin,
    query_words,
    search_words,
    segment,
    snippet,
)


def test_the_segmenter_keeps_the_fields_phrases_whole() -> None:
    assert segment("防雷检测盐城") == ["防雷检测", "盐城"]
    assert segment("安评和稳评") == ["安评", "和", "稳评"]
    assert segment("水保方案") == ["水保方案"]


def test_search_words_include_the_nested_words() -> None:
    assert search_words("盐城市青禾环境科技") == [
        "盐城",
        "城市",
        "盐城市",
        "青",
        "禾",
        "环境",
        "科技",
    ]


@pytest.mark.parametrize(
    ("q", "words"),
    [
        ("防雷检测 盐城", ["防雷检测", "盐城"]),
        ("建设项目安全预评价", ["建设项目", "安全", "预评价"]),  # 预 joins the word after it
        ("岚图", ["岚图"]),  # two characters the segmenter leaves apart: one name
        ("盐城的防雷", ["盐城", "防雷"]),  # a stop word is dropped
        ("的", ["的"]),  # unless it is all there is
        ("huanping 盐城", ["huanping", "盐城"]),
        ("ＣＭＡ检测，1:500地形图", ["cma", "检测", "1", "500", "地形图"]),
        ("  ", []),
    ],
)
def test_query_words(q: str, words: list[str]) -> None:
    assert query_words(q) == words


def test_bigrams_of_a_run_of_han_characters() -> None:
    assert bigrams("环境影响") == ["环境", "境影", "影响"]
    assert bigrams("环") == ["环"]
    assert bigrams("") == []


def test_normalize_and_is_han() -> None:
    assert normalize("ＣＭＡ　检测 ABC") == "cma 检测 abc"
    assert is_han("环评")
    assert not is_han("环评a")
    assert not is_han("")


@pytest.mark.parametrize(
    ("word", "full", "initials"),
    [
        ("环评", "huanping", "hp"),
        ("盐城市", "yanchengshi", "ycs"),
        ("重庆", "chongqing", "cq"),  # the phrase table picks the reading
        ("绿色", "lvse", "ls"),  # ü is typed v
        ("环境影响评价", "huanjingyingxiangpingjia", "hjyxpj"),
    ],
)
def test_pinyin_full_and_initials(word: str, full: str, initials: str) -> None:
    assert pinyin(word) == (full, initials)


@pytest.mark.parametrize(
    ("word", "typos"),
    [("hp", 0), ("huan", 1), ("fanglei", 1), ("huanping", 2), ("cma500", 0), ("环境影响评价", 0)],
)
def test_typos_allowed_grow_with_the_length_of_latin_words(word: str, typos: int) -> None:
    assert max_typos(word) == typos


def test_bm25_idf_and_saturation_exact_values() -> None:
    assert bm25_idf(1, 58) == pytest.approx(math.log(1 + 57.5 / 1.5))
    assert bm25_idf(1, 58) == pytest.approx(3.672072335797555)
    assert bm25_idf(58, 58) == pytest.approx(math.log(1 + 0.5 / 58.5))
    assert bm25_saturation(1.0) == pytest.approx(1.0)
    assert bm25_saturation(2.0) == pytest.approx(1.375)
    assert bm25_saturation(0.0) == 0.0


def test_highlight_escapes_the_text_and_marks_the_matches() -> None:
    # given
    pattern = highlight_pattern(["环评", "环境影响评价", "CMA", ""])

    # when
    marked = highlight('<b>环评</b> & "环境影响评价" cma', pattern)

    # then
    assert isinstance(marked, Markup)
    assert marked == Markup(
        "&lt;b&gt;<mark>环评</mark>&lt;/b&gt; &amp; &#34;<mark>环境影响评价</mark>&#34; "
        "<mark>cma</mark>"
    )
    assert highlight("<script>", None) == Markup("&lt;script&gt;")
    assert highlight_pattern([]) is None


def test_a_match_can_never_cut_through_an_entity() -> None:
    # "lt" is in the escaped "&lt;" but not in the text: nothing is marked inside it.
    assert highlight("a<b", highlight_pattern(["lt", "<"])) == Markup("a<mark>&lt;</mark>b")


def test_snippet_is_a_window_around_the_first_match() -> None:
    pattern = highlight_pattern(["环评"])
    text = "甲" * 30 + "环评" + "乙" * 100

    assert snippet(["无关的范围", text], pattern, length=30) == Markup(
        "…" + "甲" * 20 + "<mark>环评</mark>" + "乙" * 8 + "…"
    )
    # No match anywhere: the start of the first text.
    assert snippet(["短的范围", text], highlight_pattern(["防雷"])) == Markup("短的范围")
    assert snippet(["乙" * 100], None, length=10) == Markup("乙" * 10 + "…")


def test_synonym_groups_cover_the_demo_categories_and_go_both_ways() -> None:
    from marketplace.catalog.demo_data import CATEGORIES

    codes = {category["code"] for category in CATEGORIES}
    assert set(groups_by_category()) == codes
    keys = [group.key for group in SYNONYM_GROUPS]
    assert len(keys) == len(set(keys))
    synonyms = meilisearch_synonyms()
    assert "环境影响评价" in synonyms["环评"]
    assert "环评" in synonyms["环境影响评价"]
    assert synonyms["稳评"] == ["社会稳定风险评估", "社稳评估", "社会稳定风险分析"]
