"""Before/after arithmetic: equal windows, the call-in month left out."""

from datetime import date
from fractions import Fraction

from portal.choices import FigureArea, FigureSeries
from portal.figures.months import add_months
from portal.figures.sentences import call_in_sentence, trend_sentence
from portal.figures.summary import compare_around_call_in, compare_recent

START = date(2024, 1, 1)


def monthly(counts, start=START):
    return {add_months(start, i): c for i, c in enumerate(counts) if c is not None}


def test_windows_are_twelve_months_each_side_excluding_call_in_month():
    # 24 months before the call-in (Jan 2026), the call-in month, 12 after.
    counts = monthly([99] * 12 + [10] * 12 + [1000] + [5] * 12)
    result = compare_around_call_in(counts, date(2026, 1, 20))
    assert result.months == 12
    assert result.before_start == date(2025, 1, 1)
    assert result.after_start == date(2026, 2, 1)
    assert (result.before_total, result.after_total) == (120, 60)
    assert result.before_average == 10
    assert result.after_average == 5
    assert result.percent_change == -50


def test_short_history_after_call_in_shrinks_both_windows_to_match():
    # Call-in March 2025; figures run to June 2025: three months after.
    counts = monthly(list(range(1, 19)))  # Jan 2024 = 1 ... Jun 2025 = 18
    result = compare_around_call_in(counts, date(2025, 3, 3))
    assert result.months == 3
    assert result.before_start == date(2024, 12, 1)
    assert result.before_total == 12 + 13 + 14  # Dec, Jan, Feb
    assert result.after_total == 16 + 17 + 18  # Apr, May, Jun
    assert result.percent_change == Fraction(51 - 39, 39) * 100


def test_short_history_before_call_in_shrinks_both_windows_to_match():
    counts = monthly([4, 4, 100] + [8] * 20)  # call-in is the 3rd month
    result = compare_around_call_in(counts, date(2024, 3, 31))
    assert result.months == 2
    assert (result.before_total, result.after_total) == (8, 16)


def test_missing_month_inside_a_window_is_not_counted_as_zero():
    counts = monthly([6, None, 6, 50, 3, 3, 3])
    result = compare_around_call_in(counts, date(2024, 4, 1))
    assert result.months == 3
    assert result.before_months_with_data == 2
    assert result.before_average == 6
    assert result.after_average == 3


def test_zero_before_cannot_be_compared():
    counts = monthly([0] * 12 + [7] + [4] * 12)
    result = compare_around_call_in(counts, date(2025, 1, 1))
    assert result.before_total == 0
    assert not result.comparable
    sentence = call_in_sentence(FigureSeries.DRUG_OFFENSES, FigureArea.MARKET, result)
    assert "too few drug offenses to compare" in sentence
    assert "fewer than 3" in sentence


def test_window_total_below_three_is_too_few_but_three_is_enough():
    too_few = compare_around_call_in(monthly([1, 1, 0, 9, 2, 2, 2]), date(2024, 4, 1))
    assert too_few.before_total == 2
    assert not too_few.comparable
    enough = compare_around_call_in(monthly([1, 1, 1, 9, 1, 1, 1]), date(2024, 4, 1))
    assert (enough.before_total, enough.after_total) == (3, 3)
    assert enough.comparable


def test_no_month_after_call_in_means_nothing_to_compare():
    result = compare_around_call_in(monthly([5] * 12), date(2024, 12, 5))
    assert result.months == 0
    sentence = call_in_sentence(FigureSeries.VIOLENT_CRIME, FigureArea.CITY, result)
    assert sentence.startswith("Across the whole city, there are not yet figures")


def test_sentence_states_averages_windows_and_change_in_plain_words():
    # 148 before (12.33 a month), 61 after (5.08 a month): down 58.8%.
    before = [12] * 11 + [16]
    after = [5] * 11 + [6]
    counts = monthly(before + [30] + after)
    result = compare_around_call_in(counts, date(2025, 1, 15))
    assert (result.before_total, result.after_total) == (148, 61)
    assert call_in_sentence(FigureSeries.DRUG_OFFENSES, FigureArea.MARKET, result) == (
        "In the market area, drug offenses averaged 12.3 a month in the 12 months "
        "before the call-in and 5.1 in the 12 months after: down 59%."
    )


def test_percent_rounds_half_away_from_zero():
    result = compare_around_call_in(monthly([8, 0, 3]), date(2024, 2, 1))
    assert result.percent_change == Fraction(-125, 2)
    sentence = call_in_sentence(FigureSeries.VIOLENT_CRIME, FigureArea.BUFFER, result)
    assert sentence.endswith("in the month after: down 63%.")


def test_increase_and_no_change_are_worded():
    up = compare_around_call_in(monthly([10, 0, 12]), date(2024, 2, 1))
    same = compare_around_call_in(monthly([1000, 0, 1004]), date(2024, 2, 1))
    series, area = FigureSeries.PROPERTY_CRIME, FigureArea.MARKET
    assert call_in_sentence(series, area, up).endswith("up 20%.")
    assert call_in_sentence(series, area, same).endswith("about the same.")


def test_without_call_in_latest_months_are_compared_with_those_before():
    counts = monthly([20] * 24 + [10] * 12)  # 36 months
    result = compare_recent(counts)
    assert result.months == 12
    assert result.after_start == date(2026, 1, 1)
    assert (result.before_total, result.after_total) == (240, 120)
    sentence = trend_sentence(FigureSeries.DRUG_OFFENSES, FigureArea.MARKET, result)
    assert sentence == (
        "In the market area, drug offenses averaged 10.0 a month in the latest 12 "
        "months and 20.0 in the 12 months before: down 50%."
    )


def test_trend_with_short_history_uses_half_of_it():
    result = compare_recent(monthly([3, 4, 5, 6, 7]))
    assert result.months == 2
    assert (result.before_total, result.after_total) == (9, 13)


def test_trend_with_one_month_or_none_is_not_described():
    for counts in ({}, monthly([40])):
        result = compare_recent(counts)
        assert result.months == 0
        sentence = trend_sentence(FigureSeries.DRUG_OFFENSES, FigureArea.MARKET, result)
        assert "not yet enough months" in sentence


def test_trend_with_small_totals_is_too_few():
    result = compare_recent(monthly([1, 0, 0, 1]))
    sentence = trend_sentence(FigureSeries.DRUG_OFFENSES, FigureArea.BUFFER, result)
    assert "too few drug offenses to describe a trend" in sentence
