"""Blocks: the rep scheme a runner is on, the offer of the next one, and going back."""

from __future__ import annotations

from coaching.programme import BLOCKS, Block
from render.common import escape

# What each block asks, in the runner's terms (the reserve is the block's target RIR).
_ABOUT = {
    "2x8": "a weight you could lift 10 to 12 times, done for 8",
    "3x6": "heavier: about an 8-rep max, done for 6",
    "3x5": "heavier still: about a 7-rep max, done for 5",
}
BLOCK_EXPECTED = "Use <code>/block 2x8</code>, <code>/block 3x6</code> or <code>/block 3x5</code>."
NOT_NOW = "Not now"
FINISH_FIRST = "Today's session is under way: finish it first (/done), then switch blocks."


def block_name(block: Block) -> str:
    return f"{block.sets} × {block.reps}"


def switch_label(block: Block) -> str:
    return f"Switch to {block_name(block)}"


def block_text(current: Block, offer: Block | None) -> str:
    """/block: where the runner is, what each block asks, and the choice (never forced)."""
    lines = [f"<b>Block {block_name(current)}</b>: {escape(_ABOUT[current.key])}."]
    if offer is not None:
        lines.append(f"Your progress is steady: {block_name(offer)} is open to you.")
    lines.append("")
    for block in BLOCKS:
        mark = " (now)" if block == current else ""
        lines.append(f"• {block_name(block)}{mark}: {escape(_ABOUT[block.key])}")
    lines.append("\nThe heavier blocks open after steady progress (12 sessions, no step back in "
                 "the last 4). Switching sets every working weight to the same strength in the "
                 "new reps; you can go back any time.")  # fmt: skip
    return "\n".join(lines)


def block_offer(block: Block) -> str:
    about = escape(_ABOUT[block.key]).capitalize()
    return (f"💪 Six steady weeks: ready for <b>{block_name(block)}</b>? {about}. "
            "Your choice; you can always go back.")  # fmt: skip


def block_changed(block: Block) -> str:
    return (f"Now on <b>{block_name(block)}</b>. Your working weights moved to match; "
            "/today shows them. /block to go back.")  # fmt: skip


def already_on(block: Block) -> str:
    return f"You are on {block_name(block)} already: nothing changed."


def staying(block: Block) -> str:
    return f"Staying on {block_name(block)}. I'll ask again in a couple of weeks."
