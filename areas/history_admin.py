"""The admin's base for audited models: django-simple-history's history pages,
with their "revert" held to the same rule as a change.

simple-history's history form saves a posted revert after asking only whether the
user may *view* the object, so a read-only admin (a frozen document, the ledger)
could still be reverted to any earlier version. Here a revert is a change: refused
unless the admin may change the object as it stands now. An object the admin may
not change is shown read-only, with the reason (``refusal``) on the page."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    # Why nothing of this model changes in the admin, for the pages of a read-only admin.
    read_only_reason = ""

    def refusal(self, request, obj) -> str:
        """Why ``obj`` may not change here ('' when it may, or when no reason applies)."""
        return self.read_only_reason

    def _warn_if_refused(self, request, obj):
        if request.method == "GET" and obj is not None and not self.has_change_permission(request, obj):
            reason = self.refusal(request, obj)
            if reason:
                self.message_user(request, reason, messages.WARNING)

    def get_readonly_fields(self, request, obj=None):
        # The history form asks for its form without saying it is a change, so Django
        # would offer every field as an input; what may not change is only shown.
        if obj is not None and not self.has_change_permission(request, obj):
            opts = self.model._meta
            return [f.name for f in [*opts.fields, *opts.many_to_many]
                    if f.editable and not f.primary_key]
        return super().get_readonly_fields(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._warn_if_refused(request, self.get_object(request, unquote(object_id)))
        return super().change_view(request, object_id, form_url, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        current = self.get_object(request, unquote(object_id))
        if request.method == "POST" and not self._may_revert(request, current, object_id, version_id):
            raise PermissionDenied
        self._warn_if_refused(request, current)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _may_revert(self, request, current, object_id, version_id) -> bool:
        if current is not None:
            return self.has_change_permission(request, current)
        # A revert of a deleted object brings it back: an add, of the object as it was.
        history = getattr(self.model, self.model._meta.simple_history_manager_attribute)
        try:
            record = history.filter(
                **{self.model._meta.pk.attname: unquote(object_id), "history_id": version_id}
            ).first()
        except (ValueError, ValidationError):
            return False
        return (record is not None and self.has_add_permission(request)
                and self.has_change_permission(request, record.instance))
