"""Development money in the admin: for looking, not for changing. Grants are set on
the grants page, decisions and bookings through the services (which lock the grant
and keep the ledger balanced); ledger entries are never changed at all."""

from django.contrib import admin
from django.utils.translation import gettext_lazy

from areas.history_admin import HistoryAdmin
from budget.models import Grant, LedgerEntry, SpendRequest


class ReadOnlyAdmin(HistoryAdmin):
    """Read-only on every path: change, delete, the bulk delete action (offered
    only with the delete permission) and the history page's revert."""

    read_only_reason = gettext_lazy(
        "Utvecklingspengar ändras inte här: anslagen sätts på sidan Anslag, förslag, beslut "
        "och bokföringar görs i appen, och en rättelse i huvudboken är en ny post med skäl."
    )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Grant)
class GrantAdmin(ReadOnlyAdmin):
    list_display = ["area_group", "year", "amount", "account_number", "decision_reference"]
    list_filter = ["year", "area_group"]


@admin.register(SpendRequest)
class SpendRequestAdmin(ReadOnlyAdmin):
    list_display = ["area_group", "year", "recipient", "cost_type", "amount", "status",
                    "proposed_by", "decided_by"]
    list_filter = ["year", "area_group", "status", "cost_type"]
    search_fields = ["recipient", "description"]


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ReadOnlyAdmin):
    list_display = ["pk", "area_group", "year", "entry_date", "event", "account", "amount",
                    "account_number", "spend_request"]
    list_filter = ["year", "area_group", "account", "event"]
