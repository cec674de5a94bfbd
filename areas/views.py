"""Pages of the area organisation: district page, member management, working groups.

Every view fetches its object through areas.permissions (404 / 403) first.
htmx requests get the named partial of the same template; without JavaScript
the same URLs work as plain form posts with a redirect.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django.views.decorators.vary import vary_on_headers

from areas import services
from areas.forms import (
    MembershipEditForm,
    MembershipEndForm,
    MembershipForm,
    NewPersonForm,
    SubstituteForm,
    WorkingGroupForm,
    WorkingGroupMemberForm,
)
from areas.htmx import render_fragment
from areas.models import ROLE_ORDER, Membership, WorkingGroup, WorkingGroupMember
from areas.permissions import (
    MANAGE_MEMBERS,
    NAME_SUBSTITUTE,
    VIEW_GROUP,
    get_group_for_user,
    get_object_for_user,
    may,
)


def _members_context(request, group, **extra):
    active = sorted(
        group.active_memberships(),
        key=lambda m: (ROLE_ORDER.index(m.role), m.person.last_name, m.person.first_name),
    )
    ended = (
        group.memberships.exclude(pk__in=[m.pk for m in active])
        .select_related("person", "organisation", "substitute")
        .order_by("-end_date", "-start_date")
    )
    context = {
        "group": group,
        "district": group.district,
        "memberships": active,
        "history": ended,
        "form": MembershipForm(area_group=group),
        "person_form": NewPersonForm(),
    }
    context.update(extra)
    return context


@require_safe
@vary_on_headers("HX-Request")
def members(request, slug):
    group = get_group_for_user(request, slug, MANAGE_MEMBERS)
    return render(request, "areas/members.html", _members_context(request, group))


@require_POST
@vary_on_headers("HX-Request")
def membership_add(request, slug):
    group = get_group_for_user(request, slug, MANAGE_MEMBERS)
    form = MembershipForm(request.POST, area_group=group)
    if not form.is_valid():
        if request.htmx:
            return render_fragment(
                request, "areas/members.html#add-form", {"group": group, "form": form}
            )
        return render(request, "areas/members.html", _members_context(request, group, form=form))
    membership = form.save()
    messages.success(
        request,
        _("%(name)s är nu %(role)s i %(group)s.")
        % {
            "name": membership.person.get_full_name() or membership.person.username,
            "role": membership.get_role_display().lower(),
            "group": group,
        },
    )
    if request.htmx:
        return render_fragment(
            request,
            "areas/members.html#add-form-with-new-row",
            {"group": group, "form": MembershipForm(area_group=group), "m": membership},
        )
    return redirect("areas:members", slug)


@require_POST
@vary_on_headers("HX-Request")
def person_add(request, slug):
    group = get_group_for_user(request, slug, MANAGE_MEMBERS)
    form = NewPersonForm(request.POST)
    if not form.is_valid():
        if request.htmx:
            return render_fragment(
                request, "areas/members.html#person-form", {"group": group, "person_form": form}
            )
        return render(
            request, "areas/members.html", _members_context(request, group, person_form=form)
        )
    user = form.save()
    messages.success(
        request,
        _("%(name)s finns nu i registret och kan väljas som medlem.")
        % {"name": user.get_full_name()},
    )
    if request.htmx:
        # The person selects of the add form must list the new person too.
        return render_fragment(
            request,
            "areas/members.html#person-form-and-add-form",
            {
                "group": group,
                "person_form": NewPersonForm(),
                "form": MembershipForm(area_group=group),
            },
        )
    return redirect("areas:members", slug)


def _membership_for_user(request, slug, pk):
    group = get_group_for_user(request, slug, MANAGE_MEMBERS)
    membership = get_object_for_user(
        request,
        Membership.objects.select_related("person", "organisation", "substitute", "area_group"),
        MANAGE_MEMBERS,
        pk=pk,
        area_group=group,
    )
    return group, membership


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def membership_edit(request, slug, pk):
    group, membership = _membership_for_user(request, slug, pk)
    if request.method == "POST":
        form = MembershipEditForm(request.POST, instance=membership)
        if form.is_valid():
            membership = form.save()
            messages.success(request, _("Medlemskapet är uppdaterat."))
            if request.htmx:
                return render_fragment(
                    request, "areas/members.html#membership-row", {"group": group, "m": membership}
                )
            return redirect("areas:members", slug)
    else:
        form = MembershipEditForm(instance=membership)
    context = {"group": group, "district": group.district, "m": membership, "form": form}
    if request.htmx:
        return render_fragment(request, "areas/members.html#membership-edit-row", context)
    return render(request, "areas/membership_edit.html", context)


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def membership_end(request, slug, pk):
    group, membership = _membership_for_user(request, slug, pk)
    if request.method == "POST":
        form = MembershipEndForm(request.POST, instance=membership)
        if form.is_valid():
            services.end_membership(membership, form.cleaned_data["end_date"])
            messages.success(
                request,
                _("Uppdraget för %(name)s avslutas %(date)s.")
                % {"name": membership.person.get_full_name(), "date": membership.end_date},
            )
            if request.htmx:
                return render_fragment(
                    request,
                    "areas/members.html#ended-row",
                    _members_context(request, group),
                )
            return redirect("areas:members", slug)
    else:
        form = MembershipEndForm(instance=membership)
    context = {"group": group, "district": group.district, "m": membership, "form": form}
    if request.htmx:
        return render_fragment(request, "areas/members.html#membership-end-row", context)
    return render(request, "areas/membership_end.html", context)


# Working groups and the network group -------------------------------------------------


@require_safe
def working_groups(request, slug):
    group = get_group_for_user(request, slug, VIEW_GROUP)
    groups = group.working_groups.prefetch_related("members__person", "members__organisation")
    return render(
        request,
        "areas/working_groups.html",
        {
            "group": group,
            "district": group.district,
            "working_groups": groups,
            "can_manage": may(request.user, MANAGE_MEMBERS, group),
            "form": WorkingGroupForm(area_group=group),
        },
    )


@require_POST
def working_group_add(request, slug):
    group = get_group_for_user(request, slug, MANAGE_MEMBERS)
    form = WorkingGroupForm(request.POST, area_group=group)
    if form.is_valid():
        wg = form.save()
        messages.success(request, _("Arbetsgruppen %(name)s är skapad.") % {"name": wg.name})
        return redirect("areas:working_group", slug, wg.pk)
    return render(
        request,
        "areas/working_groups.html",
        {
            "group": group,
            "district": group.district,
            "working_groups": group.working_groups.prefetch_related("members__person"),
            "can_manage": True,
            "form": form,
        },
    )


def _working_group_context(group, wg, **extra):
    today_members = wg.members.active().select_related("person", "organisation")
    context = {
        "group": group,
        "district": group.district,
        "wg": wg,
        "members": today_members,
        "former": wg.members.exclude(pk__in=today_members.values("pk")).select_related("person"),
        "form": WorkingGroupForm(instance=wg, area_group=group),
        "member_form": WorkingGroupMemberForm(working_group=wg),
    }
    context.update(extra)
    return context


def _working_group_for_user(request, slug, pk, perm=VIEW_GROUP):
    """A working group of the district's area group, if the user may ``perm`` it."""
    group = get_group_for_user(request, slug, VIEW_GROUP)
    wg = get_object_for_user(request, WorkingGroup.objects.all(), perm, pk=pk, area_group=group)
    return group, wg


@require_safe
def working_group(request, slug, pk):
    group, wg = _working_group_for_user(request, slug, pk)
    return render(
        request,
        "areas/working_group.html",
        _working_group_context(group, wg, can_manage=may(request.user, MANAGE_MEMBERS, group)),
    )


@require_POST
def working_group_edit(request, slug, pk):
    group, wg = _working_group_for_user(request, slug, pk, MANAGE_MEMBERS)
    form = WorkingGroupForm(request.POST, instance=wg, area_group=group)
    if form.is_valid():
        form.save()
        messages.success(request, _("Arbetsgruppen är uppdaterad."))
        return redirect("areas:working_group", slug, wg.pk)
    return render(
        request,
        "areas/working_group.html",
        _working_group_context(group, wg, form=form, can_manage=True),
    )


@require_POST
def working_group_member_add(request, slug, pk):
    group, wg = _working_group_for_user(request, slug, pk, MANAGE_MEMBERS)
    form = WorkingGroupMemberForm(request.POST, working_group=wg)
    if form.is_valid():
        seat = form.save()
        messages.success(
            request,
            _("%(name)s är med i %(wg)s.") % {"name": seat.person.get_full_name(), "wg": wg.name},
        )
        return redirect("areas:working_group", slug, wg.pk)
    return render(
        request,
        "areas/working_group.html",
        _working_group_context(group, wg, member_form=form, can_manage=True),
    )


@require_POST
def working_group_member_end(request, slug, pk, member_pk):
    group, wg = _working_group_for_user(request, slug, pk, MANAGE_MEMBERS)
    seat = get_object_for_user(
        request, WorkingGroupMember.objects.select_related("person", "working_group__area_group"),
        MANAGE_MEMBERS, pk=member_pk, working_group=wg,
    )
    if services.end_working_group_seat(seat):
        messages.success(
            request, _("%(name)s har lämnat arbetsgruppen.") % {"name": seat.person.get_full_name()}
        )
    else:
        messages.error(request, _("Medlemskapet är redan avslutat."))
    return redirect("areas:working_group", slug, pk)


@require_http_methods(["GET", "POST"])
def substitute_edit(request, pk):
    """A member names their own substitute."""
    membership = get_object_for_user(
        request, Membership.objects.select_related("area_group__district", "organisation"),
        NAME_SUBSTITUTE, pk=pk,
    )
    form = SubstituteForm(request.POST or None, instance=membership)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Din ersättare är sparad."))
        return redirect("start")
    return render(
        request,
        "areas/substitute_edit.html",
        {"m": membership, "group": membership.area_group, "form": form},
    )
