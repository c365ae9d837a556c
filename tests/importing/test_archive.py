"""An export's tables read from its ZIP (or folder) as LinkedIn writes them, and hostile
archives refused with their place, or passed over, without a file written."""

from __future__ import annotations

import os
import zipfile

import pytest

from resumekit.errors import ProfileError
from resumekit.importing import archive
from resumekit.importing.archive import read_export

from ..helpers import snapshot
from ..importing_fixtures import LINKEDIN, linkedin_zip

WANTED = ("Profile.csv", "Positions.csv", "Email Addresses.csv", "Skills.csv")


def test_the_tables_are_read_with_their_columns_and_lines(tmp_path):
    export = read_export(linkedin_zip(tmp_path / "export.zip"), WANTED)
    assert set(export.tables) == set(WANTED)
    positions = export.tables["Positions.csv"]
    assert positions.header == ("Company Name", "Title", "Description", "Location", "Started On", "Finished On")
    assert [line for line, _ in positions.rows] == [2, 6, 7]  # the first row's description spans four lines
    first = positions.rows[0][1]
    assert first["Company Name"] == "Northwind Freight"
    assert first["Description"].count("\n") == 3 and "4,000 SKUs" in first["Description"]
    assert export.tables["Profile.csv"].header[0] == "First Name"  # the BOM is not part of the name
    assert export.others == len(LINKEDIN) - len(WANTED)


def test_a_table_in_a_folder_of_the_archive_is_found(tmp_path):
    export = read_export(linkedin_zip(tmp_path / "e.zip", folder="Basic_LinkedInDataExport_12-01-2026/"), WANTED)
    assert export.tables["Positions.csv"].name.endswith("e.zip/Basic_LinkedInDataExport_12-01-2026/Positions.csv")


def test_the_folder_an_export_unzips_to_is_read_as_the_archive(tmp_path):
    folder = tmp_path / "Basic_LinkedInDataExport"
    folder.mkdir()
    for name, text in LINKEDIN.items():
        (folder / name).write_text(text, encoding="utf-8", newline="")
    from_folder = read_export(folder, WANTED)
    from_zip = read_export(linkedin_zip(tmp_path / "e.zip"), WANTED)
    assert {n: t.rows for n, t in from_folder.tables.items()} == {n: t.rows for n, t in from_zip.tables.items()}


def test_a_missing_table_is_simply_not_there(tmp_path):
    export = read_export(linkedin_zip(tmp_path / "e.zip", {"Positions.csv": LINKEDIN["Positions.csv"]}), WANTED)
    assert set(export.tables) == {"Positions.csv"}


def test_linkedins_notes_preamble_is_passed_over(tmp_path):
    path = linkedin_zip(tmp_path / "e.zip", {"Skills.csv": LINKEDIN["Connections.csv"]})
    table = read_export(path, ["Skills.csv"]).tables["Skills.csv"]
    assert table.header[:2] == ("First Name", "Last Name") and table.rows[0][1]["First Name"] == "Tom"


def test_a_file_named_with_underscores_or_capitals_is_found(tmp_path):
    path = linkedin_zip(tmp_path / "e.zip", {"EMAIL_ADDRESSES.CSV": LINKEDIN["Email Addresses.csv"]})
    assert "Email Addresses.csv" in read_export(path, WANTED).tables


def test_utf16_with_a_bom_is_read(tmp_path):
    path = linkedin_zip(tmp_path / "e.zip", {"Skills.csv": "Name\r\nÉtude de marché\r\n".encode("utf-16")})
    assert read_export(path, ["Skills.csv"]).tables["Skills.csv"].rows[0][1]["Name"] == "Étude de marché"


def test_a_file_that_is_not_a_zip_is_refused_by_name(tmp_path):
    path = tmp_path / "export.zip"
    path.write_text("First Name,Last Name\nA,B\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="not a ZIP archive") as caught:
        read_export(path, WANTED)
    assert caught.value.problems[0].file == str(path)


def test_a_truncated_zip_is_refused(tmp_path):
    whole = linkedin_zip(tmp_path / "whole.zip").read_bytes()
    path = tmp_path / "cut.zip"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ProfileError, match="ZIP"):
        read_export(path, WANTED)


def test_a_damaged_member_is_refused_by_name(tmp_path):
    path = linkedin_zip(tmp_path / "e.zip", {"Positions.csv": LINKEDIN["Positions.csv"] * 20})
    data = bytearray(path.read_bytes())
    start = data.index(b"Positions.csv") + len("Positions.csv")
    for i in range(start + 10, start + 60):
        data[i] ^= 0xFF  # the compressed bytes, not the headers
    path.write_bytes(bytes(data))
    with pytest.raises(ProfileError, match="cannot be read from the archive") as caught:
        read_export(path, WANTED)
    assert caught.value.problems[0].file.endswith("e.zip/Positions.csv")


def test_a_missing_export_and_a_fifo_are_refused(tmp_path):
    with pytest.raises(ProfileError, match="not found"):
        read_export(tmp_path / "nope.zip", WANTED)
    fifo = tmp_path / "pipe.zip"
    os.mkfifo(fifo)
    with pytest.raises(ProfileError):
        read_export(fifo, WANTED)


def test_a_table_that_is_not_utf8_is_refused_at_its_line_and_column(tmp_path):
    path = linkedin_zip(tmp_path / "e.zip", {"Skills.csv": "Name\r\nPython\r\nGestion de la qualit\xe9\r\n"
                                             .encode("cp1252")})
    with pytest.raises(ProfileError, match="not UTF-8") as caught:
        read_export(path, ["Skills.csv"])
    problem = caught.value.problems[0]
    assert (problem.file, problem.line, problem.column) == (f"{path}/Skills.csv", 3, 21)


def test_garbage_bytes_are_refused_not_read_as_a_table(tmp_path):
    path = linkedin_zip(tmp_path / "e.zip", {"Positions.csv": bytes(range(256)) * 4})
    with pytest.raises(ProfileError) as caught:
        read_export(path, ["Positions.csv"])
    assert caught.value.problems[0].file.endswith("Positions.csv")


def test_a_huge_cell_is_refused_with_its_line(tmp_path):
    path = linkedin_zip(tmp_path / "e.zip", {"Positions.csv": "Company Name,Description\nAcme,\"" + "word " * 40_000
                                             + "\"\n"})
    with pytest.raises(ProfileError, match="not a CSV table") as caught:
        read_export(path, ["Positions.csv"])
    assert caught.value.problems[0].line == 2


def test_a_table_over_the_cap_is_refused_whatever_its_header_says(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_MEMBER_BYTES", 1000)
    path = linkedin_zip(tmp_path / "e.zip", {"Skills.csv": "Name\n" + "Python\n" * 1000})
    with pytest.raises(ProfileError, match="larger than"):
        read_export(path, ["Skills.csv"])


@pytest.mark.parametrize("name", ["../../Positions.csv", "/etc/Positions.csv", "a/../../Positions.csv",
                                  "..\\..\\Positions.csv", "C:/Positions.csv"])
def test_a_member_whose_name_leads_out_is_skipped_and_nothing_is_written(tmp_path, name):
    inside = tmp_path / "deep" / "er"
    inside.mkdir(parents=True)
    path = linkedin_zip(inside / "e.zip", {name: LINKEDIN["Positions.csv"], "Skills.csv": "Name\nSQL\n"})
    before = snapshot(tmp_path)
    export = read_export(path, WANTED)
    assert "Positions.csv" not in export.tables and "Skills.csv" in export.tables
    assert len(export.skipped) == 1 and "leads out" in export.skipped[0]
    assert snapshot(tmp_path) == before


def test_an_encrypted_member_is_refused(tmp_path):
    path = tmp_path / "e.zip"
    linkedin_zip(path, {"Skills.csv": "Name\nSQL\n"})
    data = bytearray(path.read_bytes())
    for header in (b"PK\x03\x04", b"PK\x01\x02"):  # set the 'encrypted' flag in both headers
        at = data.index(header)
        flag = at + (6 if header == b"PK\x03\x04" else 8)
        data[flag] |= 0x01
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as check:
        assert check.infolist()[0].flag_bits & 0x1
    with pytest.raises(ProfileError, match="cannot be read from the archive"):
        read_export(path, ["Skills.csv"])


def test_rows_with_more_cells_than_columns_are_kept_and_marked(tmp_path):
    path = linkedin_zip(tmp_path / "e.zip", {"Skills.csv": "Name\nSQL\nPython,extra\n\n\nR\n"})
    table = read_export(path, ["Skills.csv"]).tables["Skills.csv"]
    assert [row["Name"] for _, row in table.rows] == ["SQL", "Python", "R"]
    assert table.ragged == (3,)


def test_a_quoted_cell_never_closed_is_refused_at_the_line_it_opens(tmp_path):
    # Without a closing quote the reader would take every later row as one cell: four
    # positions would import as one, and nothing would say so.
    path = linkedin_zip(tmp_path / "e.zip", {"Positions.csv": "Company Name,Title\r\nGlobex,Analyst\r\n"
                                             "\"Initech,Developer\r\nHooli,Engineer\r\nAcme,Lead\r\n"})
    with pytest.raises(ProfileError, match="never closed") as caught:
        read_export(path, ["Positions.csv"])
    problem = caught.value.problems[0]
    assert (problem.file, problem.line) == (f"{path}/Positions.csv", 3)
