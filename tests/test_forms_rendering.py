"""The field macro renders each attribute once, separately, escaped once.

It used to glue attributes (``requiredmaxlength="128"``, ``value=""autocomplete=``) and
escape the ones passed through (``inputmode=&#34;numeric&#34;``), so no length limit held in
the browser and phones never showed the numeric keypad.
"""

from __future__ import annotations

from html.parser import HTMLParser

import httpx

from marketplace.templating import templates


class _Inputs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inputs: dict[str, dict[str, str | None]] = {}
        self.raw: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "input":
            found = dict(attrs)
            assert len(found) == len(attrs), f"an attribute twice: {attrs}"
            self.inputs[str(found.get("id"))] = found
            self.raw.append(self.get_starttag_text() or "")


def _inputs(html: str) -> _Inputs:
    parser = _Inputs()
    parser.feed(html)
    return parser


def _render(call: str) -> str:
    source = '{% from "_forms.html" import field %}' + call
    return templates.env.from_string(source).render()


def test_every_attribute_is_its_own() -> None:
    html = _render(
        '{{ field("base", "基数", "12.5", {}, autocomplete="off", maxlength=40,'
        ' attrs={"inputmode": "decimal"}, help="万元") }}'
    )

    parsed = _inputs(html)

    assert parsed.inputs["base"] == {
        "id": "base",
        "name": "base",
        "type": "text",
        "value": "12.5",
        "autocomplete": "off",
        "required": None,
        "maxlength": "40",
        "inputmode": "decimal",
        "aria-describedby": "base-help",
    }
    assert "&#34;" not in parsed.raw[0]


def test_a_field_in_error_is_marked_and_values_are_escaped_once() -> None:
    html = _render(
        '{{ field("name", "名称", "<b>\\"x\\"</b>", {"name": {"id": "This field is required.",'
        ' "params": {}}}, required=False, id="objection-name") }}'
    )

    parsed = _inputs(html)

    assert parsed.inputs["objection-name"] == {
        "id": "objection-name",
        "name": "name",
        "type": "text",
        "value": '<b>"x"</b>',
        "aria-invalid": "true",
        "aria-describedby": "objection-name-error",
    }
    assert 'for="objection-name"' in html
    assert "&lt;b&gt;&#34;x&#34;&lt;/b&gt;" in parsed.raw[0]


async def test_the_registration_form_as_rendered(demo_client: httpx.AsyncClient) -> None:
    response = await demo_client.get("/register")

    code = _inputs(response.text).inputs["credit_code"]

    assert response.status_code == 200
    assert (code["maxlength"], code["autocapitalize"], code["spellcheck"]) == (
        "24",
        "characters",
        "false",
    )
    assert "required" in code


def test_the_textarea_and_select_macros_keep_attributes_apart() -> None:
    source = (
        '{% from "admission/_macros.html" import textarea, select %}'
        '{{ textarea("reason", "理由", "",'
        ' {"reason": {"id": "Please give a reason.", "params": {}}},'
        ' rows=3, maxlength=2000, id="reason-7") }}'
        '{{ select("kind", "类型", [("a", "A")], "a", {}, help="h") }}'
    )
    html = templates.env.from_string(source).render()

    class _Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: dict[str, dict[str, str | None]] = {}

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in ("textarea", "select"):
                self.tags[tag] = dict(attrs)

    parser = _Tags()
    parser.feed(html)

    assert parser.tags["textarea"] == {
        "id": "reason-7",
        "name": "reason",
        "rows": "3",
        "maxlength": "2000",
        "required": None,
        "aria-invalid": "true",
        "aria-describedby": "reason-7-error",
    }
    assert parser.tags["select"] == {
        "id": "kind",
        "name": "kind",
        "required": None,
        "aria-describedby": "kind-help",
    }
    assert 'for="reason-7"' in html
