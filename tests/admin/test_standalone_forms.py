"""The invitation and acknowledge buttons post forms of their own, placed after the change
form: a browser ignores a <form> nested in another, and the button would do nothing (the
test client never sees that; tests/e2e does, in a browser)."""

import re

FORM_TAG = re.compile(r"<form\b[^>]*>|</form>")


def forms_nested_in_others(html):
    """The ids of <form> elements opened while another form is still open."""
    nested, depth = [], 0
    for tag in FORM_TAG.finditer(html):
        if tag[0] == "</form>":
            depth -= 1
            continue
        if depth:
            form_id = re.search(r'id="([^"]*)"', tag[0])
            nested.append(form_id[1] if form_id else tag[0])
        depth += 1
    return nested


def test_the_send_invitation_form_stands_alone(client, clinician_a, patient_a):
    client.force_login(clinician_a)
    html = client.get(f"/admin/patients/patient/{patient_a.pk}/change/").text
    assert 'id="send-invitation"' in html
    assert 'form="send-invitation"' in html
    assert forms_nested_in_others(html) == []


def test_the_acknowledge_form_stands_alone(client, clinician_a, records_a):
    client.force_login(clinician_a)
    html = client.get(f"/admin/patients/alert/{records_a['alert'].pk}/change/").text
    assert 'id="acknowledge-alert"' in html
    assert 'form="acknowledge-alert"' in html
    assert forms_nested_in_others(html) == []
