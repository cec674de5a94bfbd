from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for sign-ins that come with a request.

    Every sign-in over the web passes the request (Django's LoginView does), so
    every one is checked. authenticate() without a request (the shell, tests of
    the demo logins) has no address to key a lockout on: axes would raise, we
    let the next backend decide instead.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
