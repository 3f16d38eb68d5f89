import pytest

from tests.routes import PUBLIC, kind_of, walk

ALL_ROUTES = sorted(set(walk()))


def test_every_route_is_classified():
    unclassified = [name for name, _path in ALL_ROUTES if kind_of(name) is None]
    assert unclassified == [], "Add these routes to tests/routes.py ROUTES"


@pytest.mark.parametrize(("name", "path"), [(n, p) for n, p in ALL_ROUTES if kind_of(n) != PUBLIC])
def test_anonymous_visitors_are_sent_to_sign_in(client, db, name, path):
    response = client.get(path)
    assert response.status_code == 302, name
    assert response["Location"].startswith("/accounts/login/?next="), name
