"""Configuration and logging: webhooks need a secret, the token never reaches a log line."""

import logging

import pytest
from pydantic import ValidationError

from bot.logs import RedactToken, setup_logging
from bot.settings import DEFAULT_DATABASE_URL, Settings

TOKEN = "123456789:AAE-secret-token-value"


def test_defaults(monkeypatch):
    for name in ("TELEGRAM_BOT_TOKEN", "DATABASE_URL", "WEBHOOK_URL", "TELEGRAM_API_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings(_env_file=None)
    assert settings.database_url == DEFAULT_DATABASE_URL == "sqlite+aiosqlite:///runlift.db"
    assert settings.token is None


def test_values_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", "http://127.0.0.1:8081/bot")
    settings = Settings(_env_file=None)
    assert settings.token == TOKEN
    assert settings.telegram_api_base_url == "http://127.0.0.1:8081/bot"
    assert TOKEN not in repr(settings)


def test_a_webhook_needs_a_secret_token(monkeypatch):
    monkeypatch.setenv("WEBHOOK_URL", "https://example.org/telegram")
    with pytest.raises(ValidationError, match="WEBHOOK_SECRET_TOKEN"):
        Settings(_env_file=None)
    monkeypatch.setenv("WEBHOOK_SECRET_TOKEN", "s3cret")
    assert Settings(_env_file=None).webhook_secret_token.get_secret_value() == "s3cret"


def test_the_token_is_redacted_from_every_log_line(capsys):
    setup_logging("DEBUG", TOKEN)
    try:
        logging.getLogger("telegram.ext").info("POST https://api.telegram.org/bot%s/getMe", TOKEN)
        logging.getLogger("httpx").info("HTTP Request: POST .../bot%s/getUpdates", TOKEN)
    finally:
        logging.getLogger().handlers[:] = []
    err = capsys.readouterr().err
    assert TOKEN not in err
    assert "bot<token>/getMe" in err
    assert logging.getLogger("httpx").level == logging.WARNING


def test_redaction_filter_leaves_other_records_alone():
    record = logging.LogRecord("x", logging.INFO, "f", 1, "hello %s", ("world",), None)
    assert RedactToken(TOKEN).filter(record)
    assert record.getMessage() == "hello world"
