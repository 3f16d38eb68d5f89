from django.contrib.auth.models import Group
from django.db import transaction

from clinic.models import Clinic, StaffMembership, User
from clinic.roles import GROUP_NAMES


@transaction.atomic
def set_staff_role(
    *, user: User, clinic: Clinic, role: str, weekly_digest: bool | None = None
) -> StaffMembership:
    """Place a user in a clinic's staff with one role, and nothing else (and, if given,
    whether they receive the weekly digest)."""
    values = {"clinic": clinic, "role": role}
    if weekly_digest is not None:
        values["weekly_digest"] = weekly_digest
    membership, _ = StaffMembership.objects.update_or_create(user=user, defaults=values)
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    user.groups.set([Group.objects.get(name=GROUP_NAMES[role])])
    return membership


def set_weekly_digest(membership: StaffMembership, *, on: bool) -> None:
    """A staff member's own choice of the Monday digest (saved, so the trail records it)."""
    if membership.weekly_digest != on:
        membership.weekly_digest = on
        membership.save(update_fields=["weekly_digest"])


def upsert(model, *, lookup: dict, values: dict):
    """Create a row, or bring it up to date, writing only when something differs.

    Loaders and the demo use it so that running them again leaves every row as it was
    (an `update_or_create` would still save, and bump `auto_now` dates).
    """
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    if changed:
        for field in changed:
            setattr(obj, field, values[field])
        obj.save()
    return obj
