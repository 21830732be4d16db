"""Settings come from the environment once, with embedded defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from marketplace.core.settings import Settings


def test_nothing_set_means_the_embedded_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)

    settings = Settings.from_env({})

    assert settings.database_url == f"sqlite://{tmp_path / 'marketplace.sqlite3'}"
    assert settings.database_is_sqlite
    # the generated key is kept in the data folder, so workers and restarts share it
    assert not settings.secret_key_is_ephemeral
    assert settings.secret_key_file == tmp_path / "media" / ".secret_key"
    assert len(settings.secret_key) >= 32
    assert (settings.redis_url, settings.meilisearch_url, settings.stripe_secret_key) == (
        None,
        None,
        None,
    )
    assert (settings.smtp_url, settings.debug, settings.city) == (None, False, "盐城市")


def test_each_service_is_switched_on_by_its_variable() -> None:
    settings = Settings.from_env(
        {
            "DATABASE_URL": "postgres://mp:pw@db:5432/mp",
            "SECRET_KEY": "k" * 40,
            "REDIS_URL": "redis://127.0.0.1:6379/0",
            "MEILISEARCH_URL": "http://search:7700",
            "MEILISEARCH_API_KEY": "mkey",
            "STRIPE_SECRET_KEY": "sk_test_1",
            "STRIPE_WEBHOOK_SECRET": "whsec_1",
            "SMTP_URL": "smtp://mail:25",
            "DEBUG": "true",
            "MARKETPLACE_CITY": "南通市",
        }
    )

    assert settings.database_url == "postgres://mp:pw@db:5432/mp"
    assert not settings.database_is_sqlite
    assert (settings.secret_key, settings.secret_key_is_ephemeral) == ("k" * 40, False)
    assert settings.redis_url == "redis://127.0.0.1:6379/0"
    assert (settings.meilisearch_url, settings.meilisearch_api_key) == (
        "http://search:7700",
        "mkey",
    )
    assert (settings.stripe_secret_key, settings.stripe_webhook_secret) == ("sk_test_1", "whsec_1")
    assert (settings.smtp_url, settings.debug, settings.city) == ("smtp://mail:25", True, "南通市")


def test_blank_variables_count_as_unset(tmp_path: Path) -> None:
    settings = Settings.from_env({"REDIS_URL": "  ", "SECRET_KEY": "", "MEDIA_DIR": str(tmp_path)})

    assert settings.redis_url is None
    assert settings.secret_key_file == tmp_path / ".secret_key"


def test_uploaded_files_go_under_media_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)

    default = Settings.from_env({})
    chosen = Settings.from_env({"MEDIA_DIR": str(tmp_path / "uploads")})

    assert default.media_dir == tmp_path / "media"
    assert chosen.media_dir == tmp_path / "uploads"


def test_password_hash_cost_is_the_rfc_9106_profile_unless_the_tests_lower_it() -> None:
    from marketplace.core.settings import password_hash_parameters

    standard = {"time_cost": 3, "memory_cost": 65536, "parallelism": 4}
    assert password_hash_parameters({}) == standard
    assert password_hash_parameters({"PASSWORD_HASH_COST": "standard"}) == standard
    assert password_hash_parameters({"PASSWORD_HASH_COST": "test"}) == {
        "time_cost": 1,
        "memory_cost": 64,
        "parallelism": 1,
    }
    with pytest.raises(ValueError, match="PASSWORD_HASH_COST must be standard or test"):
        password_hash_parameters({"PASSWORD_HASH_COST": "cheap"})
