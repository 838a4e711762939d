"""The public pages render, and staff can log in and out."""

from tests.factories import login, make_rec


def test_public_pages_render(client):
    make_rec()
    for path in [
        "/",
        "/about",
        "/recommendations",
        "/recommendations/R-01",
        "/status-definitions",
        "/contact",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "call 9-1-1" in response.get_data(as_text=True), path


def test_login_and_logout(client, users):
    login(client, users["member"])
    assert client.get("/staff/").status_code == 200
    assert client.post("/logout").status_code == 302
    assert client.get("/staff/").status_code == 302
