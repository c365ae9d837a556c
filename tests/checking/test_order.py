"""The share of a document's strings an extraction holds verbatim, and in order."""

from resumekit.checking.order import flat, recovery


def test_all_strings_in_order_are_all_recovered_and_in_order():
    got = recovery("Jane Doe\nAnalyst\n  Acme   Corp\n", ["Jane Doe", "Analyst", "Acme Corp"])
    assert (got.recovered, got.in_order, got.missing, got.out_of_order) == (3, 3, (), ())
    assert got.in_order_share == 1.0


def test_a_string_read_after_the_next_one_is_out_of_order_not_missing():
    got = recovery("Acme Corp 2020 – 2023 Columbus, OH", ["Acme Corp", "Columbus, OH", "2020 – 2023"])
    assert got.recovered == 3 and got.in_order == 2
    assert len(got.out_of_order) == 1 and got.missing == ()


def test_a_string_split_by_a_hyphen_at_a_line_end_is_missing():
    got = recovery("a 30-\nday model", ["a 30-day model"])
    assert got.missing == ("a 30-day model",)


def test_a_short_string_that_also_stands_later_does_not_break_the_chain():
    text = "Columbus, OH Acme Columbus, OH Globex Columbus, OH"
    got = recovery(text, ["Acme", "Columbus, OH", "Globex", "Columbus, OH"])
    assert got.in_order == 4


def test_white_space_and_soft_hyphens_do_not_count():
    assert flat(" a\u00ad b\n\tc ") == "a b c"
