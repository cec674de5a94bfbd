"""``{{ section.body|markup }}``: a section's text in the small Markdown subset of
``planning.markup`` (escaped first; only the subset's own tags come out)."""

from django import template

from planning import markup as renderer

register = template.Library()


@register.filter(is_safe=False)
def markup(text):
    return renderer.render(text)
