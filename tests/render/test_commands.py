"""One table of commands: /help and both menus agree with what the bot handles."""

from bot.application import GROUP_COMMANDS, LOG_COMMANDS, SETUP_COMMANDS
from render.commands import COMMANDS, GROUP, HELP, PRIVATE, menu


def test_every_command_in_a_menu_is_in_help():
    for scope in (PRIVATE, GROUP):
        for name, description in menu(scope):
            assert f"/{name}" in HELP and description


def test_the_group_menu_shows_group_commands_and_the_private_menu_does_not():
    private = {name for name, _ in menu(PRIVATE)}
    group = {name for name, _ in menu(GROUP)}
    assert {"join", "board", "team"} <= group and not {"join", "board", "team"} & private
    assert {"start", "settings", "deletedata"} <= private


def test_every_command_the_bot_registers_is_in_the_table():
    names = {c.name for c in COMMANDS}
    assert {*SETUP_COMMANDS, *GROUP_COMMANDS, *LOG_COMMANDS} <= names
