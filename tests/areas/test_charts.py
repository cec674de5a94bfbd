"""The charts' shared geometry (areas.charts): the round axis values and the
scales that every app's charts use (the statistics' lines, the ledger's spending)."""

from decimal import Decimal as D

from areas.charts import Frame, nice_ticks


def test_tick_steps_are_one_two_or_five_times_a_power_of_ten():
    assert nice_ticks([D(12365), D(13307)]) == (
        [D(12250), D(12500), D(12750), D(13000), D(13250), D(13500)], 0)
    assert nice_ticks([D("0.12"), D("0.19")]) == (
        [D("0.12"), D("0.14"), D("0.16"), D("0.18"), D("0.20")], 2)
    assert nice_ticks([D(50), D(50)]) == ([D(49), D("49.5"), D(50), D("50.5"), D(51)], 1)


def test_whole_numbers_get_no_decimals_on_their_axis():
    assert nice_ticks([D(30), D(40)]) == ([D(30), D(35), D(40)], 0)


def test_a_positive_series_far_from_zero_on_one_end_starts_at_zero():
    ticks, _places = nice_ticks([D(20), D(90)])
    assert ticks[0] == 0 and ticks[-1] == 100


def test_a_frame_puts_low_values_at_the_bottom_and_high_values_at_the_top():
    frame = Frame(width=100, height=60, left=10, right=10, top=5, bottom=15)
    y, x = frame.y_scale(D(0), D(10)), frame.x_scale(2020, 2024)
    assert (y(D(0)), y(D(10)), y(D(5))) == (45.0, 5.0, 25.0)
    assert (x(2020), x(2024), x(2022)) == (10.0, 90.0, 50.0)
