from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from areas.forms import DateInput
from trust.audit import audited_models, model_key


class TrailFilterForm(forms.Form):
    model = forms.ChoiceField(label=_("Typ av uppgift"), required=False)
    user = forms.ModelChoiceField(
        label=_("Ändrad av"), required=False, queryset=get_user_model().objects.none()
    )
    since = forms.DateField(label=_("Från och med"), required=False, widget=DateInput())
    until = forms.DateField(label=_("Till och med"), required=False, widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["model"].choices = [("", _("Alla"))] + [
            (model_key(m), f"{str(m._meta.verbose_name_plural).capitalize()} ({m._meta.app_label})")
            for m in audited_models()
        ]
        self.fields["user"].queryset = get_user_model().objects.order_by(
            "last_name", "first_name", "username"
        )

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise forms.ValidationError(_("Från-datumet ligger efter till-datumet."))
        return data
