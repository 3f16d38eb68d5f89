import pytest

from tests.education.conftest import make_condition

CHANGELIST = "/admin/education/condition/"
# session, user, user and group permissions, filtered and total counts, the page of conditions
CHANGELIST_QUERIES = 8


@pytest.fixture
def conditions(empty_library):
    make_condition("pfps", name="Patellofemoral pain", where_it_hurts="Behind the kneecap.")
    make_condition("itbs", name="IT band syndrome", where_it_hurts="Outer side of the knee.")


def test_search_by_name_or_where_it_hurts(client, clinician_a, conditions):
    client.force_login(clinician_a)
    for term, expected in [("band", ["itbs"]), ("kneecap", ["pfps"])]:
        response = client.get(CHANGELIST, {"q": term})
        assert [c.slug for c in response.context["cl"].result_list] == expected


def test_front_desk_cannot_add(client, front_desk_a, conditions):
    client.force_login(front_desk_a)
    assert client.get(CHANGELIST).status_code == 200
    assert client.get(f"{CHANGELIST}add/").status_code == 403


def test_the_changelist_query_count_does_not_grow(
    client, clinician_a, conditions, django_assert_num_queries
):
    client.force_login(clinician_a)
    with django_assert_num_queries(CHANGELIST_QUERIES):
        assert client.get(CHANGELIST).status_code == 200
    for n in range(30):
        make_condition(f"more-{n}")
    with django_assert_num_queries(CHANGELIST_QUERIES):
        response = client.get(CHANGELIST)
    assert len(response.context["cl"].result_list) == 32
