from django.urls import path

from trust import views

app_name = "trust"

urlpatterns = [
    path("historik/", views.audit_trail, name="audit_trail"),
    path("historik/<str:model>/<int:pk>/", views.object_history, name="object_history"),
    path("mina-uppgifter/", views.my_data, name="my_data"),
    path("mina-uppgifter/json/", views.my_data, {"as_json": True}, name="my_data_json"),
    path("personer/<int:user_id>/registerutdrag/", views.person_data, name="person_data"),
    path(
        "personer/<int:user_id>/registerutdrag/json/",
        views.person_data, {"as_json": True}, name="person_data_json",
    ),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("personuppgifter/", views.privacy, name="privacy"),
]
