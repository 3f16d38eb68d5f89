from django.contrib.auth.models import Group

from clinic.roles import GROUP_NAMES


def test_a_patient_is_refused_the_admin(client, patient_a):
    client.force_login(patient_a.user)
    assert client.get("/admin/").status_code == 403
    assert client.get("/admin/clinic/clinic/").status_code == 403


def test_clinic_staff_reach_the_admin(client, front_desk_a):
    client.force_login(front_desk_a)
    assert client.get("/admin/").status_code == 200


def test_a_staff_flag_without_a_clinic_does_not_open_the_admin(client, patient_a):
    patient_a.user.is_staff = True
    patient_a.user.save()
    client.force_login(patient_a.user)
    assert client.get("/admin/").status_code == 403


def test_anonymous_visitors_to_the_admin_are_sent_to_the_portal_sign_in(client, db):
    response = client.get("/admin/login/?next=/admin/clinic/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/clinic/"


def test_a_manager_sees_only_their_own_clinic(client, manager_a, clinic_b):
    client.force_login(manager_a)
    response = client.get("/admin/clinic/clinic/")
    assert "Clinic A" in response.text
    assert "Clinic B" not in response.text
    assert client.get(f"/admin/clinic/clinic/{clinic_b.pk}/change/").status_code == 302


def test_each_staff_role_sits_in_exactly_one_group(clinician_a, front_desk_a, manager_a):
    assert [g.name for g in clinician_a.groups.all()] == [GROUP_NAMES["clinician"]]
    assert [g.name for g in front_desk_a.groups.all()] == [GROUP_NAMES["front_desk"]]
    assert [g.name for g in manager_a.groups.all()] == [GROUP_NAMES["manager"]]


def group_permissions(name):
    group = Group.objects.get(name=name)
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


def test_role_groups_come_from_migrations_with_the_right_clinic_permissions(db):
    clinic_perms = {
        name: {p for p in group_permissions(name) if p.startswith("clinic.")}
        for name in GROUP_NAMES.values()
    }
    assert clinic_perms == {
        "Clinician": {"clinic.view_clinic"},
        "Front desk": {"clinic.view_clinic"},
        "Clinic manager": {
            "clinic.view_clinic",
            "clinic.change_clinic",
            "clinic.view_staffmembership",
            "clinic.add_staffmembership",
            "clinic.change_staffmembership",
            "clinic.delete_staffmembership",
        },
    }
