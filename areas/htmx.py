"""Responses for htmx requests: a fragment plus the messages area, swapped out of band."""

from django.http import HttpResponse
from django.template.loader import render_to_string


def render_fragment(request, template_name: str, context: dict | None = None) -> HttpResponse:
    """Render one named partial (``"app/page.html#name"``) and append the messages
    area as an out-of-band swap, so that htmx responses fill it as pages do.
    Invalid forms come back with 200 too: htmx 2 does not swap 4xx bodies."""
    html = render_to_string(template_name, context or {}, request)
    html += render_to_string("includes/messages.html", {"oob": True}, request)
    return HttpResponse(html)
