"""The hostile input corpus: what people, clients and scripts send that a parser might not
expect. Shared by the table-driven handler tests and the parser fuzzing."""

LONG = "8" * 4096
LONG_SETS = ("60x8 " * 820)[:4096]

CORPUS: list[str] = [
    LONG,  # Telegram's longest message
    LONG_SETS,
    "60x8\n60x8\nrir 2\n" * 3,  # multi-line
    "\u202e8x06\u202c",  # right-to-left override
    "60\u200bx8",  # zero-width space inside a set
    "\u200f60x8\u200e",  # RTL and LTR marks around it
    "\ufeff07:30",  # a byte-order mark
    "😀x8 🏋️‍♀️ 💪🏽",  # emoji, ZWJ sequences, skin tones (UTF-16 surrogate pairs)
    "𝟔𝟎x𝟖",  # mathematical bold digits
    "٦٠x٨ rir ٢",  # Arabic-Indic digits
    "６０ｘ８",  # full-width
    "<b>60x8</b>",
    "</i><script>alert(1)</script>",
    "&amp; &lt; & < > \" '",
    "*bold* _it_ `code` [link](http://x) ||spoiler||",  # Markdown
    "'; DROP TABLE logged_sets; --",
    "1 OR 1=1",
    "%s %d %(name)s {} {0} {name!r} {{",
    "1e309x8",  # float("1e309") is inf
    "nan x 8",
    "inf kg x 8",
    "-0x8",
    "60x-8",
    "1_000x8",  # int("1_000") == 1000
    "0x8",
    "9999999999999999999999x8",
    "2026-02-30",
    "2026-13-01 marathon",
    "31/04 10k",
    "0000-00-00",
    "/log@OtherBot squat 60x8",
    "@RunLiftBot",
    "\x00\x07\x1b[31m",  # control characters
    " ",
    "\n\n\n",
]
