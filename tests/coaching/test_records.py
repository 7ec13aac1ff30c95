"""The one rule for estimated 1RMs and records (coaching/records.py)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coaching import LoggedSet
from coaching.records import RecordBook, best_e1rm, estimated_1rm, new_records

MONDAY = date(2026, 11, 2)


@pytest.mark.parametrize(
    ("weight", "reps", "rir", "expected"),
    [
        (60, 8, 2, 80.0),  # Brzycki(60, 10) = 60 x 36 / 27
        (60, 8, None, None),  # no reserve known: no estimate (not "to failure")
        (50, 15, 0, 50 * 36 / 22),  # 15 to failure: still an estimate
        (50, 10, 6, None),  # over 5 in reserve: RIR is not judged that far (Zourdos 2016)
        (50, 12, 4, None),  # 16 to failure: beyond what the formulas were fitted on
        (40, 16, 0, None),
    ],
)
def test_estimated_1rm(weight, reps, rir, expected):
    found = estimated_1rm(weight, reps, rir)
    assert found == (None if expected is None else pytest.approx(expected))


def test_a_first_session_fills_the_book_without_records():
    book = RecordBook()
    assert book.add([LoggedSet(60, 8), LoggedSet(62.5, 8, 2)], MONDAY) == []
    assert book.heaviest[5].weight == book.heaviest[8].weight == 62.5
    assert book.e1rm.value == pytest.approx(62.5 * 36 / 27) and book.e1rm.day == MONDAY


def test_heaviest_for_reps_is_a_rep_max():
    book = RecordBook()
    book.add([LoggedSet(60, 8, 2), LoggedSet(70, 5, 1)])
    # 72 x 6 beats the 5-rep and 6-rep bests; announced once, as the 6-rep one
    records = book.add([LoggedSet(72, 6, 1)])
    weights = [(r.weight, r.reps, r.target) for r in records if r.kind == "weight"]
    assert weights == [(72, 6, 6)]
    assert book.heaviest[8].weight == 60  # not done for 8


def test_two_sets_each_heaviest_for_their_reps_are_both_records():
    book = RecordBook()
    book.add([LoggedSet(60, 8, 3), LoggedSet(65, 6, 3)])
    records = book.add([LoggedSet(70, 6, 3), LoggedSet(62.5, 8, 2)])
    assert [(r.weight, r.target) for r in records if r.kind == "weight"] == [(70, 6), (62.5, 8)]


def test_ties_and_long_or_easy_sets_are_no_records():
    history = [LoggedSet(60, 8, 2)]
    assert new_records(history, [LoggedSet(60, 8, 2)]) == []
    assert new_records(history, [LoggedSet(70, 8, 6)]) == []  # 6 in reserve
    assert new_records(history, [LoggedSet(65, 16, 0)]) == []  # 16 reps
    assert new_records(history, [LoggedSet(90, 3, 0)]) != []  # e1RM, though no rep target


def test_best_e1rm_ignores_sets_that_give_none():
    assert best_e1rm([LoggedSet(40, 20, 0), LoggedSet(60, 8, 2)]) == pytest.approx(80)
    assert best_e1rm([LoggedSet(40, 20, 0)]) is None


sets = st.lists(
    st.builds(LoggedSet, st.sampled_from([20.0, 40.0, 60.0, 62.5, 80.0]), st.integers(1, 20),
              st.one_of(st.none(), st.integers(0, 8))),
    max_size=6,
)  # fmt: skip


@given(sessions=st.lists(sets, min_size=1, max_size=5))
def test_the_book_holds_the_best_of_everything_added(sessions):
    book = RecordBook()
    for session in sessions:
        for record in book.add(session):
            if record.kind == "e1rm":
                assert record.value == pytest.approx(book.e1rm.value)
            else:
                assert record.weight == book.heaviest[record.target].weight
    everything = [s for session in sessions for s in session]
    best = best_e1rm(everything)
    assert (book.e1rm is None) == (best is None)
    if best is not None:
        assert book.e1rm.value == pytest.approx(best)


def test_a_set_without_a_reserve_counts_for_weight_records_only():
    book = RecordBook()
    book.add([LoggedSet(60, 8, 2)], MONDAY)
    records = book.add([LoggedSet(70, 8), LoggedSet(70, 8)])
    assert [(r.kind, r.weight, r.target) for r in records] == [("weight", 70, 8)]
    assert book.e1rm.weight == 60
    assert best_e1rm([LoggedSet(70, 8)]) is None
