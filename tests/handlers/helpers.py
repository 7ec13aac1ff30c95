"""Steps a runner takes, so tests read like the product."""

from models import LiftState
from tests.rig import ALICE, Rig


async def onboard_by_buttons(rig: Rig, user=ALICE) -> str:
    """Kilograms, Berlin, Tue quality / Thu easy / Sat long, 07:30, full gym, a set per lift."""
    await rig.send("/start", user)
    await rig.press("Kilograms", user)
    await rig.press("Europe/Berlin", user)
    for day, taps in (("Tuesday", 2), ("Thursday", 1), ("Saturday", 3)):
        for _ in range(taps):
            await rig.press(day, user)
    await rig.press("Done", user)
    await rig.press("07:30", user)
    await rig.press("Full gym", user)
    for recent_set in ("40x8", "80x5 rir2", "100x5", "14x8", "24x10"):
        reply = await rig.send(recent_set, user)
    return reply


async def working_kg(rig: Rig, exercise: str, user=ALICE) -> float | None:
    """The lift's working weight as stored (kg)."""
    return (await rig.get(LiftState, (user.id, exercise))).working_weight_kg


async def dumbbells_only(rig: Rig, user=ALICE) -> None:
    """Alice onboarded, then her own rack (4-15 kg) and dumbbells only, with a set per lift:
    session A is the dumbbell overhead press, squat and Romanian deadlift."""
    await onboard_by_buttons(rig, user)
    await rig.send("/kit dumbbells 4 6 8 10 12.5 15", user)
    await rig.send("/equipment dumbbells", user)
    for recent_set in ("10x8", "14x8 rir2", "16x8 rir2"):
        await rig.send(recent_set, user)
