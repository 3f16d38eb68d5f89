"""Each clinician and manager chooses for themselves whether they get the weekly digest."""

import re

import pytest

from clinic.models import StaffMembership

URL = "/admin/my-emails/"


@pytest.mark.parametrize("who", ["clinician", "manager"])
def test_a_clinician_or_manager_turns_their_own_digest_on_and_off(
    client, clinician_a, manager_a, who
):
    user = {"clinician": clinician_a, "manager": manager_a}[who]
    client.force_login(user)

    page = client.get("/admin/")
    assert f'href="{URL}"' in page.text
    response = client.post(URL, {"weekly_digest": "on"}, follow=True)

    assert "Your choice is saved." in response.text
    assert StaffMembership.objects.get(user=user).weekly_digest is True
    client.post(URL, {})
    assert StaffMembership.objects.get(user=user).weekly_digest is False


def test_the_page_shows_the_current_choice_and_what_the_digest_holds(client, clinician_a):
    StaffMembership.objects.filter(user=clinician_a).update(weekly_digest=True)
    client.force_login(clinician_a)
    response = client.get(URL)
    assert response.status_code == 200
    assert re.search(r'<input type="checkbox" name="weekly_digest"[^>]* checked', response.text)
    assert "no names, no health details" in response.text


def test_changing_ones_own_digest_changes_nobody_elses(client, clinician_a, manager_a):
    client.force_login(clinician_a)
    client.post(URL, {"weekly_digest": "on"})
    assert StaffMembership.objects.get(user=manager_a).weekly_digest is False


def test_the_front_desk_has_no_digest_to_choose(client, front_desk_a):
    client.force_login(front_desk_a)
    assert 'href="/admin/my-emails/"' not in client.get("/admin/").text
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"weekly_digest": "on"}).status_code == 403


def test_a_patient_is_refused_and_a_stranger_sent_to_sign_in(client, patient_a):
    assert client.get(URL)["Location"].startswith("/accounts/login/")
    client.force_login(patient_a.user)
    assert client.get(URL).status_code == 403
