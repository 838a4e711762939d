"""Without the sample data, no page says "Sample data." (the banner's other half is in
test_sample_data.py, whose tests all share one load)."""

from tests.pages import text


def test_without_sample_data_there_is_no_label(client):
    assert "Sample data." not in text(client.get("/"))
