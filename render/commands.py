"""The one table of commands: /help and both command menus (private, groups) come from it."""

from __future__ import annotations

from dataclasses import dataclass

PRIVATE, GROUP = "private", "group"


@dataclass(frozen=True)
class Command:
    name: str
    menu: str  # the short line in Telegram's command menu
    help: str  # the line in /help (HTML), after "/name"
    section: str
    menus: tuple[str, ...] = (PRIVATE,)
    group_menu: str = ""  # a different menu line in groups, where it differs


TRAINING, REMINDERS, GROUPS, SETUP, OTHER = (
    "Training", "Reminders and races", "In a group", "Getting set up", "Other",
)  # fmt: skip
BOTH = (PRIVATE, GROUP)

COMMANDS: tuple[Command, ...] = (
    Command("today", "Today's session", ": today's session (or when the next one is)", TRAINING,
            BOTH, "Your session today"),
    Command("log", "Log what you lifted",
            ": log what you lifted, e.g. <code>/log squat 60x8 60x8 rir2</code>", TRAINING, BOTH),
    Command("done", "Finish the session", ": finish the session and see the next loads",
            TRAINING),
    Command("undo", "Remove the last logged exercise", ": remove the last logged exercise",
            TRAINING),
    Command("history", "Past sessions (edit or delete a log)",
            ": past sessions; correct or delete what you logged", TRAINING),
    Command("plan", "The next seven days' lift days",
            " or /plan next: lift days and loads for the next seven days (or the seven after)",
            TRAINING),
    Command("progress", "A chart of your lifts",
            " or /progress squat, /progress all: a chart of each lift's estimated 1RM, working "
            "weight and records (12 weeks, one lift, or everything)", TRAINING, BOTH),
    Command("records", "Your records",
            ": your heaviest weight for 5, 6 and 8 reps and best estimated 1RM per lift",
            TRAINING, BOTH),
    Command("block", "Your rep block: 2x8, 3x6 or 3x5",
            " or /block 3x6: your rep block; heavier ones are offered after steady progress",
            TRAINING),
    Command("weight", "Log your bodyweight",
            " 62.5: today's bodyweight (one a day); /weight alone: the last ones and the trend",
            TRAINING),
    Command("pause", "Pause reminders",
            " or /pause 2: pause reminders (for 2 weeks); /resume", REMINDERS),
    Command("resume", "Resume reminders", ": reminders back on", REMINDERS),
    Command("headsup", "A note the evening before", " on|off: a note the evening before lift days",
            REMINDERS, ()),
    Command("summary", "A weekly summary: on or off",
            " on|off or /summary sun 18:00: a summary of your week, on the day and time you "
            "choose", REMINDERS),
    Command("race", "Races and tapering",
            " 2027-04-12 half: add a race (5k, 10k, half, marathon, ultra); /race lists them",
            REMINDERS),
    Command("join", "Join the group's programme",
            ", /leave: the group's programme (set-up happens privately)", GROUPS, (GROUP,)),
    Command("leave", "Leave the group's programme",
            ": leave the group's programme (your history stays; /join brings you back)", GROUPS,
            (GROUP,)),
    Command("share", "Show your loads here: on or off",
            " on|off: show your loads in this group (off: only adherence shows)", GROUPS,
            (GROUP,)),
    Command("board", "This week in the group", ": this week's adherence and progress", GROUPS,
            (GROUP,)),
    Command("groupsetup", "Admins: reminder time, days, summary",
            ", /team: for the group's admins", GROUPS, (GROUP,)),
    Command("team", "Admins: the coach's view", ": the coach's view (admins)", GROUPS, (GROUP,)),
    Command("start", "Set up or review your profile", ": set up (or review) your profile", SETUP),
    Command("settings", "See and change your settings", ": see and change everything", SETUP),
    Command("units", "kg or lb", " kg|lb", SETUP, BOTH, "Your units: kg or lb"),
    Command("timezone", "Your time zone, e.g. Europe/Berlin", " Europe/Berlin", SETUP),
    Command("rundays", "Your running week",
            " tue=quality thu=easy sat=long (unlisted days are rest)", SETUP, BOTH),
    Command("remind", "Reminder time, e.g. 07:30", " 07:30", SETUP, BOTH, "Your reminder time"),
    Command("equipment", "gym, barbell or dumbbells", " gym|barbell|dumbbells", SETUP),
    Command("kit", "Your bar, plates and dumbbells",
            ": your bar, plates and dumbbells, e.g. <code>/kit plates 20 10 5 2.5 1.25</code>, "
            "<code>/kit dumbbells 2-24 step 2</code>, <code>/kit reset</code>", SETUP, BOTH),
    Command("export", "Your data as CSV and JSON",
            ": every logged set (CSV) and your profile (JSON), as files", OTHER),
    Command("import", "Bring history back from a CSV",
            ": send a CSV (from /export, Strong or Hevy) with the caption /import", OTHER),
    Command("cancel", "Leave what you are doing", ": leave what you are doing", OTHER),
    Command("deletedata", "Delete everything about you",
            ": delete everything I store about you", OTHER),
    Command("help", "All commands", ": this list", OTHER, BOTH, "What RunLift does"),
)  # fmt: skip

# In /help, a few commands share a line with the one before them ("/join, /leave: ...").
_SHARES_A_LINE = {"resume", "leave", "team"}

WHY_LIFT = (
    "Why lift? Heavy strength work makes running more economical (about 2–8 % in studies; "
    "Blagrove et al. 2018) and makes you more robust. Two short, heavy sessions a week are enough."
)


def menu(scope: str) -> list[tuple[str, str]]:
    """(command, description) for Telegram's menu in private chats or in groups."""
    return [
        (c.name, (c.group_menu or c.menu) if scope == GROUP else c.menu)
        for c in COMMANDS
        if scope in c.menus
    ]


def help_text() -> str:
    parts = ["<b>RunLift</b>: a strength coach for distance runners. Two heavy sessions a week, "
             "fitted around your running."]  # fmt: skip
    for section in (TRAINING, REMINDERS, GROUPS, SETUP, OTHER):
        lines = [
            f"/{c.name}{c.help}"
            for c in COMMANDS
            if c.section == section and c.name not in _SHARES_A_LINE
        ]
        parts.append(f"<b>{section}</b>\n" + "\n".join(lines))
    return "\n\n".join([*parts, WHY_LIFT])


HELP = help_text()
# Typed as plain text outside a conversation, these show the help too.
HELP_WORDS = ("help", "help?", "?", "menu", "commands")
