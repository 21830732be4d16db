"""The input gate: bodies capped by type, unreadable bodies and control characters refused
before the CSRF check or any view reads them, on both backends."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import httpx
import pytest

from marketplace.accounts.models import SecurityEvent, User
from marketplace.forms import FormError, parse_id, parse_int
from marketplace.guard import MAX_FORM_BYTES, MAX_MULTIPART_BYTES
from tests.accounts_helpers import PASSWORD, csrf_token, make_user, post_form

NUL_MESSAGE_ZH = "包含无法保存的控制字符"


async def test_a_nul_in_the_path_or_query_is_a_400_in_the_users_language(
    client: httpx.AsyncClient,
) -> None:
    for url in ("/categories/%00", "/search?q=%00", "/?category=a%01b", "/api/v1/items?q=%00"):
        response = await client.get(url)

        assert response.status_code == 400, url
        if url.startswith("/api/"):
            assert response.json()["error"]["code"] == "invalid_characters"
        else:
            assert "控制字符" in response.text

    english = await client.get("/search?q=%00&lang=en")
    assert english.status_code == 400
    assert "control characters" in english.text


async def test_tab_newline_and_carriage_return_pass(client: httpx.AsyncClient) -> None:
    response = await client.get("/search?q=a%09b%0Ac%0D")

    assert response.status_code == 200


async def test_a_nul_in_a_posted_field_is_refused_and_nothing_happens(
    client: httpx.AsyncClient, db: str
) -> None:
    await make_user("wang@example.com")
    events = await SecurityEvent.all().count()

    response = await post_form(client, "/login", {"email": "wang\x00@example.com", "password": "x"})

    assert response.status_code == 400
    assert "“email”" in response.text and NUL_MESSAGE_ZH in response.text
    assert await SecurityEvent.all().count() == events  # not even a failed sign-in logged


async def test_a_nul_in_a_multipart_field_or_file_name_is_refused(
    client: httpx.AsyncClient, db: str
) -> None:
    token = await csrf_token(client)
    field = await client.post(
        "/register",
        data={"csrftoken": token, "company_name": "示例\x00公司"},
        files={"attachment": ("a.pdf", b"%PDF-1.4", "application/pdf")},
    )
    file_name = await client.post(  # httpx would escape the NUL: the bytes as a client may
        "/register",
        content=(
            f'--b\r\nContent-Disposition: form-data; name="csrftoken"\r\n\r\n{token}\r\n'
            '--b\r\nContent-Disposition: form-data; name="attachment"; filename="a\x00.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--b--\r\n"
        ).encode(),
        headers={"content-type": "multipart/form-data; boundary=b"},
    )

    assert (field.status_code, file_name.status_code) == (400, 400)
    assert "“company_name”" in field.text
    assert "“attachment”" in file_name.text
    assert await User.all().count() == 0


async def test_an_oversized_form_is_refused_before_it_is_read(
    client: httpx.AsyncClient, db: str
) -> None:
    token = await csrf_token(client)
    big = "a" * (MAX_FORM_BYTES + 1)

    declared = await client.post("/login", data={"csrftoken": token, "email": big})

    async def chunks():  # no Content-Length: counted as it comes
        yield f"csrftoken={token}&email=".encode()
        for _ in range(MAX_FORM_BYTES // 65536 + 1):
            yield b"a" * 65536

    streamed = await client.post(
        "/login",
        content=chunks(),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )

    for response in (declared, streamed):
        assert response.status_code == 413
        assert "请求过大" in response.text
    assert await SecurityEvent.all().count() == 0


async def test_oversized_bodies_under_the_api_get_the_json_error(client: httpx.AsyncClient) -> None:
    body = b'{"note": "' + b"a" * (1024 * 1024) + b'"}'

    response = await client.post(
        "/api/v1/orders", content=body, headers={"content-type": "application/json"}
    )
    multipart = await client.post(
        "/api/v1/orders",
        content=b"",
        headers={
            "content-type": "multipart/form-data; boundary=x",
            "content-length": str(MAX_MULTIPART_BYTES + 1),
        },
    )

    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"
    assert multipart.status_code == 413


@pytest.mark.parametrize(
    "content_type",
    [
        "multipart/form-data",
        "multipart/form-data; boundary=",
        "application/x-www-form-urlencoded; charset=gbk",
        "multipart/form-data; boundary=b; charset=latin-1",
    ],
)
async def test_a_body_of_an_unreadable_shape_is_a_400(
    client: httpx.AsyncClient, content_type: str
) -> None:
    token = await csrf_token(client)

    response = await client.post(
        "/login",
        content=f"csrftoken={token}&email=a".encode(),
        headers={"content-type": content_type},
    )

    assert response.status_code == 400
    assert "无法读取表单" in response.text


async def test_undecodable_and_malformed_bodies_are_a_400(client: httpx.AsyncClient) -> None:
    token = await csrf_token(client)
    not_utf8 = await client.post(
        "/login",
        content=f"csrftoken={token}&email=%FF%FE".encode(),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    raw_bytes = await client.post(
        "/login",
        content=f"csrftoken={token}&email=\xff".encode("latin-1"),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    broken = await client.post(
        "/login",
        content=b"--b\r\nbad header\r\n\r\nx\r\n--b--\r\n",
        headers={"content-type": "multipart/form-data; boundary=b"},
    )

    assert (not_utf8.status_code, raw_bytes.status_code, broken.status_code) == (400, 400, 400)


async def test_odd_but_valid_content_types_still_reach_the_csrf_check(
    client: httpx.AsyncClient, db: str
) -> None:
    await make_user("wang@example.com")
    token = await csrf_token(client)
    body = (
        f'--b\r\nContent-Disposition: form-data; name="csrftoken"\r\n\r\n{token}\r\n'
        '--b\r\nContent-Disposition: form-data; name="email"\r\n\r\nwang@example.com\r\n'
        f'--b\r\nContent-Disposition: form-data; name="password"\r\n\r\n{PASSWORD}\r\n--b--\r\n'
    ).encode()

    response = await client.post(
        "/login", content=body, headers={"content-type": 'multipart/form-data;boundary="b"'}
    )
    shouted = await client.post(
        "/login",
        content=urlencode({"csrftoken": token, "email": "wang@example.com", "password": PASSWORD}),
        headers={"content-type": "Application/X-WWW-Form-Urlencoded; charset=UTF-8"},
    )

    assert response.status_code == 303
    assert shouted.status_code == 303


async def test_json_nested_a_thousand_deep_or_with_nul_is_a_400(client: httpx.AsyncClient) -> None:
    deep = "[" * 1000 + "]" * 1000
    headers = {"content-type": "application/json"}
    answers = [
        await client.post("/api/v1/orders", content=body, headers=headers)
        for body in (
            '{"a": ' + deep + "}",
            '{"a": ' + "[" * 40 + "]" * 40 + "}",
            json.dumps({"note": "a\u0000b"}),
            json.dumps({"no\u0001te": "ab"}),
        )
    ]

    # the API asks for a token first; the body is only read by a signed-in caller, so these
    # are checked on json_body itself in test_json_body_refuses_depth_and_control_characters
    assert {a.status_code for a in answers} <= {400, 401}


async def test_json_body_refuses_depth() -> None:
    from starlette.requests import Request

    from marketplace.http import ApiError, json_body

    async def body_of(raw: bytes) -> object:
        async def receive() -> dict[str, object]:
            return {"type": "http.request", "body": raw, "more_body": False}

        request = Request({"type": "http", "method": "POST", "headers": []}, receive)
        try:
            return await json_body(request)
        except ApiError as exc:
            return (exc.status_code, exc.code)

    assert await body_of(b'{"a": ' + b"[" * 5000 + b"]" * 5000 + b"}") == (400, "invalid_json")
    assert await body_of(b'{"a": ' + b"[" * 40 + b"]" * 40 + b"}") == (400, "invalid_json")
    # control characters are the request models' to refuse, naming the field
    # (tests/test_fuzz_api.py); json_body only reads the object
    assert await body_of(b'{"a": "x\\u0000"}') == {"a": "x\x00"}
    assert await body_of(b'{"a": "tab\\tnew\\nline"}') == {"a": "tab\tnew\nline"}
    assert await body_of(b'{"a": [[1]]}') == {"a": [[1]]}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("5", 5), (" 12 ", 12), ("0", 0), ("100", 100)],
)
def test_parse_int_reads_ascii_digits(raw: str, expected: int) -> None:
    assert parse_int(raw, field="n", minimum=0, maximum=100) == expected


@pytest.mark.parametrize(
    "raw",
    ["²", "１２", "١٢", "-1", "+3", "101", "", "1.0", "1e3", "1_0", "0x1", None, 5, "9" * 40],
)
def test_parse_int_refuses_everything_else_with_the_fields_message(raw: object) -> None:
    with pytest.raises(FormError) as refused:
        parse_int(raw, field="n", minimum=0, maximum=100)

    message = refused.value.errors["n"]
    assert message.id == "Enter a whole number from %(low)s to %(high)s."
    assert message.params == {"low": 0, "high": 100}


def test_parse_int_takes_a_sign_only_where_negatives_are_allowed() -> None:
    assert parse_int("-7", field="n", minimum=-10, maximum=10) == -7
    assert [parse_id(v) for v in ("12", "²", "0", "-1", str(2**31), "", None)] == [
        12,
        None,
        None,
        None,
        None,
        None,
        None,
    ]


async def test_a_200_mb_form_is_dropped_after_its_first_megabyte(client: httpx.AsyncClient) -> None:
    token = await csrf_token(client)
    sent_chunks = 0

    async def two_hundred_megabytes():
        nonlocal sent_chunks
        yield f"csrftoken={token}&email=".encode()
        for _ in range(200 * 16):  # 64 KiB each
            sent_chunks += 1
            yield b"a" * 65536

    response = await client.post(
        "/login",
        content=two_hundred_megabytes(),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )

    assert response.status_code == 413
    assert sent_chunks == 16  # read up to the first chunk past 1 MiB, then answered
