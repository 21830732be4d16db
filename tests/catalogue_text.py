"""The visible text of a page, for assertions on what a person reads."""

from __future__ import annotations

import html
import re


def text_of(page: str) -> str:
    body = re.sub(r"<script.*?</script>|<style.*?</style>", "", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())
