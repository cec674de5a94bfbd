from django.contrib.auth.middleware import LoginRequiredMiddleware as DjangoLoginRequired
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import resolve_url
from django_htmx.http import HttpResponseClientRedirect


class LoginRequiredMiddleware(DjangoLoginRequired):
    """Django's login-required middleware (anonymous access is opt-in with
    ``@login_not_required``), except that an expired session on an htmx request
    sends the whole page to the login page (HX-Redirect) instead of swapping
    the login form into a fragment. After signing in the user returns to the
    page they were on, not to the fragment's URL."""

    def handle_no_permission(self, request, view_func):
        if getattr(request, "htmx", False):
            back_to = request.htmx.current_url_abs_path or "/"
            response = redirect_to_login(
                back_to,
                resolve_url(self.get_login_url(view_func)),
                self.get_redirect_field_name(view_func),
            )
            return HttpResponseClientRedirect(response.url)
        return super().handle_no_permission(request, view_func)
