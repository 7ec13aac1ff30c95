"""The stand-in for Telegram refuses what Telegram refuses, so tests catch it."""

import pytest
from telegram import Bot, InputFile, Update
from telegram.error import BadRequest

from bot.offline_api import (
    FakeUser,
    OfflineBotApi,
    TelegramError400,
    UpdateFactory,
    check_html,
    plain_text,
)


@pytest.mark.parametrize(
    "text",
    ["<b>bold</b> &amp; <i>it</i>", "a &lt; b", "<code>60x8</code>", "&#128512;",
     '<a href="https://t.me/x">link</a>'],
)  # fmt: skip
def test_valid_html_passes(text):
    check_html(text)


@pytest.mark.parametrize(
    "text", ["<b>Bold", "</i>", "a < b", "A & B", "<script>x</script>", "<b><i>x</b></i>"]
)
def test_invalid_html_is_refused_like_telegram(text):
    with pytest.raises(TelegramError400):
        check_html(text)


def test_plain_text_is_what_a_person_reads():
    assert plain_text("<b>Hi</b> &lt;3 &amp; more") == "Hi <3 & more"


async def test_sending_bad_html_through_the_bot_fails_the_update(rig):
    from telegram.error import BadRequest

    with pytest.raises(BadRequest, match="parse entities"):
        await rig.app.bot.send_message(101, "Hello <b>Bob")
    with pytest.raises(BadRequest, match="too long"):
        await rig.app.bot.send_message(101, "x" * 4097)


async def test_files_sent_are_kept_and_attached_ones_can_be_downloaded():
    api = OfflineBotApi()
    async with Bot("1:offline", request=api) as bot:
        sent = await bot.send_document(5, InputFile(b"a,b\n", filename="log.csv"), caption="Log")
        assert (sent.document.file_name, sent.caption) == ("log.csv", "Log")
        assert api.last_message(5).file.data == b"a,b\n"
        with pytest.raises(BadRequest, match="caption is too long"):
            await bot.send_photo(5, b"png", caption="x" * 1025)
        data = UpdateFactory(api).document(FakeUser(5, "Ann"), "in.csv", b"1,2", "/import")
        message = Update.de_json(data, bot).message
        assert message.caption == "/import"
        file = await message.document.get_file()
        assert bytes(await file.download_as_bytearray()) == b"1,2"
