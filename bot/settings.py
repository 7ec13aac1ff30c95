"""Configuration from the environment and `.env`: read once, at start-up, by the entry point."""

from __future__ import annotations

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///runlift.db"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = Field(default=None)
    database_url: str = DEFAULT_DATABASE_URL
    # Passed unchanged to PTB's base_url / base_file_url (PTB appends the token), e.g.
    # http://127.0.0.1:8081/bot and http://127.0.0.1:8081/file/bot.
    telegram_api_base_url: str | None = None
    telegram_api_file_url: str | None = None
    webhook_url: str | None = None
    webhook_secret_token: SecretStr | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    webhook_path: str = "telegram"
    log_level: str = "INFO"
    # Reminders: how often the scheduler looks for due ones, and how late one may still go out.
    reminder_tick_seconds: float = 30
    reminder_grace_hours: float = 6
    # A reminder left "sending" this long by a process that died is reclaimed.
    reminder_reclaim_minutes: float = 10
    # Reminders sent as paid broadcasts: up to 1,000 messages/s instead of 30, for 0.1 Star each.
    allow_paid_broadcast: bool = False

    @model_validator(mode="after")
    def _webhook_needs_a_secret(self) -> Settings:
        if self.webhook_url and not self.webhook_secret_token:
            raise ValueError("WEBHOOK_SECRET_TOKEN is required when WEBHOOK_URL is set")
        return self

    @property
    def token(self) -> str | None:
        value = self.telegram_bot_token.get_secret_value() if self.telegram_bot_token else ""
        return value.strip() or None
