"""All validation of what users type about development money. Messages in Swedish."""

import re
import uuid
from datetime import date

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from areas.forms import DateInput, PersonChoiceField
from areas.models import Delegation, Membership, Role
from budget import services
from budget.models import CostType, SpendRequest, SpendStatus, cost_type_choices
from planning.models import Effort
from planning.services import action_plan_exists, efforts_for

AMOUNT_MESSAGES = {
    "invalid": _("Ange ett belopp i kronor, t.ex. 12 500 eller 12 500,50."),
    "max_decimal_places": _("Högst två decimaler (öre)."),
    "max_digits": _("Beloppet är för stort."),
    "max_whole_digits": _("Beloppet är för stort."),
    "required": _("Ange ett belopp."),
}


class AmountField(forms.DecimalField):
    """Kronor with öre, typed the Swedish way ('12 500,50'); never a float."""

    def __init__(self, *, allow_zero=False, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("localize", True)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(error_messages=AMOUNT_MESSAGES, **kwargs)
        self.allow_zero = allow_zero

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if value < 0:
            raise ValidationError(_("Beloppet kan inte vara negativt."), code="negative")
        if value == 0 and not self.allow_zero:
            raise ValidationError(_("Beloppet måste vara större än noll."), code="zero")


PARAGRAPH = re.compile(r"^§\s?\d{1,4}(/\d{4})?$")


def clean_paragraph(value: str) -> str:
    value = " ".join(value.split())
    if value and not PARAGRAPH.match(value):
        raise ValidationError(_("Skriv paragrafen som i protokollet, t.ex. ”§ 12/2027”."))
    return value


class CostTypeField(forms.ChoiceField):
    """Shows only the cost types allowed in the year, but knows every type, so that
    a refused one (association grant from 2017) gets its own message."""

    def valid_value(self, value):
        return value in CostType.values


class EffortField(forms.ModelChoiceField):
    """Lists the efforts of the group's plan of the year; an effort of another group
    or year is found anyway so that the form can say what is wrong with it."""

    def label_from_instance(self, effort):
        return effort.title

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return Effort.objects.select_related("action_plan__planning_year__area_group").get(pk=value)
        except (ValueError, TypeError, Effort.DoesNotExist):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice") from None


ATTACHMENT_TYPES = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
}


def validate_attachment(upload):
    """A quote or invoice: PDF, PNG or JPEG (by its content, not only its name),
    at most BUDGET_ATTACHMENT_MAX_MB."""
    limit = settings.BUDGET_ATTACHMENT_MAX_MB * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(_("Filen är för stor (%(size)s MB). Högst %(max)s MB.") % {
            "size": f"{upload.size / 1024 / 1024:.1f}".replace(".", ","),
            "max": settings.BUDGET_ATTACHMENT_MAX_MB})
    name = upload.name.lower()
    suffix = name[name.rfind("."):] if "." in name else ""
    head = upload.read(16)
    upload.seek(0)
    if suffix not in ATTACHMENT_TYPES or not head.startswith(ATTACHMENT_TYPES[suffix]):
        raise ValidationError(_("Bilagan måste vara en PDF eller en bild (PNG eller JPEG)."))


class SpendRequestForm(forms.ModelForm):
    """A proposed spend against the group's grant of a year."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)
    amount = AmountField(label=_("Belopp (kr)"))
    effort = EffortField(queryset=None, label=_("Insats i handlingsplanen"), required=False)
    cost_type = CostTypeField(label=_("Kostnadsslag"))

    class Meta:
        model = SpendRequest
        fields = ["effort", "recipient", "cost_type", "amount", "date", "description", "attachment"]
        widgets = {"date": DateInput(), "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, area_group, year, **kwargs):
        super().__init__(*args, **kwargs)
        self.area_group, self.year = area_group, year
        self.fields["effort"].queryset = efforts_for(area_group, year)
        if action_plan_exists(area_group, year):
            self.fields["effort"].required = True
            self.fields["effort"].help_text = _("Pengarna får bara användas inom handlingsplanen.")
        else:
            self.fields["effort"].help_text = _(
                "Handlingsplanen för året finns inte ännu; när den finns anger varje utgift sin insats.")
        self.fields["cost_type"].choices = [("", "---------"), *cost_type_choices(year)]
        self.fields["attachment"].help_text = _("PDF eller bild (PNG, JPEG), högst %(max)s MB.") % {
            "max": settings.BUDGET_ATTACHMENT_MAX_MB}
        self.fields["attachment"].widget.attrs["accept"] = ".pdf,.png,.jpg,.jpeg"
        if not self.is_bound:
            self.initial["submission_key"] = uuid.uuid4()
            today = timezone.localdate()
            self.initial.setdefault("date", today if today.year == year else date(year, 1, 1))

    def clean_cost_type(self):
        value = self.cleaned_data["cost_type"]
        try:
            services.check_cost_type(value, self.year)
        except services.BudgetError as error:
            raise ValidationError(str(error)) from None
        return value

    def clean_date(self):
        value = self.cleaned_data["date"]
        if value.year != self.year:
            raise ValidationError(_("Datumet måste ligga inom budgetåret %(year)s.") % {"year": self.year})
        return value

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            validate_attachment(upload)
        return upload

    def clean(self):
        data = super().clean()
        if "effort" in data and not self.has_error("effort"):
            try:
                services.check_effort(self.area_group, self.year, data["effort"])
            except services.BudgetError as error:
                self.add_error("effort", str(error))
        return data

    def _post_clean(self):
        # The model's own clean is not needed (the form checks everything above) and
        # area_group/year/proposed_by are set by the service.
        pass

    def proposal_fields(self) -> dict:
        fields = {k: self.cleaned_data[k] for k in self.Meta.fields}
        fields["attachment"] = fields["attachment"] or ""
        return fields


class DecisionForm(forms.Form):
    """The chair's decision on a proposal: approve, or reject with a reason."""

    decision = forms.ChoiceField(label=_("Beslut"), choices=[
        ("approve", _("Godkänn")), ("reject", _("Avslå"))])
    paragraph = forms.CharField(label=_("Beslutsparagraf"), required=False, max_length=30,
                                help_text=_("Om beslutet togs på ett möte, t.ex. ”§ 12/2027”."))
    reason = forms.CharField(label=_("Motivering"), required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             help_text=_("Krävs när förslaget avslås."))

    def clean_paragraph(self):
        return clean_paragraph(self.cleaned_data["paragraph"])

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not data.get("reason", "").strip():
            self.add_error("reason", _("Skriv varför förslaget avslås."))
        return data


def _not_in_future(value):
    if value > timezone.localdate():
        raise ValidationError(_("Datumet kan inte ligga i framtiden."))
    return value


class BookingForm(forms.Form):
    """What was paid: amount, booking date and the finance system's voucher number."""

    amount = AmountField(label=_("Betalt belopp (kr)"))
    on = forms.DateField(label=_("Bokföringsdatum"), widget=DateInput())
    voucher = forms.CharField(label=_("Verifikationsnummer"), required=False, max_length=40)

    def __init__(self, *args, spend, **kwargs):
        super().__init__(*args, **kwargs)
        self.spend = spend
        if not self.is_bound:
            self.initial.update(amount=spend.amount, on=timezone.localdate())

    def clean_on(self):
        value = _not_in_future(self.cleaned_data["on"])
        if value.year < self.spend.year:
            raise ValidationError(_("Bokföringen kan inte ligga före budgetåret %(year)s.")
                                  % {"year": self.spend.year})
        return value


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Varför återkallas beslutet?"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": _("Skriv varför beslutet återkallas.")})


class CorrectionForm(BookingForm):
    """The right amount (0 for a full refund) and why."""

    amount = AmountField(label=_("Rätt belopp (kr)"), allow_zero=True,
                         help_text=_("0 om hela beloppet har betalats tillbaka."))
    reason = forms.CharField(label=_("Skäl till rättelsen"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": _("Skriv varför bokföringen rättas.")})
    field_order = ["amount", "reason", "on", "voucher"]

    def __init__(self, *args, spend, booked=None, **kwargs):
        super().__init__(*args, spend=spend, **kwargs)
        if not self.is_bound and booked is not None:
            self.initial["amount"] = booked


class GrantForm(forms.Form):
    """One group's grant of a year, on the management office's grant page."""

    amount = AmountField(label=_("Anslag (kr)"), allow_zero=True, required=False)
    account_number = forms.CharField(label=_("BK-nummer"), required=False, max_length=30)
    decision_reference = forms.CharField(label=_("Beslut"), required=False, max_length=60)

    def clean(self):
        data = super().clean()
        if data.get("amount") is not None and not (data.get("account_number") or "").strip():
            self.add_error("account_number", _("Ange ordförandens BK-nummer."))
        return data


class DelegationForm(forms.ModelForm):
    """The chair delegates deciding on development money to the vice chair for a period."""

    delegate = PersonChoiceField(queryset=None, label=_("Till vice ordförande"))

    class Meta:
        model = Delegation
        fields = ["delegate", "start_date", "end_date", "reason"]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    def __init__(self, *args, area_group, granted_by, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.area_group = area_group
        self.instance.granted_by = granted_by
        # Vice chairs of today and of the future: a delegation lies within their seat.
        vice = Membership.objects.filter(area_group=area_group, role=Role.VICE_CHAIR).overlapping(
            timezone.localdate(), None)
        self.fields["delegate"].queryset = get_user_model().objects.filter(
            pk__in=vice.values("person")).select_related("person__organisation")
        if not self.is_bound:
            self.initial.setdefault("start_date", timezone.localdate())


class LedgerFilterForm(forms.Form):
    """Filters of the ledger page (GET): cost type, effort, status of the spend."""

    cost_type = forms.ChoiceField(label=_("Kostnadsslag"), required=False)
    effort = forms.ChoiceField(label=_("Insats"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[
        ("", _("Alla")), *[(v, label) for v, label in SpendStatus.choices
                           if v in (SpendStatus.APPROVED, SpendStatus.BOOKED, SpendStatus.CANCELLED)]])

    def __init__(self, *args, efforts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cost_type"].choices = [("", _("Alla")), *CostType.choices]
        self.fields["effort"].choices = [("", _("Alla")), *[(str(e.pk), e.title) for e in efforts],
                                         ("none", _("Utan insats"))]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}
