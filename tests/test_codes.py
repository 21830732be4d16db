"""The official codes: unified social credit codes, project codes, divisions."""

from __future__ import annotations

import datetime as dt

import pytest

from marketplace.codes import (
    REGISTERING_BODIES,
    InvalidCode,
    check_project_code,
    check_uscc,
    division,
    gb11714_check_character,
    uscc_check_character,
)

TODAY = dt.date(2026, 12, 1)

# Real codes as published:
REAL_CREDIT_CODES = [
    # 北京全聚德 and 北京长峰医院, quoted as valid codes in
    # https://blog.csdn.net/ellasun_web/article/details/130267762
    "91110000101623741K",
    "911101066976941872",
    # 浙江大学 (事业单位, 12, national 100000), in its library's notice of 2023-04-04 on the
    # disposal of discarded books (账户名称：浙江大学 统一社会信用代码 …)
    "12100000470095016Q",
    # 复旦大学, on a railway ticket's buyer line (购票方名称：复旦大学)
    "12100000425006117P",
    # a foundation registered with the Ministry of Civil Affairs (53, 基金会), on its page
    # (登记管理机关：民政部 … 北京市西城区广莲路1号建工大厦14层)
    "53100000500019795A",
]

REAL_PROJECT_CODES = [
    # GB/T 40058-2021 codes seen on the national platform (2024-11, 河北 唐山 路南区;
    # 2026-03, 山西 吕梁 临县, project type 05), from the issue's report
    "2411-130202-89-01-637015",
    "2603-141124-89-05-346948",
]


def _with_checks(first16: str) -> str:
    first17 = first16 + gb11714_check_character(first16[8:])
    return first17 + uscc_check_character(first17)


@pytest.mark.parametrize("code", REAL_CREDIT_CODES)
def test_real_credit_codes_are_accepted(code: str) -> None:
    assert check_uscc(code) == code


def test_a_code_is_cleaned_of_spaces_and_case() -> None:
    assert check_uscc(" 91110000 101623741k ") == "91110000101623741K"


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        # No Y1, N1 or A1 code of a real organisation was found published in the stored
        # sources; these are built with real divisions and both check characters, the
        # shape stdnum refused because it wants digits in positions 1-8.
        ("Y1320902", "其他"),
        ("N2320902", "村级集体经济组织"),
        ("A1110000", "军队事业单位"),
        ("93320902", "农民专业合作社"),
        ("51100000", "社会团体"),
    ],
)
def test_every_registering_body_of_the_table_is_accepted(head: str, kind: str) -> None:
    code = _with_checks(head + "MA1XK7Q3")
    assert check_uscc(code) == code
    assert REGISTERING_BODIES[head[0]][head[1]] == kind


def test_the_table_has_the_36_pairs_of_gb_32100_and_its_amendment() -> None:
    pairs = {body + kind for body, kinds in REGISTERING_BODIES.items() for kind in kinds}
    assert len(pairs) == 36
    assert {"11", "12", "13", "19", "51", "52", "53", "59", "91", "92", "93", "Y1"} <= pairs
    assert {"A1", "A9", "N1", "N2", "N3", "N9", "31", "35", "81"} <= pairs
    assert not {"94", "99", "Y2", "00", "54"} & pairs


# each part of a real code broken once
@pytest.mark.parametrize(
    ("code", "message"),
    [
        (
            "9111000010162374",
            "A unified social credit code has 18 characters; this one has %(count)s.",
        ),
        (
            "91110000101623741O",
            "A unified social credit code has only digits and capital letters "
            "other than I, O, S, V and Z.",
        ),
        (
            "９1110000101623741K",
            "A unified social credit code has only digits and capital letters "
            "other than I, O, S, V and Z.",
        ),
        (
            _with_checks("0011000010162374"),
            "The first two characters (%(pair)s) are not a registering body and "
            "organisation type of GB 32100-2015.",
        ),
        (
            _with_checks("9411000010162374"),
            "The first two characters (%(pair)s) are not a registering body and "
            "organisation type of GB 32100-2015.",
        ),
        (
            _with_checks("9199999910162374"),
            "Characters 3 to 8 (%(region)s) are not an administrative division code.",
        ),
        (
            # the organisation code's check character tampered, the last one recomputed
            "91320902557830862" + uscc_check_character("91320902557830862"),
            "Characters 9 to 17 are not a valid organisation code: its check character "
            "(the 17th) does not match. Please check the code for a typing mistake.",
        ),
        (
            "91110000101623741J",
            "The check character (the last one) does not match: "
            "please check the code for a typing mistake.",
        ),
    ],
)
def test_credit_codes_broken_in_one_part_are_refused(code: str, message: str) -> None:
    with pytest.raises(InvalidCode) as refused:
        check_uscc(code)
    assert refused.value.message.id == message


def test_the_issue_s_tampered_code_is_refused_at_the_organisation_code() -> None:
    with pytest.raises(InvalidCode) as refused:
        check_uscc("91320902557830862F")
    assert "Characters 9 to 17" in refused.value.message.id
    assert check_uscc("91320902557830861C") == "91320902557830861C"


def test_a_refusal_names_the_part() -> None:
    with pytest.raises(InvalidCode) as refused:
        check_uscc(_with_checks("9199999910162374"))
    assert refused.value.message.params == {"region": "999999"}


def test_check_characters_of_the_standards_examples() -> None:
    # GB 11714: 10162374 → 1 (全聚德); a value of 10 is X; 11 is 0
    assert gb11714_check_character("10162374") == "1"
    assert gb11714_check_character("46607583") == "X"
    assert gb11714_check_character("MA1MBN8Q") == "5"
    assert uscc_check_character("91110000101623741") == "K"


# --- divisions ---------------------------------------------------------------------------


def test_divisions_current_and_historical() -> None:
    assert division("320902") is not None and division("320902").name == "亭湖区"
    # 320902 was 盐城 城区 until 2003, then 亭湖区
    assert division("320902", year=2001) is not None
    assert division("320902", year=2001).name == "城区"
    # 大丰市 (320982) became 大丰区 (320904) in 2015: an old code stays known
    assert division("320982") is not None and division("320982").until == 2015
    assert division("320982", year=2020) is None
    assert division("320904", year=2010) is None
    assert division("999999") is None
    assert division("110103").name == "崇文区"  # merged into 东城区 in 2010


# --- project codes -----------------------------------------------------------------------


@pytest.mark.parametrize("code", REAL_PROJECT_CODES)
def test_real_project_codes_are_accepted(code: str) -> None:
    assert check_project_code(code, today=TODAY) == code


def test_codes_of_the_2016_2020_scheme_are_accepted() -> None:
    assert check_project_code("2019-320902-44-01-000123", today=TODAY) == (
        "2019-320902-44-01-000123"
    )
    # 大丰区 (320904) exists since 2015
    assert check_project_code("2016-320904-44-03-000001", today=TODAY)
    assert check_project_code(" 2411－130202－89－01－637015 ", today=TODAY) == (
        "2411-130202-89-01-637015"
    )


@pytest.mark.parametrize(
    ("code", "message", "today"),
    [
        # the issue's made-up code
        (
            "2024-999999-00-03-000000",
            "The project code's first four digits are neither a year from 2016 to 2020 "
            "nor a year and month from 2011 (November 2020) to this month.",
            TODAY,
        ),
        # --- new scheme, each segment wrong once
        (
            "2413-130202-89-01-637015",  # month 13
            "The project code's first four digits are neither a year from 2016 to 2020 "
            "nor a year and month from 2011 (November 2020) to this month.",
            TODAY,
        ),
        (
            "2010-130202-89-01-637015",  # October 2020, before the scheme
            "The project code's first four digits are neither a year from 2016 to 2020 "
            "nor a year and month from 2011 (November 2020) to this month.",
            TODAY,
        ),
        (
            "2603-141124-89-05-346948",  # March 2026 seen from February 2026
            "The project code's first four digits are neither a year from 2016 to 2020 "
            "nor a year and month from 2011 (November 2020) to this month.",
            dt.date(2026, 2, 28),
        ),
        (
            "2411-130299-89-01-637015",
            "The division code %(region)s in the project code is not an administrative "
            "division code of that year.",
            TODAY,
        ),
        (
            "2411-320982-89-01-637015",  # 大丰市, abolished in 2015
            "The division code %(region)s in the project code is not an administrative "
            "division code of that year.",
            TODAY,
        ),
        (
            "2411-130202-89-06-637015",
            "The project type %(kind)s in the project code is not one of the published types.",
            TODAY,
        ),
        (
            "2411-130202-8-01-6370155",
            "A project code has 24 characters in the form 2411-320902-89-01-637015 "
            "(year and month, division, department, type, number) or, for projects "
            "coded before November 2020, 2019-320902-44-01-123456.",
            TODAY,
        ),
        (
            "2411-130202-89-01-６37015",
            "A project code has 24 characters in the form 2411-320902-89-01-637015 "
            "(year and month, division, department, type, number) or, for projects "
            "coded before November 2020, 2019-320902-44-01-123456.",
            TODAY,
        ),
        # --- old scheme, each segment wrong once
        (
            "2015-320902-44-01-000123",  # before the national platform's codes
            "The project code's first four digits are neither a year from 2016 to 2020 "
            "nor a year and month from 2011 (November 2020) to this month.",
            TODAY,
        ),
        (
            "2019-320999-44-01-000123",
            "The division code %(region)s in the project code is not an administrative "
            "division code of that year.",
            TODAY,
        ),
        (
            "2016-320982-44-03-000001",  # 大丰市, abolished in 2015
            "The division code %(region)s in the project code is not an administrative "
            "division code of that year.",
            TODAY,
        ),
        (
            "2019-320902-44-05-000123",  # the old scheme had 01 审批, 02 核准, 03 备案
            "The project type %(kind)s in the project code is not one of the published types.",
            TODAY,
        ),
        (
            "2019-320902-44-01-00012",
            "A project code has 24 characters in the form 2411-320902-89-01-637015 "
            "(year and month, division, department, type, number) or, for projects "
            "coded before November 2020, 2019-320902-44-01-123456.",
            TODAY,
        ),
        (
            "2019-320902-44-01-000123",
            "The year in the project code is not plausible.",
            dt.date(2018, 6, 1),
        ),
    ],
)
def test_project_codes_broken_in_one_part_are_refused(
    code: str, message: str, today: dt.date
) -> None:
    with pytest.raises(InvalidCode) as refused:
        check_project_code(code, today=today)
    assert refused.value.message.id == message
