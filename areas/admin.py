from django.contrib import admin
from guardian.admin import GuardedModelAdmin

from areas.history_admin import HistoryAdmin
from areas.models import (
    AreaGroup,
    Delegation,
    District,
    Membership,
    Organisation,
    Person,
    WorkingGroup,
    WorkingGroupMember,
)


@admin.register(District)
class DistrictAdmin(HistoryAdmin):
    list_display = ["name", "slug", "sort_order"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Organisation)
class OrganisationAdmin(HistoryAdmin):
    list_display = ["name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]


@admin.register(Person)
class PersonAdmin(HistoryAdmin):
    list_display = ["__str__", "title", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["user__first_name", "user__last_name", "user__username"]
    autocomplete_fields = ["user"]


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "area_group"
    extra = 0
    autocomplete_fields = ["person", "substitute"]


@admin.register(AreaGroup)
class AreaGroupAdmin(GuardedModelAdmin, HistoryAdmin):
    """Object permissions here are explicit grants only (e.g. an official who
    reads one group); roles come from memberships."""

    list_display = ["name", "district", "account_number"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(HistoryAdmin):
    list_display = ["person", "role", "area_group", "organisation", "start_date", "end_date"]
    list_filter = ["area_group", "role"]
    search_fields = ["person__first_name", "person__last_name", "person__username"]
    autocomplete_fields = ["person", "substitute"]
    date_hierarchy = "start_date"


class WorkingGroupMemberInline(admin.TabularInline):
    model = WorkingGroupMember
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(HistoryAdmin):
    list_display = ["name", "area_group", "kind", "is_active"]
    list_filter = ["area_group", "kind", "is_active"]
    inlines = [WorkingGroupMemberInline]


@admin.register(Delegation)
class DelegationAdmin(HistoryAdmin):
    """The chair makes delegations on the group's page; the admin corrects them
    (model validation applies: only to the vice chair, no overlaps)."""

    list_display = ["area_group", "delegate", "start_date", "end_date", "granted_by", "revoked_at"]
    list_filter = ["area_group"]
    raw_id_fields = ["delegate", "granted_by", "revoked_by"]
