"""The public accessibility statement (/accessibility/), linked from every page's footer."""


def test_anyone_can_read_it_without_signing_in(client, db):
    response = client.get("/accessibility/")
    assert response.status_code == 200
    assert "WCAG) 2.2</a> at level AA" in response.text
    assert "axe-core" in response.text
    assert "Known limitations" in response.text


def test_it_says_where_to_report_a_barrier(client, db, settings):
    settings.ACCESSIBILITY_EMAIL = "access@clinic.example"
    response = client.get("/accessibility/")
    assert '<a href="mailto:access@clinic.example">access@clinic.example</a>' in response.text
    assert "Or tell your clinic" in response.text


def test_a_signed_in_patient_is_given_their_own_clinic_s_phone(client, patient_a, clinic_a):
    client.force_login(patient_a.user)
    response = client.get("/accessibility/")
    assert response.status_code == 200
    assert f"Or call Clinic A at {clinic_a.phone}." in response.text


def test_it_is_linked_from_the_footer_of_the_sign_in_page(client, db):
    response = client.get("/accounts/login/")
    assert '<a href="/accessibility/">Accessibility</a>' in response.text


def test_the_footer_link_is_on_patient_pages_too(client, patient_a):
    client.force_login(patient_a.user)
    assert '<a href="/accessibility/">Accessibility</a>' in client.get("/").text


def test_it_only_answers_get(client, db):
    assert client.post("/accessibility/").status_code == 405
