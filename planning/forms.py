"""All validation of what users type in the planning cycle."""

from datetime import date

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from areas.models import Organisation, WorkingGroup
from planning.models import (
    Comment,
    CycleDueDates,
    Effort,
    FollowUpRow,
    MainTask,
    PlanningYear,
    Section,
    StrategicProgramme,
)

User = get_user_model()


class VersionedForm(forms.ModelForm):
    """A form that carries the version it was opened at (optimistic concurrency)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance.pk:
            self.initial["version"] = self.instance.version

    def expected_version(self) -> int:
        return self.cleaned_data["version"]


class SectionForm(VersionedForm):
    class Meta:
        model = Section
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}
        labels = {"body": _("Text")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].help_text = _(
            "Tom rad ger nytt stycke. ## Rubrik, ### Underrubrik, - punkt, 1. numrerad punkt, "
            "**fet**, *kursiv*, [länk](https://…). HTML visas som text."
        )


class EffortForm(VersionedForm):
    """An effort of an action plan; choices are limited to the plan's own group."""

    class Meta:
        model = Effort
        fields = [
            "title", "description", "goal", "main_task", "working_group", "organisation",
            "contact", "start_date", "end_date", "planned_cost", "indicators",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "goal": forms.Textarea(attrs={"rows": 2}),
            "indicators": forms.Textarea(attrs={"rows": 2}),
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            # Kronor with öre as Swedes write them ("12 500,50"): a text input, not type=number.
            "planned_cost": forms.TextInput(attrs={"inputmode": "decimal"}),
        }
        localized_fields = ["planned_cost"]
        error_messages = {"title": {"required": _("Skriv vad insatsen heter.")}}

    def __init__(self, *args, plan, fields=None, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields.pop("version")
        self.plan = plan
        self.instance.action_plan = plan
        group = plan.get_area_group()
        programmes = StrategicProgramme.objects.in_force(plan.year).filter(district=group.district)
        self.fields["main_task"].queryset = MainTask.objects.filter(programme__in=programmes)
        if not self.fields["main_task"].queryset.exists():
            self.fields.pop("main_task")
        self.fields["working_group"].queryset = WorkingGroup.objects.filter(
            area_group=group, is_active=True
        )
        self.fields["organisation"].queryset = Organisation.objects.all()
        members = group.memberships.active().values("person_id")
        contact_qs = User.objects.filter(pk__in=members).order_by("first_name", "last_name")
        if self.instance.contact_id:
            contact_qs = contact_qs | User.objects.filter(pk=self.instance.contact_id)
        self.fields["contact"].queryset = contact_qs.distinct()
        self.fields["contact"].label_from_instance = lambda u: u.get_full_name() or u.username
        if not self.is_bound and not self.instance.pk:
            self.initial.setdefault("start_date", date(plan.year, 1, 1))
            self.initial.setdefault("end_date", date(plan.year, 12, 31))
        if fields is not None:
            for name in list(self.fields):
                if name not in fields and name != "version":
                    self.fields.pop(name)

    def clean(self):
        """Someone is responsible: a working group or an administration/actor. Said in
        the same round as every other error (only a refused choice of either field
        speaks for itself)."""
        cleaned = super().clean()
        if (
            "working_group" in self.fields
            and not cleaned.get("working_group") and not cleaned.get("organisation")
            and "working_group" not in self.errors and "organisation" not in self.errors
        ):
            self.add_error(None, _("Ange vem som ansvarar: en arbetsgrupp eller en förvaltning/aktör."))
        return cleaned


# What a contact member (not an editor) may change in their own effort.
CONTRIBUTOR_EFFORT_FIELDS = ["description", "goal", "indicators"]


class FollowUpRowForm(VersionedForm):
    class Meta:
        model = FollowUpRow
        fields = ["status", "done", "outcome", "comment"]
        widgets = {
            "done": forms.Textarea(attrs={"rows": 3}),
            "outcome": forms.Textarea(attrs={"rows": 3}),
            "comment": forms.Textarea(attrs={"rows": 2}),
        }


class AddRowForm(forms.Form):
    """A follow-up row for an effort of the report's own year that it lacks."""

    effort = forms.ModelChoiceField(
        queryset=Effort.objects.none(), label=_("Insats"),
        error_messages={
            "required": _("Välj en insats."),
            "invalid_choice": _("Insatsen hör inte till årets handlingsplan eller följs redan upp."),
        },
    )

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["effort"].queryset = Effort.objects.filter(
            action_plan__planning_year_id=report.planning_year_id
        ).exclude(follow_ups__report=report)


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["effort", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}
        labels = {"effort": _("Gäller insats (valfritt)")}
        error_messages = {"body": {"required": _("Skriv en kommentar.")}}

    def __init__(self, *args, planning_year, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["effort"].queryset = Effort.objects.filter(
            action_plan__planning_year=planning_year
        )
        self.fields["effort"].required = False


class WorkflowForm(forms.Form):
    """Data some steps need: a date, a case number, a reason."""

    on = forms.DateField(
        label=_("Datum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    case_number = forms.CharField(label=_("Diarienummer"), required=False, max_length=40)
    note = forms.CharField(label=_("Motivering"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class DueDatesForm(forms.ModelForm):
    class Meta:
        model = PlanningYear
        fields = ["analysis_due", "action_plan_due", "committee_due",
                  "interim_report_due", "annual_report_due"]
        widgets = {f: forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
                   for f in fields}

    def clean(self):
        cleaned = super().clean()
        year = self.instance.year
        for name in ("analysis_due", "action_plan_due", "committee_due", "interim_report_due"):
            value = cleaned.get(name)
            if value and value.year != year:
                self.add_error(name, _("Datumet ska ligga inom %(year)s.") % {"year": year})
        annual = cleaned.get("annual_report_due")
        if annual and annual.year not in (year, year + 1):
            self.add_error(
                "annual_report_due",
                _("Årsrapporten lämnas i början av året efter (%(next)s).") % {"next": year + 1},
            )
        return cleaned


class YearDueDatesForm(DueDatesForm):
    """One year's wheel for every area group at once (management office)."""

    class Meta(DueDatesForm.Meta):
        model = CycleDueDates


class StartYearForm(forms.Form):
    year = forms.IntegerField(label=_("År"), min_value=2015, max_value=2100)


class StatisticsImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV-fil"),
        help_text=_("Kolumner: stadsdel (eller områdeskod RegSO/DeSO), år, indikator, värde, "
                    "enhet, källa. Semikolon eller komma som avgränsare."),
        error_messages={"required": _("Välj en fil att importera.")},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("Filen är för stor (högst 5 MB)."))
        return upload
