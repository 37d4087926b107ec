"""Counts below 3 never appear as their value on anything public."""

import pytest

from portal.figures.suppression import (
    chartable_count,
    is_suppressed,
    public_count,
)


@pytest.mark.parametrize("count", [0, 1, 2])
def test_counts_below_three_are_suppressed(count):
    assert is_suppressed(count)
    assert public_count(count) == "fewer than 3"
    assert chartable_count(count) is None


@pytest.mark.parametrize("count", [3, 4, 250])
def test_counts_of_three_or_more_are_shown(count):
    assert not is_suppressed(count)
    assert public_count(count) == str(count)
    assert chartable_count(count) == count


def test_unknown_count_is_neither_suppressed_nor_shown():
    assert not is_suppressed(None)
    assert public_count(None) == ""
    assert chartable_count(None) is None


def test_large_counts_are_grouped_for_reading():
    assert public_count(12345) == "12,345"
