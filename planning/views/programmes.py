"""A district's strategic development programmes, for those who read its planning."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from areas.permissions import VIEW_DOCUMENT, get_district_for_user


@require_safe
def programme(request, slug):
    district = get_district_for_user(request, slug, VIEW_DOCUMENT)
    group = district.area_group_or_none
    programmes = district.programmes.prefetch_related("main_tasks")
    return render(request, "planning/programme.html", {
        "district": district, "group": group, "programmes": programmes,
    })
