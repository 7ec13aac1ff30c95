"""The e1RM trend's flat band (coaching/adherence.py)."""

from coaching.adherence import Trend, e1rm_trend
from coaching.loads import rir_adjusted_1rm


def test_one_rep_of_misjudged_reserve_reads_flat_and_more_reads_as_a_change():
    at_block = rir_adjusted_1rm(60, 8, 2)  # 2x8 at 2 in reserve
    one_more = rir_adjusted_1rm(60, 8, 3)  # the same set judged a rep easier: +3.8 %
    assert e1rm_trend([at_block, one_more]) is Trend.FLAT
    assert e1rm_trend([one_more, at_block]) is Trend.FLAT
    assert e1rm_trend([at_block, one_more * 1.01]) is Trend.UP
    assert e1rm_trend([one_more, at_block * 0.99]) is Trend.DOWN
