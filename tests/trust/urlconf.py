"""Every URL of the URLconf, for the matrices (admin/, static and media are not ours)."""

from django.urls import URLPattern, URLResolver, get_resolver

SKIPPED_PREFIXES = ("admin/", "static/", "media/", "__debug__/")


def url_patterns(patterns=None, prefix="", namespace=""):
    """(name, route, pattern) of every URL pattern, recursively; a pattern without
    a name comes with name None so that a test can point at it."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for p in patterns:
        route = prefix + str(p.pattern)
        if route.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(p, URLResolver):
            ns = p.namespace or ""
            inner = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from url_patterns(p.url_patterns, route, inner)
        elif isinstance(p, URLPattern):
            name = f"{namespace}:{p.name}" if namespace and p.name else p.name
            yield name, route, p


def named_urls():
    """(name, route) of every URL pattern."""
    return [(name, route) for name, route, _pattern in url_patterns()]
