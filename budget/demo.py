"""Demo content for development money: a realistic Botkyrka year (today is late
November 2026) for all five area groups, made through the real services.

Grants for 2025 and 2026 (the guidelines' 250 000 kr of 2015 has grown; one
presentation cites 314 tkr), spend requests against the efforts of each year's
action plan: most of 2025 booked; in 2026 booked spends from the spring and
summer, approvals not yet paid, proposals waiting for the chair, a rejection,
a withdrawal, a revoked decision and a corrected booking. Alby's chair
delegated decisions to the vice chair over the summer; Fittja's chair does so
now, and the vice chair has decided one proposal. Recipients and amounts are
illustrative.

Idempotent: a group whose grant for a year exists is left alone for that year.
"""

from datetime import date, datetime, time
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.utils import timezone

from areas.models import AreaGroup, Delegation
from budget import services
from budget.models import CostType, Grant
from planning.services import efforts_for

User = get_user_model()

GRANTS = {2025: Decimal("300000"), 2026: Decimal("314000")}
G, IOP, EMP, MUN, ADM = (CostType.GOODS_SERVICES, CostType.IOP, CostType.EMPLOYMENT,
                         CostType.MUNICIPAL, CostType.ADMINISTRATION)

# effort (index into EFFORT_KEYS), recipient, cost type, amount, spend date (month, day),
# description, outcome: "booked" | "booked:<paid>" | "approved" | "proposed" |
# "rejected:<reason>" | "withdrawn" | "cancelled:<reason>" | "corrected:<amount>:<reason>" |
# "delegated" (approved by the vice chair under the chair's delegation)
SPENDS_2026 = {
    "alby": [
        (0, "Alby IF", IOP, "30000", (6, 15), "Fotbollsskola och spontanidrott på Albyberget veckorna 25–32.", "booked"),
        (0, "Botkyrka Buss & Resor AB", G, "12400", (7, 8), "Bussresa till Tumba bruk och Hågelbyparken för 90 barn.", "booked:12150"),
        (0, "Unga ledare sommarlov (visstidsanställning)", EMP, "38000", (6, 20), "Sex unga ledare 16–19 år anställda under sommarlovet via Kultur- och fritidsförvaltningen.", "booked"),
        (1, "ICA Nära Alby", G, "1450", (3, 12), "Fika och reflexvästar till trygghetsvandringen i mars.", "booked"),
        (1, "Elektriker Botkyrka AB", G, "9800", (10, 2), "Tillfällig belysning vid gångtunneln mot Alby centrum efter trygghetsvandringen.", "approved"),
        (2, "Studieförbundet Vuxenskolan", IOP, "24000", (2, 1), "Samordning av studentvolontärer för läxhjälpen vårterminen.", "booked"),
        (2, "Studieförbundet Vuxenskolan", IOP, "24000", (8, 25), "Samordning av studentvolontärer för läxhjälpen höstterminen.", "corrected:18000:Höstterminen startade tre veckor senare; SV krediterade fakturan (kreditfaktura 4411)."),
        (3, "Botkyrka Jobbcenter", MUN, "40000", (4, 1), "Handledare för praktikplatser i Alby centrum, april–december.", "booked"),
        (3, "Tryckeri Söder AB", G, "3200", (3, 20), "Affischer och flygblad om jobbspåret på fem språk.", "rejected:Kommunikationsavdelningen trycker materialet utan kostnad för områdesgruppen."),
        (4, "Alby IF", IOP, "20000", (9, 1), "Öppen idrott helgkvällar hösten 2026, andra delbetalningen enligt IOP-avtalet.", "approved"),
        (0, "Cirkus Cirkör", G, "18000", (8, 10), "Cirkusworkshop för barn sista sommarlovsveckan.", "cancelled:Workshopen ställdes in på grund av lokalbrist; ingen faktura har kommit."),
        (1, "Botkyrkabyggen", MUN, "6000", (11, 10), "Delfinansiering av buskröjning och belysning vid Albyvägen efter höstens trygghetsvandring.", "proposed"),
        (2, "Alby bibliotek (Kultur- och fritidsförvaltningen)", MUN, "4500", (11, 20), "Inköp av läromedel och skrivmaterial till läxhjälpen.", "proposed"),
        (3, "Fika och lokal för jobbmässa", ADM, "2800", (11, 18), "Jobbmässa i Alby centrum 2 december: lokalhyra och fika.", "withdrawn"),
    ],
    "fittja": [
        (0, "Fittja gård (Kultur- och fritidsförvaltningen)", MUN, "12000", (2, 1), "Lokal och samordnare för språkcaféet vårterminen.", "booked"),
        (1, "Fittja Ungdomsförening", IOP, "45000", (6, 10), "Lovaktiviteter sommarlovet enligt IOP-avtal.", "booked"),
        (2, "Föräldranätverket Fittja", G, "8000", (3, 1), "Västar, ficklampor och fika för föräldravandringarna.", "booked"),
        (3, "Botkyrka Jobbcenter", MUN, "30000", (5, 15), "Handledning för feriejobbare i Fittja.", "booked"),
        (0, "Fittja gård (Kultur- och fritidsförvaltningen)", MUN, "12000", (9, 1), "Lokal och samordnare för språkcaféet hösten.", "approved"),
        (2, "Fältassistenterna (Socialförvaltningen)", MUN, "9000", (11, 20), "Extra kvällspass i Fittja centrum under december.", "delegated"),
        (1, "Fittja Ungdomsförening", IOP, "15000", (11, 22), "Aktiviteter under jullovet.", "proposed"),
    ],
    "hallunda-norsborg": [
        (0, "Hallunda bibliotek (Kultur- och fritidsförvaltningen)", MUN, "22000", (2, 15), "Bokpåsar och sagostunder, vårterminen.", "booked"),
        (1, "Hallunda Centrum AB", G, "4000", (4, 20), "Fika och material till trygghetsvandringen med handlarna.", "booked"),
        (2, "Naturskyddsföreningen Botkyrka-Salem", IOP, "15000", (5, 10), "Guidade naturdagar i Eriksbergs naturreservat.", "booked"),
        (3, "Botkyrka Jobbcenter", MUN, "35000", (3, 1), "Praktiksamordnare för handeln i Hallunda centrum.", "booked"),
        (0, "Hallunda bibliotek (Kultur- och fritidsförvaltningen)", MUN, "20000", (9, 1), "Bokpåsar och sagostunder, hösten.", "approved"),
        (3, "Hallunda Centrum AB", G, "6000", (11, 15), "Jobbmässa i centrum i december.", "proposed"),
    ],
    "tullinge": [
        (0, "Tullinge Ungdomsråd", IOP, "25000", (1, 20), "Öppen verksamhet fredagskvällar, vårterminen.", "booked"),
        (1, "Trafiksäkerhetskonsult Södertörn AB", G, "15000", (4, 2), "Kartläggning av skolvägar med föräldrar och elever.", "booked:14250"),
        (2, "Tullinge FF", IOP, "30000", (6, 15), "Lovaktiviteter sommarlovet.", "booked"),
        (0, "Tullinge Ungdomsråd", IOP, "25000", (9, 1), "Öppen verksamhet fredagskvällar, hösten.", "approved"),
    ],
    "tumba": [
        (0, "Tumba Centrumförening", G, "10000", (3, 15), "Belysningsinventering och vuxennärvaro i centrum.", "booked"),
        (1, "Botkyrka Jobbcenter", MUN, "45000", (2, 15), "Coacher för unga vuxna, första halvåret.", "booked"),
        (2, "Tumba bibliotek (Kultur- och fritidsförvaltningen)", MUN, "20000", (1, 15), "Läxhjälp vårterminen.", "booked"),
        (3, "Kulturskolan (Kultur- och fritidsförvaltningen)", MUN, "15000", (9, 10), "Kulturkvällar på Tumba bruk, hösten.", "approved"),
        (1, "Botkyrka Jobbcenter", MUN, "40000", (8, 15), "Coacher för unga vuxna, andra halvåret.", "proposed"),
    ],
}

# What the effort numbers of SPENDS_2026 stand for: a word of the effort's title
# in planning.demo's 2026 plan of the group.
EFFORT_KEYS = {
    "alby": ["Sommarlov", "Trygghet", "Läxhjälp", "Jobbspår", "IOP"],
    "fittja": ["Språkcafé", "Sommarlov", "Vuxna på stan", "Jobbspår"],
    "hallunda-norsborg": ["Läsfrämjande", "Trygghet", "Natur", "Jobbspår"],
    "tullinge": ["Mötesplats", "Trafik", "Sommarlov"],
    "tumba": ["Trygg", "arbete", "Läxhjälp", "Kultur"],
}

# A tiny one-page PDF: the quote attached to a few demo requests.
QUOTE_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
    b"/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
    b"4 0 obj<</Length 60>>stream\nBT /F1 18 Tf 72 760 Td (Offert - demodata Botkyrka) Tj ET\n"
    b"endstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _aware(day: date, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _people(group):
    def holder(prefix):
        return User.objects.filter(username=f"{prefix}.{group.district.slug}").first()

    return holder("utvecklare"), holder("ordforande"), holder("ledamot"), holder("vice")


def load(out=None) -> None:
    _management_office()
    for group in AreaGroup.objects.select_related("district"):
        slug = group.district.slug
        if slug not in SPENDS_2026 or _people(group)[1] is None:
            continue
        for year in (2025, 2026):
            if Grant.objects.filter(area_group=group, year=year).exists():
                continue
            services.set_grant(group, year, amount=GRANTS[year], account_number=group.account_number,
                               decision_reference=f"KS/{year - 1}:512")
            if year == 2025:
                _year_2025(group)
            else:
                _delegations(group)
                _year_2026(group)
    if out:
        out.write("  utvecklingspengar: anslag, förslag, beslut och huvudbok 2025–2026 laddade")


def _management_office():
    """The demo reader at the management office also sets the yearly grants."""
    reader = User.objects.filter(username="lasare").first()
    if reader:
        reader.user_permissions.add(
            Permission.objects.get(codename="manage_grants", content_type__app_label="budget"))


def _propose(group, year, proposer, effort, recipient, cost_type, amount, day, description,
             attach=False):
    spend, _created = services.propose(
        proposer, group, year, effort=effort, recipient=recipient, cost_type=cost_type,
        amount=Decimal(amount), date=day, description=description,
        attachment=ContentFile(QUOTE_PDF, name="offert.pdf") if attach else "",
        proposed_at=_aware(day, 9) if day <= timezone.localdate() else timezone.now(),
    )
    return spend


def _year_2025(group):
    """Last year: most efforts carried out and paid, some money left unspent."""
    developer, chair, member, _vice = _people(group)
    for i, effort in enumerate(efforts_for(group, 2025)):
        if effort.planned_cost <= 0:
            continue
        amount = (effort.planned_cost * Decimal("0.85")).quantize(Decimal("1"))
        month = effort.start_date.month if effort.start_date else 3
        day = date(2025, month, 10)
        spend = _propose(group, 2025, developer if i % 2 else member, effort,
                         effort.organisation.name if effort.organisation else "Lokal förening",
                         CostType.MUNICIPAL if i % 3 == 0 else CostType.GOODS_SERVICES,
                         amount, day, f"{effort.title}: genomförande 2025.")
        services.approve(spend, chair, at=_aware(date(2025, month, 17)))
        services.book(spend, developer, amount=amount, on=date(2025, min(month + 1, 12), 5),
                      voucher=f"V25-{group.pk}{i:02d}", at=_aware(date(2025, min(month + 1, 12), 5)))


def _delegations(group):
    """Alby's chair delegated over the summer; Fittja's chair is away now."""
    _developer, chair, _member, vice = _people(group)
    slug = group.district.slug
    periods = {"alby": (date(2026, 7, 1), date(2026, 8, 9), "Ordförandens semester"),
               "fittja": (date(2026, 11, 16), date(2026, 12, 6), "Ordförandens tjänstledighet")}
    if slug not in periods or vice is None:
        return
    start, end, reason = periods[slug]
    delegation = Delegation(area_group=group, delegate=vice, granted_by=chair, start_date=start,
                            end_date=end, reason=reason, created_at=_aware(start.replace(day=1)))
    delegation.full_clean()
    delegation.save()


def _year_2026(group):
    developer, chair, member, vice = _people(group)
    efforts = list(efforts_for(group, 2026).order_by("position"))
    if not efforts:
        return
    today = timezone.localdate()
    for n, (pos, recipient, cost_type, amount, (month, day_of_month), description, outcome) in enumerate(
            SPENDS_2026[group.district.slug]):
        key = EFFORT_KEYS[group.district.slug][pos]
        effort = next((e for e in efforts if key.lower() in e.title.lower()), efforts[0])
        day = date(2026, month, day_of_month)
        proposer = member if n % 3 == 1 else developer
        spend = _propose(group, 2026, proposer, effort, recipient, cost_type, amount, day,
                         description, attach=n % 4 == 0)
        kind, _sep, detail = outcome.partition(":")
        if kind == "proposed":
            continue
        if kind == "delegated":
            # Decided by the vice chair while the delegation is in force (else the chair).
            delegated = vice is not None and Delegation.objects.active().filter(
                area_group=group, delegate=vice).exists()
            services.approve(spend, vice if delegated else chair, at=timezone.now())
            continue
        if kind == "withdrawn":
            services.withdraw(spend, proposer)
            continue
        decided_on = min(date(2026, month, min(day_of_month + 5, 28)), today)
        if kind == "rejected":
            services.reject(spend, chair, reason=detail, at=_aware(decided_on))
            continue
        services.approve(spend, chair, paragraph=f"§ {10 + n}/2026" if n % 2 == 0 else "",
                         at=_aware(decided_on))
        if kind == "cancelled":
            services.cancel(spend, chair, reason=detail, at=_aware(min(decided_on.replace(day=28), today)))
            continue
        if kind == "approved":
            continue
        paid = Decimal(detail) if kind == "booked" and detail else spend.amount
        booked_on = min(date(2026, min(month + 1, 12), 3), today)
        services.book(spend, developer, amount=paid, on=booked_on,
                      voucher=f"V26-{group.pk}{n:02d}", at=_aware(booked_on, 14))
        if kind == "corrected":
            right, _sep, reason = detail.partition(":")
            corrected_on = min(date(2026, min(month + 2, 12), 10), today)
            services.correct_booking(spend, developer, amount=Decimal(right), reason=reason,
                                     on=corrected_on, voucher=f"V26-{group.pk}{n:02d}K",
                                     at=_aware(corrected_on, 11))
