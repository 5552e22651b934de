"""Short wordings shown by the app and the command line: documents by year, dates worked out, hits shown."""

from types import SimpleNamespace

from qualitytui.core.wording import by_year, first_shown, in_documents, resolved


def test_documents_by_year_as_a_line_of_bars():
    # (eighths of the busiest year, rounded up: 2/14 → ▂, 9/14 → ▆, 1/14 → ▁; 1/3 → ▃)
    assert by_year({2021: 2, 2023: 14, 2024: 9, 2025: 1}, 2) == "2021 ▂ █▆▁ 2025 · most in 2023 (14) · 2 undated"
    assert by_year({2022: 1, 2023: 1}) == "2022 ██ 2023"  # no year stands out: each as high as the busiest
    assert by_year({2022: 3, 2023: 1, 2024: 3}) == "2022 █▃█ 2024 · most in 2022, 2024 (3)"
    assert by_year({2022: 1, 2023: 2}) == "2022 ▄█ 2023 · most in 2023 (2)"  # half as high, not the lowest bar
    assert by_year({2023: 3}) == "2023 (3)" and by_year({}, 3) == "3 undated" and by_year({}) == ""
    assert by_year({1990: 1, 2023: 5, 2024: 2, 2025: 5}) == "most in 2023 (5), 2025 (5), 2024 (2)"  # too long a line


def test_a_dated_item_with_what_it_was_read_as():
    assert resolved({"date_text": "去年底", "start": "2022-12", "end": None}) == "去年底→2022-12"
    assert resolved({"date_text": "今后三年", "start": "2025", "end": "2027"}) == "今后三年→2025–2027"


def test_which_hits_are_shown():
    assert first_shown(20, "best") == "the best 20" and first_shown(3, "newest") == "the newest 3"


def test_how_many_documents_a_search_found_passages_in():
    assert in_documents(SimpleNamespace(documents=5)) == " in 5 documents"
    assert in_documents(SimpleNamespace(documents=1)) == "" and in_documents(SimpleNamespace(documents=0)) == ""
