"""Reasons as sentences: every `ReasonCode` has a message, worded in the runner's units."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from coaching import Exercise, Implement, Kit, Reason, ReasonCode
from coaching.programme import BLOCKS_BY_KEY
from render.blocks import block_name
from render.common import day_text, weight, weight_kg

Values = Mapping[str, object]
Words = Callable[[Values, Kit, Exercise | None], str]


def _next(values: Values, kit: Kit, exercise: Exercise | None) -> str:
    """The next load named by a reason, rounded to what the runner can load."""
    kg = float(values["weight_kg"])
    shown = weight(kit.from_kg(exercise, kg), kit.unit) if exercise else weight_kg(kg, kit.unit)
    reps = values.get("next_reps")  # the same weight for fewer reps, where the kit has no step
    return f"{shown} for {reps} reps" if reps else shown


def _from_set(values: Values, kit: Kit) -> str:
    """The recent set a starting load came from."""
    text = f"from your {weight_kg(float(values['weight_kg']), kit.unit)} × {values['reps']}"
    return text + (f" with {values['rir']} in reserve" if values.get("rir") else "")


def _block(values: Values) -> str:
    block = BLOCKS_BY_KEY.get(str(values.get("block")))
    return block_name(block) if block else str(values.get("block"))


def _lightest(exercise: Exercise | None) -> str:
    """The lightest weight a kit can load on this exercise, in words."""
    if exercise is not None and exercise.implement is Implement.DUMBBELL:
        return "your lightest dumbbell"
    return "the empty bar"


def _days_to(values: Values) -> str:
    days = values["days"]
    return f"{days} {'day' if days == 1 else 'days'} to your {values['distance']}"


def _all_sets(values: Values) -> str:
    return "both sets" if values["sets"] == 2 else f"all {values['sets']} sets"


def _resumes(values: Values) -> str:
    resumes = values.get("resumes")
    if not isinstance(resumes, str):
        return ""
    day = date.fromisoformat(resumes)
    return f"; lifting resumes on {day_text(day)}"


def _checkin(values: Values) -> str:
    """One set per lift (`key_run` is set only in sessions stored before upper-body-only days)."""
    why = []
    if int(values.get("soreness", -1)) >= 0:
        why.append(f"your legs are sore ({values['soreness']}/10)")
    if values.get("key_run"):
        why.append("you have a quality or long run tomorrow")
    return "One set per lift today, same weights: " + " and ".join(why) + "."


TOMORROW = {"rest": "a rest day", "easy": "an easy run", "quality": "a quality session",
            "long": "your long run", "race": "a race"}  # fmt: skip


def _upper_only(values: Values) -> str:
    run = str(values.get("run") or "")
    why = f"your week has {TOMORROW[run]} tomorrow" if run in TOMORROW else (
        "you have a key run tomorrow")  # fmt: skip
    text = f"Upper body only today, the leg lifts left out: {why}"
    if int(values.get("soreness", -1)) >= 0:
        text += f"; one set per lift, same weights: your legs are sore ({values['soreness']}/10)"
    return text + "."


MESSAGES: dict[ReasonCode, Words] = {
    ReasonCode.FROM_SET: lambda v, kit, _: _from_set(v, kit),
    ReasonCode.FROM_SET_LIGHTEST: lambda v, kit, e: (
        _from_set(v, kit)
        + f": that works out at about {weight_kg(float(v.get('computed_kg', 0)), kit.unit)}, "
        f"lighter than {_lightest(e)}, so you start there"
    ),
    ReasonCode.CALIBRATE: lambda v, kit, e: "calibration: we find your working weight today",
    ReasonCode.CALIBRATED: lambda v, kit, e: "found in calibration",
    ReasonCode.CAL_TOO_HEAVY: lambda v, kit, e: (
        "that was too heavy for 8, and it is the lightest weight you can load: start here and "
        "do the reps you can with good form"
        if v.get("lightest")
        else "that was too heavy for 8: about 10 % lighter"
    ),
    ReasonCode.CAL_IN_RANGE: lambda v, kit, e: (
        f"8 reps with {v['rir']} in reserve: that is the weight"
    ),
    ReasonCode.CAL_ENOUGH: lambda v, kit, e: "enough sets for today: start here and build up",
    ReasonCode.CAL_STILL_EASY: lambda v, kit, e: "still easy: a bit heavier",
    ReasonCode.UNDER_MIN_REPS: lambda v, kit, e: (
        f"a set fell under {v['min_reps']} reps, so the load drops to {_next(v, kit, e)}"
    ),
    ReasonCode.SHORT_TWICE: lambda v, kit, e: (
        f"short of the target two sessions running: down to {_next(v, kit, e)}"
    ),
    ReasonCode.SHORT: lambda v, kit, e: (
        f"short of {v['sets']} × {v['reps']}: same weight next time"
    ),
    ReasonCode.UP_TWO: lambda v, kit, e: (
        f"every set felt easy ({v['rir']} in reserve): up to {_next(v, kit, e)}"
    ),
    ReasonCode.UP: lambda v, kit, e: (
        f"all reps done with {v['rir']} in reserve: up to {_next(v, kit, e)}"
    ),
    ReasonCode.HOLD_NO_RIR: lambda v, kit, e: (
        "all reps done; tell me how hard it felt to earn an increase"
    ),
    ReasonCode.HOLD_LOW_RIR: lambda v, kit, e: (
        f"all reps done but only {v['rir']} in reserve: same weight to own it"
    ),
    ReasonCode.DOWN_LOW_RIR: lambda v, kit, e: (
        f"only {v['rir']} in reserve: that weight is heavier than the block aims for, so "
        f"{_next(v, kit, e)} next time"
    ),
    ReasonCode.LIGHTER: lambda v, kit, e: (
        f"all reps done at a lighter weight: {_next(v, kit, e)} again next time"
    ),
    ReasonCode.FEWER_SETS: lambda v, kit, e: (
        f"fewer than {v['sets']} sets: same weight next time; do {_all_sets(v)} to move on"
    ),
    ReasonCode.ADD_REPS: lambda v, kit, e: (
        f"all reps done with reserve: same weight for {v['reps']} reps next time"
    ),
    ReasonCode.UP_FEWER_REPS: lambda v, kit, e: (
        f"all reps done with reserve: up to {_next(v, kit, e)} for {v['reps']} reps, "
        "then build the reps back up"
    ),
    ReasonCode.HOLD_BIG_STEP: lambda v, kit, e: (
        f"your next weight, {_next(v, kit, e)}, is too big a jump yet: same weight until "
        "it feels easier (smaller plates or dumbbells in between help: /kit)"
    ),
    ReasonCode.HOLD_TOP_OF_KIT: lambda v, kit, e: "the heaviest you can load: same weight",
    ReasonCode.TAPER_HOLD: lambda v, kit, e: (
        "around a race the weight stays where it is; it goes up again after the week after"
    ),
    ReasonCode.LOGGED_EARLIER: lambda v, kit, e: (
        "logged for a day earlier than your last log of it, so the next load stays"
    ),
    ReasonCode.TEMPORARY_CUT: lambda v, kit, e: (
        f"a lighter week after your race: back to {_next(v, kit, e)} after it"
    ),
    ReasonCode.BLOCK_CHANGED: lambda v, kit, e: (
        f"block {_block(v)}: {_next(v, kit, e)} for the same strength"
    ),
    ReasonCode.AFTER_BREAK: lambda v, kit, e: (
        f"{v['days']} days since you last did it: {v['percent']} % lighter to ease back in"
    ),
    ReasonCode.RACE_WEEK: lambda v, kit, e: f"race week ({_days_to(v)}): no lifting{_resumes(v)}",
    ReasonCode.UPPER_ONLY: lambda v, kit, e: f"{_days_to(v)}: upper body only, one set",
    ReasonCode.TAPER: lambda v, kit, e: (
        f"taper for your {v['distance']}: one set per lift, same weight"
    ),
    ReasonCode.POST_RACE: lambda v, kit, e: (
        "first week after your race: about 20 % lighter, your working weights stay as they were"
    ),
    ReasonCode.POST_RACE_UPPER: lambda v, kit, e: (
        f"first week after your {v['distance']}: upper body only while your legs recover"
    ),
    ReasonCode.CHECKIN_TRIM: lambda v, kit, e: _checkin(v),
    ReasonCode.CHECKIN_UPPER_ONLY: lambda v, kit, e: _upper_only(v),
}  # fmt: skip


def reason_text(reason: Reason | None, kit: Kit, exercise: Exercise | None = None) -> str:
    """The reason as plain text (not escaped), in the kit's units; "" when there is none."""
    if reason is None:
        return ""
    return MESSAGES[reason.code](reason.values, kit, exercise)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
