from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from areas.models import Membership, Organisation, Person, WorkingGroup, WorkingGroupMember

User = get_user_model()


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        org = getattr(getattr(user, "person", None), "organisation", None)
        name = user.get_full_name() or user.get_username()
        return f"{name} ({org.short_name or org.name})" if org else name


def people():
    return (
        User.objects.filter(is_active=True)
        .select_related("person__organisation")
        .order_by("last_name", "first_name", "username")
    )


class MembershipForm(forms.ModelForm):
    """A new membership in an area group. The model's clean() enforces the
    guidelines' rules (one chair, vice chair among members, one member per
    administration, substitute of the same administration)."""

    person = PersonChoiceField(queryset=people(), label=_("Person"))
    substitute = PersonChoiceField(queryset=people(), label=_("Ersättare"), required=False)

    class Meta:
        model = Membership
        fields = ["person", "role", "organisation", "start_date", "end_date", "substitute"]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    def __init__(self, *args, area_group, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.area_group = area_group
        self.fields["person"].queryset = people()
        self.fields["substitute"].queryset = people()
        self.fields["organisation"].queryset = Organisation.objects.all()
        if not self.is_bound and not self.instance.pk:
            self.initial.setdefault("start_date", timezone.localdate())


class MembershipEditForm(forms.ModelForm):
    """Corrections to a membership in force. A change of role is an ended
    membership and a new one, so that history stays true."""

    substitute = PersonChoiceField(queryset=people(), label=_("Ersättare"), required=False)

    class Meta:
        model = Membership
        fields = ["organisation", "start_date", "substitute"]
        widgets = {"start_date": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["substitute"].queryset = people()


class MembershipEndForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["end_date"]
        widgets = {"end_date": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["end_date"].required = True
        self.fields["end_date"].help_text = _("Sista dagen i uppdraget.")
        if not self.is_bound:
            self.initial["end_date"] = timezone.localdate()

    def clean_end_date(self):
        end = self.cleaned_data["end_date"]
        if self.instance.end_date is not None:
            raise forms.ValidationError(_("Medlemskapet är redan avslutat."))
        return end


class NewPersonForm(forms.Form):
    """Someone who is not yet in the register (e.g. a newly appointed member).
    They get an account without a password; sign-in is set up separately."""

    first_name = forms.CharField(label=_("Förnamn"), max_length=150)
    last_name = forms.CharField(label=_("Efternamn"), max_length=150)
    email = forms.EmailField(label=_("E-post"))
    title = forms.CharField(label=_("Titel"), max_length=150, required=False)
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.all(), label=_("Arbetsgivare")
    )

    def __init__(self, *args, **kwargs):
        # It shares the members page with MembershipForm, which also has an
        # "organisation" field: ids of its own, so each label names its own field.
        kwargs.setdefault("auto_id", "id_person_%s")
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Det finns redan en person med den e-postadressen."))
        return email

    @transaction.atomic
    def save(self):
        data = self.cleaned_data
        user = User(
            username=unique_username(data["first_name"], data["last_name"]),
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
        )
        user.set_unusable_password()
        user.save()
        Person.objects.create(user=user, title=data["title"], organisation=data["organisation"])
        return user


def username_base(first: str, last: str) -> str:
    """'Åsa Öst' -> 'asa.ost': lower-case ASCII, the pattern of the demo logins."""
    first, last = (slugify(part).replace("-", "") for part in (first, last))
    return f"{first}.{last}".strip(".")[:140] or "person"


def unique_username(first: str, last: str) -> str:
    base = username_base(first, last)
    candidate, n = base, 1
    while User.objects.filter(username=candidate).exists():
        n += 1
        candidate = f"{base}{n}"
    return candidate


class WorkingGroupForm(forms.ModelForm):
    class Meta:
        model = WorkingGroup
        fields = ["name", "kind", "focus", "description", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, area_group, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.area_group = area_group

    def _get_validation_exclusions(self):
        # The view sets area_group, so it is no field of the form, and Django would
        # leave out the model's constraints on it (one network group per area group,
        # names unique in the group): the database refused the row with a 500.
        return super()._get_validation_exclusions() - {"area_group"}


class WorkingGroupMemberForm(forms.ModelForm):
    person = PersonChoiceField(queryset=people(), label=_("Person"))

    class Meta:
        model = WorkingGroupMember
        fields = ["person", "organisation", "is_lead", "start_date"]
        widgets = {"start_date": DateInput()}

    def __init__(self, *args, working_group, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.working_group = working_group
        self.fields["person"].queryset = people()
        if not self.is_bound:
            self.initial.setdefault("start_date", timezone.localdate())


class SubstituteForm(forms.ModelForm):
    """A member names (or clears) their own substitute."""

    substitute = PersonChoiceField(queryset=people(), label=_("Ersättare"), required=False)

    class Meta:
        model = Membership
        fields = ["substitute"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only people of the same administration can stand in (guidelines).
        self.fields["substitute"].queryset = (
            people()
            .filter(person__organisation_id=self.instance.organisation_id)
            .exclude(pk=self.instance.person_id)
        )
