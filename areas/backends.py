from django.contrib.auth.backends import BaseBackend

from areas.permissions import has_group_perm


class MembershipBackend(BaseBackend):
    """Answers ``user.has_perm(perm, obj)`` from today's memberships (areas.permissions)."""

    def has_perm(self, user_obj, perm, obj=None):
        if obj is None or not user_obj.is_active:
            return False
        return has_group_perm(user_obj, perm, obj)
