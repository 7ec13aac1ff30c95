"""1RM formulas and loads, against the numbers of their sources."""

import pytest

from coaching import (
    NSCA_PERCENT_1RM,
    brzycki_1rm,
    epley_1rm,
    load_for_reps,
    rir_adjusted_1rm,
    rpe_from_rir,
    start_load_from_set,
)


def test_epley_and_brzycki_agree_at_ten_reps():
    assert epley_1rm(100, 10) == pytest.approx(133.33, abs=0.01)
    assert brzycki_1rm(100, 10) == pytest.approx(133.33, abs=0.01)


def test_a_single_is_the_one_rep_max():
    assert epley_1rm(140, 1) == 140
    assert brzycki_1rm(140, 1) == 140


@pytest.mark.parametrize("reps", [0, -1, 37])
def test_impossible_rep_counts_are_refused(reps):
    with pytest.raises(ValueError):
        brzycki_1rm(100, reps)


def test_rir_counts_as_extra_reps_to_failure():
    # NOTES.md: 60 kg x 8 @ RIR 2 -> Brzycki(60, 10) = 80 kg.
    assert rir_adjusted_1rm(60, 8, 2) == pytest.approx(80.0)


@pytest.mark.parametrize(("reps", "tolerance"), [(8, 1.0), (10, 0.5), (12, 3.0), (5, 2.0)])
def test_load_for_reps_tracks_the_nsca_table(reps, tolerance):
    # NSCA: 8 reps ~ 80 %, 10 ~ 75 %, 12 ~ 67 % of 1RM.
    percent = load_for_reps(100, reps)
    assert percent == pytest.approx(NSCA_PERCENT_1RM[reps], abs=tolerance)


def test_nsca_table_key_values():
    assert (NSCA_PERCENT_1RM[8], NSCA_PERCENT_1RM[10], NSCA_PERCENT_1RM[12]) == (80, 75, 67)


def test_start_load_is_a_ten_to_twelve_rep_max():
    # 8 reps with 3 in reserve is an 11RM: between the NSCA 12RM (67 %) and 10RM (75 %).
    one_rm = 100
    load = start_load_from_set(one_rm, 1)
    assert 67 <= load <= 75


def test_start_load_from_a_set_of_eight_at_three_in_reserve_is_that_weight():
    assert start_load_from_set(60, 8, 3) == pytest.approx(60)


def test_start_load_refuses_long_sets():
    with pytest.raises(ValueError):
        start_load_from_set(30, 20)


def test_rpe_is_ten_minus_rir():
    assert [rpe_from_rir(r) for r in (0, 2, 4)] == [10, 8, 6]


@pytest.mark.parametrize("reps, rir", [(12, 3), (12, 0), (15, 0), (10, 3), (8, 5)])
def test_a_set_lighter_than_an_eleven_rep_max_never_starts_heavier_than_itself(reps, rir):
    # 60 x 12 @ 3 is 15 reps to failure: Brzycki extrapolates up to 70.9 kg, a weight never
    # lifted; runners' rep-load curves differ from lifters' (Richens & Cleather 2014).
    assert start_load_from_set(60, reps, rir) == pytest.approx(60)


def test_a_set_heavier_than_an_eleven_rep_max_still_gives_a_lighter_start():
    assert start_load_from_set(100, 5) < 100
