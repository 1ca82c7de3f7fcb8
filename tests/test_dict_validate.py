"""`eventwire dict validate`: errors (exit 1) and warnings (listed with --warnings) of actor dictionaries, and the
checks of the other data-file kinds, recognised by their header."""

from eventwire.actors.validation import ERROR, WARNING, code_findings, validate_text
from eventwire.datafiles import validate_data_text

HEADER = "code\talias\tvalid_from\tvalid_to\n"


def _levels(text: str) -> list[tuple[int, str]]:
    return [(p.line, p.level) for p in validate_text(HEADER + text)]


def test_undated_default_beside_dated_roles_is_fine():
    assert _levels("USAELI\tJane Roe\t\t\nUSAGOV\tJane Roe\t2009-01-20\t2013-02-01\n") == []


def test_a_handover_day_shared_by_two_roles_is_fine():
    assert _levels("USAGOV\tJane Roe\t2009-01-20\t2013-02-01\nUSAELI\tJane Roe\t2013-02-01\t\n") == []


def test_longer_overlap_of_two_codes_is_a_warning():
    assert _levels("USAGOV\tJane Roe\t2009-01-20\t2013-02-01\nUSAELI\tJane Roe\t2012-01-01\t\n") == [(3, WARNING)]


def test_two_codes_the_lookup_cannot_choose_between_are_an_error():
    assert _levels("USAGOV\tJane Roe\t\t\nFRAGOV\tjane roe\t\t\n") == [(3, ERROR)]
    assert _levels("USAGOV\tJane Roe\t2009-01-01\t2010-01-01\nUSALEG\tJane Roe\t2009-01-01\t\n") == [(3, ERROR)]


def test_a_row_listed_twice_is_an_error_but_overlapping_periods_of_one_code_are_not():
    assert _levels("USAGOV\tJane Roe\t2009-01-01\t\nUSAGOV\tJane Roe\t2009-01-01\t\n") == [(3, ERROR)]
    assert _levels("USAGOV\tJane Roe\t2009-01-01\t\nUSAGOV\tJane Roe\t2010-01-01\t2011-01-01\n") == []


def test_codes():
    assert code_findings("USAGOV") == [] and code_findings("NATO") == [] and code_findings("UNHLH") == []
    assert code_findings("SUNGOV") == []  # ISO 3166-3: the Soviet Union
    assert code_findings("MEAREB") == []  # a CAMEO region
    assert code_findings("IGOLAMOAS") == [] and code_findings("MED") == []
    assert code_findings("GBRVGB") == []  # CAMEO: parent country + territory
    assert [level for level, _ in code_findings("AZEUNR")] == [WARNING]
    assert [level for level, _ in code_findings("UNWFP")] == [ERROR]  # read as country 'UNW', as split_code does
    assert [level for level, _ in code_findings("XXXGOV")] == [ERROR]
    assert [level for level, _ in code_findings("usagov")] == [ERROR]
    assert [level for level, _ in code_findings("USAGO")] == [ERROR]


def test_dates_and_missing_cells_are_errors():
    assert _levels("USAGOV\tJane Roe\t2009-13-01\t\nUSAGOV\t\t\t\nUSAGOV\tX\t2010-01-01\t2009-01-01\n") == [
        (2, ERROR), (3, ERROR), (4, ERROR)]


def test_cli_lists_errors_and_counts_warnings(run_cli, tmp_path):
    f = tmp_path / "d.tsv"
    f.write_text(HEADER + "USAGOV\tJane Roe\t2009-01-20\t2013-02-01\nUSAELI\tJane Roe\t2012-01-01\t\n",
                 encoding="utf-8")
    code, out, err = run_cli("dict", "validate", str(f))
    assert code == 0 and out == "" and "OK; 1 warning(s)" in err
    code, out, _ = run_cli("dict", "validate", str(f), "--warnings")
    assert code == 0 and f"{f}:3: warning: overlapping date ranges" in out
    f.write_text(HEADER + "XXXGOV\tFoo\t\t\n", encoding="utf-8")
    code, out, err = run_cli("dict", "validate", str(f))
    assert code == 1 and f"{f}:2: unknown country 'XXX'" in out and "1 problem(s)" in err


def test_other_data_files_are_checked_by_their_header():
    assert validate_data_text("threats.tsv", "cameo\tthreat\tcomment\n19\t138\tx\n") == []
    bad = validate_data_text("threats.tsv", "cameo\tthreat\tcomment\n19\t138\tx\n19\t139\ty\nabc\t138\t\n")
    assert [p.line for p in bad] == [3, 4]
    roles = validate_data_text("sectors.tsv", "word\tsector\ntroops\tMIL\nsoldier\tmil\n")
    assert [(p.line, p.level) for p in roles] == [(3, ERROR)]
    assert validate_data_text("x.tsv", "foo\tbar\n1\t2\n")[0].line == 1  # an unknown kind of file
    assert [p.line for p in validate_data_text("event_synonyms.tsv", "# c\nkill\tkill,slay\nmurder\tslay\n")] == [3]


def test_regions_and_former_countries_have_readable_names():
    from eventwire.actors.codes import describe

    assert describe("MEAREB") == "Middle East: rebels / armed group"
    assert "Soviet" in describe("SUN")
