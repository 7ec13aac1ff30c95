import pytest

from tests.e2e.local_bot_api import LocalBotApi


@pytest.fixture
def server():
    """A Bot API server on 127.0.0.1 for the real process to talk to."""
    local = LocalBotApi()
    local.start()
    yield local
    local.stop()
