"""manage.py import_neighborhood_figures: every line checked, all or nothing."""

from datetime import date
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import CommandError, call_command

from portal import page_cache
from portal.models import NeighborhoodFigure
from tests import factories

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"
HEADER = "neighborhood,month,series,area,count\n"


@pytest.fixture
def pages(neighborhood_index, neighborhood):
    westgate = factories.neighborhood(neighborhood_index, title="Westgate")
    return {"eastgate": neighborhood, "westgate": westgate}


@pytest.fixture
def existing(pages):
    """One row already saved, to prove a rejected file changes nothing."""
    (figure,) = factories.figures(pages["eastgate"], [9])  # 2024-01 market
    return figure


def run_import(path):
    from io import StringIO

    out = StringIO()
    call_command("import_neighborhood_figures", str(path), stdout=out)
    return out.getvalue()


def write(tmp_path, text, *, encoding="utf-8"):
    path = tmp_path / "figures.csv"
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def assert_nothing_changed(existing):
    assert list(NeighborhoodFigure.objects.values_list("pk", "count")) == [
        (existing.pk, 9)
    ]


def test_good_file_creates_and_updates_rows_and_reports_both(pages, existing):
    output = run_import(DATA / "figures_good.csv")
    assert "5 created, 1 updated, 0 unchanged" in output
    assert NeighborhoodFigure.objects.count() == 6
    existing.refresh_from_db()
    assert existing.count == 14
    suppressed = NeighborhoodFigure.objects.get(
        neighborhood=pages["eastgate"], month=date(2024, 2, 1), series="drug_offenses"
    )
    assert suppressed.count == 2  # stored as is; suppressed only when shown


def test_importing_the_same_file_twice_changes_nothing(pages):
    run_import(DATA / "figures_good.csv")
    output = run_import(DATA / "figures_good.csv")
    assert "0 created, 0 updated, 6 unchanged" in output


def test_bad_file_lists_every_bad_line_and_saves_nothing(pages, existing):
    with pytest.raises(CommandError) as error:
        run_import(DATA / "figures_bad_lines.csv")
    message = str(error.value)
    assert "Nothing was imported" in message
    assert "line 2:" not in message  # the first of its key, and valid
    for expected in [
        "line 3: unknown neighborhood 'nowhere'",
        "line 4: bad month '2024-13' (expected YYYY-MM)",
        "line 5: unknown series 'burglaries'",
        "line 6: unknown area 'county'",
        "line 7: count '-1' is not a non-negative whole number",
        "line 8: duplicate of line 2",
        "line 9: missing columns: expected 5, found 4",
        "line 10: extra columns: expected 5, found 6",
    ]:
        assert expected in message
    assert error.value.returncode == 1
    assert_nothing_changed(existing)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("gone,2024-01,drug_offenses,market,3", "unknown neighborhood 'gone'"),
        ("eastgate,2024-1,drug_offenses,market,3", "bad month '2024-1'"),
        ("eastgate,Jan 2024,drug_offenses,market,3", "bad month 'Jan 2024'"),
        ("eastgate,2099-01,drug_offenses,market,3", "month 2099-01 is in the future"),
        ("eastgate,2024-01,Drug offenses,market,3", "unknown series 'Drug offenses'"),
        ("eastgate,2024-01,drug_offenses,Market,3", "unknown area 'Market'"),
        ("eastgate,2024-01,drug_offenses,market,", "count '' is not a non-negative"),
        ("eastgate,2024-01,drug_offenses,market,2.5", "count '2.5' is not a non-neg"),
        ("eastgate,2024-01,drug_offenses,market,three", "count 'three' is not a non"),
        ("eastgate,2024-01,drug_offenses,market,-3", "count '-3' is not a non-neg"),
        ("eastgate,2024-01,drug_offenses,market,9999999999", "count '9999999999'"),
        ("eastgate,2024-01,drug_offenses,market", "missing columns"),
        ("eastgate,2024-01,drug_offenses,market,3,4", "extra columns"),
    ],
)
def test_each_kind_of_bad_line_is_named_and_nothing_is_saved(
    tmp_path, existing, line, reason
):
    good = "eastgate,2024-02,drug_offenses,market,5\n"
    path = write(tmp_path, HEADER + good + line + "\n")
    with pytest.raises(CommandError, match=f"line 3: {reason}"):
        run_import(path)
    assert_nothing_changed(existing)


def test_duplicate_line_names_the_earlier_line(tmp_path, existing):
    line = "eastgate,2024-03,drug_offenses,market,5\n"
    path = write(tmp_path, HEADER + line + line)
    with pytest.raises(CommandError, match="line 3: duplicate of line 2"):
        run_import(path)
    assert_nothing_changed(existing)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("", "the file is empty"),
        ("\n\n", "the file is empty"),
        ("eastgate,2024-01,drug_offenses,market,3\n", "line 1: missing header"),
        ("neighborhood,month,series,count\n", "line 1: missing header"),
        (HEADER, "the file has a header but no figures"),
        (
            HEADER.encode()
            + b"eastgate,2024-01,drug_offenses,market,3\n"
            + "caf\xe9,2024-01,drug_offenses,market,3\n".encode("latin-1"),
            "line 3: not UTF-8 text",
        ),
    ],
)
def test_unreadable_files_are_rejected_whole(tmp_path, existing, content, reason):
    with pytest.raises(CommandError, match=reason):
        run_import(write(tmp_path, content))
    assert_nothing_changed(existing)


def test_header_may_carry_a_byte_order_mark(tmp_path, pages):
    path = write(
        tmp_path, "\ufeff" + HEADER + "eastgate,2024-01,drug_offenses,city,3\n"
    )
    assert "1 created" in run_import(path)


def test_missing_file_is_a_clear_error(tmp_path, existing):
    with pytest.raises(CommandError, match="Cannot read"):
        run_import(tmp_path / "absent.csv")


def test_failure_halfway_through_saving_loses_nothing(pages, existing):
    with (
        mock.patch.object(
            NeighborhoodFigure.objects, "bulk_update", side_effect=RuntimeError
        ),
        pytest.raises(RuntimeError),
    ):
        run_import(DATA / "figures_good.csv")  # creates run, then updates fail
    assert_nothing_changed(existing)


def test_import_clears_the_page_cache_so_the_page_shows_new_figures(
    client, pages, existing, tmp_path
):
    eastgate = pages["eastgate"]
    client.get(eastgate.url)  # the first visit creates the site settings row
    first = client.get(eastgate.url)
    assert '<td class="dmi-fig__count">9</td>' in first.content.decode()
    assert client.get(eastgate.url)["X-Page-Cache"] == "hit"
    generation = page_cache.current_generation()
    run_import(write(tmp_path, HEADER + "eastgate,2024-01,drug_offenses,market,27\n"))
    assert page_cache.current_generation() > generation
    after = client.get(eastgate.url)
    assert '<td class="dmi-fig__count">27</td>' in after.content.decode()


def test_rejected_import_leaves_the_cache_alone(tmp_path, existing):
    generation = page_cache.current_generation()
    with pytest.raises(CommandError):
        run_import(write(tmp_path, HEADER + "gone,2024-01,drug_offenses,market,3\n"))
    assert page_cache.current_generation() == generation
