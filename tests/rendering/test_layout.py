"""Layout both renderers share: the contact line cut into even rows, contact kinds named as people write them."""

from __future__ import annotations

import pytest

from resumekit.documents import Link
from resumekit.rendering.layout import contact_rows, kind_name


def test_many_contact_links_are_laid_out_at_once():
    links = [Link(f"profile-{i}", None, "website") for i in range(40)]
    rows = contact_rows(links)
    assert [link for row in rows for link in row] == links


def links(*texts: str) -> list[Link]:
    return [Link(text) for text in texts]


def test_no_contacts_make_no_rows():
    assert contact_rows([]) == []


def test_contacts_that_fit_stay_on_one_line():
    short = links("Springfield, IL", "jane@example.com", "+1 555-0100")
    assert contact_rows(short) == [tuple(short)]


def test_contacts_that_do_not_fit_are_cut_into_even_rows_in_order():
    long = links(*(f"contact-number-{i}-" + "x" * 14 for i in range(4)))  # 34 characters each, with its icon
    rows = contact_rows(long, budget=96)
    assert rows == [tuple(long[:2]), tuple(long[2:])]


def test_a_contact_longer_than_the_line_gets_a_row_of_its_own():
    wide = links("https://example.com/" + "a" * 120, "jane@example.com")
    assert contact_rows(wide, budget=96) == [(wide[0],), (wide[1],)]


@pytest.mark.parametrize("kind, name", [("linkedin", "LinkedIn"), ("GitHub", "GitHub"), ("orcid", "ORCID"),
                                        ("email", "Email"), ("mastodon", "Mastodon")])
def test_a_contact_kind_is_named_as_people_write_it(kind, name):
    assert kind_name(kind) == name
