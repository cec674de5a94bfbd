from django.urls import path

from areas import views

app_name = "areas"

urlpatterns = [
    path("mina-uppdrag/<int:pk>/ersattare/", views.substitute_edit, name="substitute_edit"),
    path("stadsdelar/<slug:slug>/medlemmar/", views.members, name="members"),
    path("stadsdelar/<slug:slug>/medlemmar/ny/", views.membership_add, name="membership_add"),
    path("stadsdelar/<slug:slug>/medlemmar/ny-person/", views.person_add, name="person_add"),
    path(
        "stadsdelar/<slug:slug>/medlemmar/<int:pk>/andra/",
        views.membership_edit,
        name="membership_edit",
    ),
    path(
        "stadsdelar/<slug:slug>/medlemmar/<int:pk>/avsluta/",
        views.membership_end,
        name="membership_end",
    ),
    path("stadsdelar/<slug:slug>/arbetsgrupper/", views.working_groups, name="working_groups"),
    path(
        "stadsdelar/<slug:slug>/arbetsgrupper/ny/",
        views.working_group_add,
        name="working_group_add",
    ),
    path(
        "stadsdelar/<slug:slug>/arbetsgrupper/<int:pk>/", views.working_group, name="working_group"
    ),
    path(
        "stadsdelar/<slug:slug>/arbetsgrupper/<int:pk>/andra/",
        views.working_group_edit,
        name="working_group_edit",
    ),
    path(
        "stadsdelar/<slug:slug>/arbetsgrupper/<int:pk>/medlemmar/ny/",
        views.working_group_member_add,
        name="working_group_member_add",
    ),
    path(
        "stadsdelar/<slug:slug>/arbetsgrupper/<int:pk>/medlemmar/<int:member_pk>/avsluta/",
        views.working_group_member_end,
        name="working_group_member_end",
    ),
]
