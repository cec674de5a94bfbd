from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

from omradesutveckling import views

urlpatterns = [
    path("", views.start, name="start"),
    path(
        "logga-in/",
        login_not_required(auth_views.LoginView.as_view(redirect_authenticated_user=True)),
        name="login",
    ),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("stadsdelar/<slug:slug>/", views.district, name="district"),
    path("", include("areas.urls")),
    path("", include("planning.urls")),
    path("", include("budget.urls")),
    path("", include("trust.urls")),
    path("admin/", admin.site.urls),
]
