"""``{% can "perm" obj as name %}``: the same answer a view gets (areas.permissions.may).

    {% load permissions %}
    {% can "budget.decide_spend" group as may_decide %}
    {% if may_decide %}<a href="…">Att besluta</a>{% endif %}

Without an object it asks the global permission (``{% can "planning.manage_cycle" as x %}``).
"""

from django import template

from areas.permissions import may

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, perm, obj=None):
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return may(user, perm, obj)
