"""China's official codes: unified social credit codes, investment project codes, divisions.

One place for the three, so that registration (accounts), the agencies' admission
applications (admission) and orders (project codes) check them alike. Each check returns
the code cleaned or raises ``InvalidCode`` whose ``message`` says, in the user's language,
which part is wrong.

Sources (checked 2026-12):

- GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》 with its amendment No. 1
  (GB 32100-2015/XG1-2016), which added the registering bodies A and N. Its table of
  registering bodies and organisation types is reproduced at
  https://osuse.cn/post/10002590.html and in the npm package uscc-utils 0.7.0.
- GB 11714-1997 《全国组织机构代码编制规则》 for positions 9-17 (8 body characters and
  their check character), e.g. https://blog.csdn.net/huilan_same/article/details/52103694 .
- GB/T 40058-2021 《全国固定资产投资项目代码编码规范》 and 发改投资〔2020〕1439号
  (《固定资产投资项目代码管理规范》, in force 2020-11-01). The NDRC's explanation of the
  standard (https://zidonghua.com.cn/news/program/42931.html) gives the structure: 4-digit
  time code, 6-digit region code, 2-digit central business guidance department code,
  2-digit project type code, 5 random digits and 1 check digit. §3.4 defines the project
  types as 基本建设、技术改造、单纯购置、信息化 and 其他 (by main construction content)
  and whether the project is classified. The texts of §4.4 (the department table), §4.5
  (the type table) and §4.7 (the check digit) could not be read in any stored copy: the
  department code is checked as two digits only, the type code against the five types of
  §3.4 (01-05; 01 and 05 are seen in real codes), and the check digit is NOT checked,
  because its algorithm is not in any text found and must not be guessed.
- The 2016-2020 scheme ``YYYY-RRRRRR-II-TT-NNNNNN`` (year, division, industry, type
  01 审批 / 02 核准 / 03 备案, serial number) of the national online approval platform.
- GB 11643-1999 《公民身份号码》 for the resident identity card number (居民身份证号): 6-digit
  address code, 8-digit date of birth (YYYYMMDD), 3-digit sequence (odd for men), and a
  check character by ISO 7064:1983 MOD 11-2: weights W_i = 2^(i-1) mod 11 counted from the
  right (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over positions 1-17), the sum mod 11 read
  as 1 0 X 9 8 7 6 5 4 3 2. The standard's own examples are 11010519491231002X and
  440524188001010014. The address code is the division of first registration, which may
  since have been abolished or renamed, so only its province (the first two digits) is
  checked against the divisions.
- Administrative divisions: ``data/divisions.tsv``, the Ministry of Civil Affairs' codes
  (中华人民共和国县级以上行政区划代码) current and historical, see its header.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from marketplace.forms import Message
from marketplace.i18n import N_

__all__ = [
    "REGISTERING_BODIES",
    "Division",
    "InvalidCode",
    "check_project_code",
    "check_resident_id",
    "check_uscc",
    "division",
    "gb11714_check_character",
    "mask_resident_id",
    "resident_id_check_character",
    "uscc_check_character",
]

_DIVISIONS = Path(__file__).with_name("data") / "divisions.tsv"

# GB 32100-2015 Table 1 with XG1-2016: registering body (position 1) and the organisation
# types (position 2) each may register.
REGISTERING_BODIES: dict[str, dict[str, str]] = {
    "1": {"1": "机关", "2": "事业单位", "3": "中央编办直接管理机构编制的群众团体", "9": "其他"},
    "2": {"1": "外国常驻新闻机构", "9": "其他"},  # 外交
    "3": {  # 司法行政
        "1": "律师执业机构",
        "2": "公证处",
        "3": "基层法律服务所",
        "4": "司法鉴定机构",
        "5": "仲裁委员会",
        "9": "其他",
    },
    "4": {"1": "外国在华文化中心", "9": "其他"},  # 文化
    "5": {"1": "社会团体", "2": "民办非企业单位", "3": "基金会", "9": "其他"},  # 民政
    "6": {  # 旅游
        "1": "外国旅游部门常驻代表机构",
        "2": "港澳台地区旅游部门常驻内地（大陆）代表机构",
        "9": "其他",
    },
    "7": {"1": "宗教活动场所", "2": "宗教院校", "9": "其他"},  # 宗教
    "8": {"1": "基层工会", "9": "其他"},  # 工会
    "9": {"1": "企业", "2": "个体工商户", "3": "农民专业合作社"},  # 工商 (市场监管)
    "A": {"1": "军队事业单位", "9": "其他"},  # 中央军委改革和编制办公室
    "N": {  # 农业
        "1": "组级集体经济组织",
        "2": "村级集体经济组织",
        "3": "乡镇级集体经济组织",
        "9": "其他",
    },
    "Y": {"1": "其他"},  # 其他: not divided into types, always 1
}

# GB 32100-2015 Appendix A: 31 characters (no I, O, S, V, Z) with values 0-30.
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = [3**i % 31 for i in range(17)]
# GB 11714-1997: 0-9 are 0-9 and A-Z are 10-35; weights of the 8 body characters.
_ORG_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)

# GB 32100-2015 names 100000 as the code of registrations by national authorities.
_NATIONAL = "100000"

_PROJECT_CODE = re.compile(r"^([0-9]{4})-([0-9]{6})-([0-9]{2})-([0-9]{2})-([0-9]{6})$", re.ASCII)
_OLD_SCHEME_YEARS = range(2016, 2021)  # the national platform's codes, 2016 to October 2020
_NEW_SCHEME_FROM = (2020, 11)  # 发改投资〔2020〕1439号 in force 2020-11-01
_OLD_TYPES = {"01", "02", "03"}  # 审批, 核准, 备案
_NEW_TYPES = {"01", "02", "03", "04", "05"}  # the five types of GB/T 40058-2021 §3.4


class InvalidCode(ValueError):
    """A code refused; ``message`` says which part is wrong."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message % params if params else message)
        self.message = Message(message, params)


@dataclass(frozen=True, slots=True)
class Division:
    code: str
    name: str
    since: int  # first year-end list (31 December) the code is in
    until: int | None  # first year-end list it is no longer in, None while in use

    def in_use_during(self, year: int) -> bool:
        """Whether the code was in use at some time of ``year`` (the lists are yearly)."""
        return self.since <= year + 1 and (self.until is None or year <= self.until)


@cache
def _divisions() -> dict[str, tuple[Division, ...]]:
    table: dict[str, list[Division]] = {}
    for line in _DIVISIONS.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, since, until, name = line.split("\t")
        table.setdefault(code, []).append(
            Division(code, name, int(since), int(until) if until else None)
        )
    return {code: tuple(entries) for code, entries in table.items()}


def division(code: str, *, year: int | None = None) -> Division | None:
    """The administrative division ``code`` names (in use during ``year``, if given).

    A code reused for another division has one entry per use; the latest is returned.
    """
    entries = _divisions().get(code, ())
    if year is not None:
        entries = tuple(d for d in entries if d.in_use_during(year))
    return max(entries, key=lambda d: d.since) if entries else None


# --- unified social credit code ---------------------------------------------------------


def gb11714_check_character(body: str) -> str:
    """The GB 11714 check character of an 8-character organisation code body."""
    total = sum(_ORG_CHARS.index(c) * w for c, w in zip(body, _ORG_WEIGHTS, strict=True))
    value = 11 - total % 11
    return "X" if value == 10 else "0" if value == 11 else str(value)


def uscc_check_character(first17: str) -> str:
    """The GB 32100 check character (position 18) of the first 17 characters."""
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31]


def check_uscc(raw: str) -> str:
    """A unified social credit code (GB 32100-2015) checked part by part, upper-cased."""
    code = raw.strip().upper().replace(" ", "")
    if len(code) != 18:
        raise InvalidCode(
            N_("A unified social credit code has 18 characters; this one has %(count)s."),
            count=len(code),
        )
    if any(c not in _USCC_CHARS for c in code):
        raise InvalidCode(
            N_(
                "A unified social credit code has only digits and capital letters "
                "other than I, O, S, V and Z."
            )
        )
    if code[1] not in REGISTERING_BODIES.get(code[0], {}):
        raise InvalidCode(
            N_(
                "The first two characters (%(pair)s) are not a registering body and "
                "organisation type of GB 32100-2015."
            ),
            pair=code[:2],
        )
    region = code[2:8]
    if region != _NATIONAL and division(region) is None:
        raise InvalidCode(
            N_("Characters 3 to 8 (%(region)s) are not an administrative division code."),
            region=region,
        )
    if gb11714_check_character(code[8:16]) != code[16]:
        raise InvalidCode(
            N_(
                "Characters 9 to 17 are not a valid organisation code: its check character "
                "(the 17th) does not match. Please check the code for a typing mistake."
            )
        )
    if uscc_check_character(code[:17]) != code[17]:
        raise InvalidCode(
            N_(
                "The check character (the last one) does not match: "
                "please check the code for a typing mistake."
            )
        )
    return code


# --- resident identity card number ------------------------------------------------------

_ID_WEIGHTS = tuple(2 ** (18 - position) % 11 for position in range(1, 18))
_ID_CHECK = "10X98765432"  # the check character for each value of the sum mod 11
_RESIDENT_ID = re.compile(r"^[0-9]{17}[0-9X]$", re.ASCII)


def resident_id_check_character(first17: str) -> str:
    """The GB 11643-1999 check character (ISO 7064 MOD 11-2) of the first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def check_resident_id(raw: str, *, today: dt.date) -> str:
    """A resident identity card number (GB 11643-1999) checked part by part, with a
    capital X; ``today`` bounds the date of birth."""
    number = raw.strip().upper().replace(" ", "")
    if not _RESIDENT_ID.match(number):
        raise InvalidCode(
            N_("An identity card number has 18 characters: 17 digits and a last digit or X.")
        )
    if division(number[:2] + "0000") is None:
        raise InvalidCode(
            N_("The first two digits (%(province)s) are not a province's code."),
            province=number[:2],
        )
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        born = None
    if born is None or born > today or born.year < 1800:
        raise InvalidCode(
            N_("Digits 7 to 14 (%(date)s) are not a date of birth."), date=number[6:14]
        )
    if resident_id_check_character(number[:17]) != number[17]:
        raise InvalidCode(
            N_(
                "The check character (the last one) does not match: "
                "please check the number for a typing mistake."
            )
        )
    return number


def mask_resident_id(number: str) -> str:
    """The number as shown to people: the first four and the last four, e.g.
    3201**********1234; the rest stays in the register."""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


# --- investment project code -------------------------------------------------------------


def check_project_code(raw: str, *, today: dt.date) -> str:
    """A national investment project code of either scheme, as of Beijing date ``today``.

    Since 1 November 2020 (GB/T 40058-2021): ``YYMM-RRRRRR-DD-TT-NNNNNC``; before,
    ``YYYY-RRRRRR-II-TT-NNNNNN``. The two cannot be confused: an old year 2016-2020 read
    as a time code is a month 16-20 or April 2020, before the new scheme began.
    """
    code = raw.strip().replace("—", "-").replace("－", "-")
    match = _PROJECT_CODE.match(code)
    if match is None:
        raise InvalidCode(
            N_(
                "A project code has 24 characters in the form 2411-320902-89-01-637015 "
                "(year and month, division, department, type, number) or, for projects "
                "coded before November 2020, 2019-320902-44-01-123456."
            )
        )
    time, region, _, kind, _ = match.groups()
    year, month = 2000 + int(time[:2]), int(time[2:])
    if int(time) in _OLD_SCHEME_YEARS:
        year = int(time)
        if year > today.year:
            raise InvalidCode(N_("The year in the project code is not plausible."))
        types = _OLD_TYPES
    elif 1 <= month <= 12 and _NEW_SCHEME_FROM <= (year, month) <= (today.year, today.month):
        types = _NEW_TYPES
    else:
        raise InvalidCode(
            N_(
                "The project code's first four digits are neither a year from 2016 to 2020 "
                "nor a year and month from 2011 (November 2020) to this month."
            )
        )
    if division(region, year=year) is None:
        raise InvalidCode(
            N_(
                "The division code %(region)s in the project code is not an administrative "
                "division code of that year."
            ),
            region=region,
        )
    if kind not in types:
        raise InvalidCode(
            N_("The project type %(kind)s in the project code is not one of the published types."),
            kind=kind,
        )
    return code
