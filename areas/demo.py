"""The real structure of Botkyrka's area development, and demo people.

``load_structure()`` is real data (the six districts, the five area groups,
the administrations and a few local actors) and may run anywhere.
``load_people()`` creates demo logins (password ``demo``) and is only ever
called with DEBUG on (see the ``load_demo`` command). Both are idempotent:
rows are created when missing and never touched when present.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from areas.forms import username_base
from areas.models import (
    AreaGroup,
    District,
    Membership,
    Organisation,
    Person,
    Role,
    WorkingGroup,
    WorkingGroupMember,
)

User = get_user_model()
DEMO_PASSWORD = "demo"

DISTRICTS = [
    # slug, name, area group?, BK-nummer, description
    (
        "alby",
        "Alby",
        True,
        "BK 1201",
        "Stadsdel i norra Botkyrka med omkring 13 000 invånare, miljonprogramsbebyggelse och Albysjön.",
    ),
    (
        "fittja",
        "Fittja",
        True,
        "BK 1202",
        "Stadsdel vid Mälaren med omkring 8 000 invånare och en av Sveriges yngsta befolkningar.",
    ),
    (
        "hallunda-norsborg",
        "Hallunda-Norsborg",
        True,
        "BK 1203",
        "Stadsdel med omkring 17 000 invånare, Hallunda centrum och Eriksbergs naturreservat.",
    ),
    (
        "tullinge",
        "Tullinge",
        True,
        "BK 1204",
        "Stadsdel i östra Botkyrka med omkring 17 000 invånare, mest småhus och villor.",
    ),
    (
        "tumba",
        "Tumba",
        True,
        "BK 1205",
        "Kommunens centralort med omkring 22 000 invånare, kommunhuset och Tumba bruk.",
    ),
    (
        "varsta-grodinge",
        "Vårsta-Grödinge",
        False,
        "",
        "Landsbygd och tätorten Vårsta i södra Botkyrka; stadsdelen har dialogforum men ingen områdesgrupp.",
    ),
]

ADMINISTRATIONS = [
    ("Kommunledningsförvaltningen", "KLF"),
    ("Utbildningsförvaltningen", "UF"),
    ("Socialförvaltningen", "SOF"),
    ("Kultur- och fritidsförvaltningen", "KOF"),
    ("Samhällsbyggnadsförvaltningen", "SBF"),
    ("Arbetsmarknads- och vuxenutbildningsförvaltningen", "AVUX"),
    ("Vård- och omsorgsförvaltningen", "VOF"),
    ("Serviceförvaltningen", "SEF"),
]

LOCAL_ACTORS = [
    ("AB Botkyrkabyggen", "Botkyrkabyggen"),
    ("Polisen, lokalpolisområde Botkyrka", "Polisen"),
    ("Södertörns brandförsvarsförbund", "SBFF"),
    ("Hyresgästföreningen Botkyrka", "HGF"),
]

# Per area group: (first, last) for chair, vice chair, area developer, secretary,
# the member with a login, and the further members (no login) with their administration.
PEOPLE = {
    "alby": {
        "chair": ("Maria", "Lindqvist", "SOF", "Socialchef"),
        "vice": ("Ahmed", "Yousef", "KOF", "Verksamhetschef fritid"),
        "developer": ("Sara", "Nilsson", "KLF", "Områdesutvecklare, Medborgarkontoret Alby"),
        "secretary": ("Leyla", "Demir", "KLF", "Samhällsvägledare, Medborgarkontoret Alby"),
        "member": ("Johan", "Berg", "UF", "Rektor, Albyskolan"),
        "others": [
            ("Elin", "Sandberg", "SBF", "Planarkitekt"),
            ("Mikael", "Öberg", "AVUX", "Enhetschef Botkyrka Jobbcenter"),
            ("Hanna", "Al-Khalil", "VOF", "Biståndshandläggare"),
            ("Peter", "Ekström", "Botkyrkabyggen", "Områdeschef Alby"),
            ("Anna", "Kowalski", "Polisen", "Kommunpolis"),
        ],
        "substitutes": [
            ("Linnea", "Holm", "UF", "Biträdande rektor"),
            ("Daniel", "Aziz", "KOF", "Fritidsgårdsföreståndare"),
        ],
    },
    "fittja": {
        "chair": ("Lars", "Håkansson", "KOF", "Kultur- och fritidschef"),
        "vice": ("Fatima", "Osman", "UF", "Förskolechef"),
        "developer": ("Erik", "Johansson", "KLF", "Områdesutvecklare, Medborgarkontoret Fittja"),
        "secretary": ("Amira", "Hassan", "KLF", "Samhällsvägledare, Medborgarkontoret Fittja"),
        "member": ("Karin", "Persson", "SOF", "Enhetschef öppenvård"),
        "others": [
            ("Tomas", "Wallin", "SBF", "Trafikplanerare"),
            ("Nadia", "Rahimi", "AVUX", "Studie- och yrkesvägledare"),
            ("Göran", "Falk", "Botkyrkabyggen", "Områdeschef Fittja"),
            ("Jenny", "Lund", "Polisen", "Kommunpolis"),
        ],
        "substitutes": [("Omar", "Farah", "SOF", "Socialsekreterare")],
    },
    "hallunda-norsborg": {
        "chair": ("Helena", "Strand", "UF", "Utbildningsdirektör"),
        "vice": ("Mehmet", "Yilmaz", "SOF", "Enhetschef barn och unga"),
        "developer": ("Jonas", "Eriksson", "KLF", "Områdesutvecklare, Medborgarkontoret Hallunda"),
        "secretary": ("Sofia", "Ramírez", "KLF", "Samhällsvägledare, Medborgarkontoret Hallunda"),
        "member": ("Ingrid", "Åberg", "KOF", "Bibliotekschef Hallunda"),
        "others": [
            ("Patrik", "Sjöberg", "SBF", "Stadsbyggnadsstrateg"),
            ("Aisha", "Mohamed", "AVUX", "Arbetsmarknadskonsulent"),
            ("Viktor", "Lindgren", "VOF", "Enhetschef hemtjänst"),
            ("Marie", "Fransson", "Botkyrkabyggen", "Områdeschef Hallunda-Norsborg"),
        ],
        "substitutes": [("Kristina", "Borg", "KOF", "Bibliotekarie")],
    },
    "tullinge": {
        "chair": ("Per", "Gustafsson", "SBF", "Samhällsbyggnadsdirektör"),
        "vice": ("Cecilia", "Wikström", "UF", "Rektor, Tullinge gymnasium"),
        "developer": ("Malin", "Ek", "KLF", "Områdesutvecklare, Medborgarkontoret Tumba"),
        "secretary": ("Rebecka", "Olofsson", "KLF", "Samhällsvägledare"),
        "member": ("Anders", "Nyberg", "KOF", "Fritidschef"),
        "others": [
            ("Eva", "Lindberg", "SOF", "Enhetschef försörjningsstöd"),
            ("Stefan", "Hedlund", "VOF", "Verksamhetschef äldreomsorg"),
            ("Emma", "Karlsson", "Polisen", "Kommunpolis"),
        ],
        "substitutes": [],
    },
    "tumba": {
        "chair": ("Björn", "Sundqvist", "AVUX", "Förvaltningschef AVUX"),
        "vice": ("Zeynep", "Kaya", "SOF", "Enhetschef förebyggande"),
        "developer": ("Ulrika", "Mattsson", "KLF", "Områdesutvecklare, Medborgarkontoret Tumba"),
        "secretary": ("Hiba", "Saleh", "KLF", "Samhällsvägledare, Medborgarkontoret Tumba"),
        "member": ("Magnus", "Forsberg", "UF", "Rektor, Tumba gymnasium"),
        "others": [
            ("Lena", "Björk", "KOF", "Kulturstrateg"),
            ("Robert", "Engström", "SBF", "Projektledare Tumba centrum"),
            ("Sanna", "Lilja", "SEF", "Fastighetsförvaltare"),
            ("Gustav", "Molin", "Botkyrkabyggen", "Områdeschef Tumba"),
        ],
        "substitutes": [("Alva", "Ström", "UF", "Biträdande rektor")],
    },
}

WORKING_GROUPS = {
    "alby": [
        ("Trygg i Alby centrum", "Trygghet i centrum och vid tunnelbanan"),
        ("Sommarlov i Alby", "Lovaktiviteter för barn och unga"),
    ],
    "fittja": [
        ("Fittja centrum och Fittja gård", "Mötesplatser och centrumutveckling"),
        ("Föreningsliv i Fittja", "Stöd till föreningar och eldsjälar"),
    ],
    "hallunda-norsborg": [
        ("Hallunda centrum", "Trygghet och handel i centrum"),
        ("Språk och läsning", "Läsfrämjande för barn och föräldrar"),
    ],
    "tullinge": [
        ("Unga i Tullinge", "Mötesplatser för unga"),
        ("Tullinge centrum", "Centrumutveckling och trafik"),
    ],
    "tumba": [
        ("Tumba centrum", "Trygghet och trivsel i centrum"),
        ("Vägar till arbete", "Unga vuxna till arbete och studier"),
    ],
}

SEATS_START = date(2025, 1, 1)

# Members whose seats ended before today's seats began (history, not today's truth).
FORMER_MEMBERS = {
    "alby": ("Bengt", "Ljung"),
    "fittja": ("Agneta", "Roos"),
    "hallunda-norsborg": ("Yusuf", "Celik"),
    "tullinge": ("Gunilla", "Dahl"),
    "tumba": ("Kjell", "Bergman"),
}


def load_structure(out=None) -> None:
    for order, (slug, name, has_group, account, description) in enumerate(DISTRICTS):
        district, _ = District.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order, "description": description}
        )
        if has_group:
            AreaGroup.objects.get_or_create(
                district=district,
                defaults={"name": f"Områdesgruppen {name}", "account_number": account},
            )
    for name, short in ADMINISTRATIONS:
        Organisation.objects.get_or_create(
            name=name, defaults={"short_name": short, "kind": Organisation.Kind.ADMINISTRATION}
        )
    for name, short in LOCAL_ACTORS:
        Organisation.objects.get_or_create(
            name=name, defaults={"short_name": short, "kind": Organisation.Kind.LOCAL_ACTOR}
        )


def _org(short):
    return Organisation.objects.get(short_name=short)


def _person(username, first, last, org_short, title, login: bool):
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": f"{username.replace('-', '.')}@demo.botkyrka.se",
        },
    )
    if created:
        if login:
            user.set_password(DEMO_PASSWORD)
        else:
            user.set_unusable_password()
        user.save(update_fields=["password"])
    Person.objects.get_or_create(
        user=user, defaults={"title": title, "organisation": _org(org_short)}
    )
    return user


def _seat(user, group, role, org_short, start=SEATS_START, end=None, substitute=None):
    seat = Membership.objects.filter(
        person=user, area_group=group, role=role, start_date=start
    ).first()
    if seat is None:
        seat = Membership(
            person=user,
            area_group=group,
            role=role,
            start_date=start,
            end_date=end,
            organisation=_org(org_short) if org_short else None,
            substitute=substitute,
        )
        seat.full_clean()  # the demo obeys the guidelines' rules too
        seat.save()
    return seat


def load_people(out=None) -> list[tuple[str, str]]:
    """Demo people and their seats. Returns the logins as (username, description)."""
    logins = []
    for slug, spec in PEOPLE.items():
        group = AreaGroup.objects.get(district__slug=slug)
        district = group.district.name

        def login(role_key, username, _spec=spec):
            first, last, org, title = _spec[role_key]
            return _person(username, first, last, org, title, login=True), org

        chair, chair_org = login("chair", f"ordforande.{slug}")
        vice, vice_org = login("vice", f"vice.{slug}")
        developer, _ = login("developer", f"utvecklare.{slug}")
        secretary, _ = login("secretary", f"sekreterare.{slug}")
        member, member_org = login("member", f"ledamot.{slug}")

        subs = {}
        for first, last, org, title in spec["substitutes"]:
            subs[org] = _person(
                username_base(first, last), first, last, org, title, login=False
            )

        _seat(chair, group, Role.CHAIR, chair_org)
        _seat(vice, group, Role.MEMBER, vice_org, substitute=subs.get(vice_org))
        _seat(vice, group, Role.VICE_CHAIR, vice_org)
        _seat(developer, group, Role.DEVELOPER, None)
        _seat(secretary, group, Role.SECRETARY, None)
        _seat(member, group, Role.MEMBER, member_org, substitute=subs.get(member_org))
        for i, (first, last, org, title) in enumerate(spec["others"]):
            user = _person(username_base(first, last), first, last, org, title, login=False)
            # Some seats began later than the group's, as real appointments do.
            start = date(2025, 1, 1) if i % 2 == 0 else date(2025, 8, 18)
            _seat(user, group, Role.MEMBER, org, start=start, substitute=subs.get(org))

        # A former member: history, not today's truth.
        first, last = FORMER_MEMBERS[slug]
        former = _person(
            username_base(first, last),
            first,
            last,
            "VOF",
            "Enhetschef (tidigare ledamot)",
            login=False,
        )
        _seat(former, group, Role.MEMBER, "VOF", start=date(2023, 1, 1), end=date(2024, 12, 31))

        _working_groups(group, [chair, vice, developer, member] + [u for u in subs.values()])

        for role_label, username in [
            ("Områdesutvecklare", f"utvecklare.{slug}"),
            ("Ordförande", f"ordforande.{slug}"),
            ("Vice ordförande (och ledamot)", f"vice.{slug}"),
            ("Sekreterare", f"sekreterare.{slug}"),
            ("Ledamot", f"ledamot.{slug}"),
        ]:
            logins.append((username, f"{role_label}, {district}"))

    reader = _person(
        "lasare",
        "Karl",
        "Wennberg",
        "KLF",
        "Utvecklingsstrateg, Kommunledningsförvaltningen",
        login=True,
    )
    reader.user_permissions.add(
        Permission.objects.get(codename="read_all_groups", content_type__app_label="areas")
    )
    logins.append(("lasare", "Läsare i kommunledningsförvaltningen (läser alla stadsdelar)"))

    admin, created = User.objects.get_or_create(
        username="admin",
        defaults={
            "first_name": "Systemförvaltare",
            "last_name": "Botkyrka",
            "email": "admin@demo.botkyrka.se",
            "is_staff": True,
            "is_superuser": True,
        },
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save(update_fields=["password"])
    logins.append(("admin", "Administratör (superuser)"))
    return logins


def _working_groups(group, people):
    slug = group.district.slug
    network, created = WorkingGroup.objects.get_or_create(
        area_group=group,
        kind=WorkingGroup.Kind.NETWORK,
        defaults={
            "name": f"Nätverksgruppen {group.district.name}",
            "focus": "Barn, unga och trygghet",
            "description": "Samordnar insatser för barn, ungdomar och trygghet. "
            "Områdesutvecklaren samordnar arbetet.",
        },
    )
    groups = [network]
    for name, focus in WORKING_GROUPS[slug]:
        wg, _ = WorkingGroup.objects.get_or_create(
            area_group=group,
            name=name,
            defaults={"focus": focus, "kind": WorkingGroup.Kind.WORKING},
        )
        groups.append(wg)
    for i, wg in enumerate(groups):
        for j, user in enumerate(people[i % 2 : i % 2 + 3]):
            WorkingGroupMember.objects.get_or_create(
                working_group=wg,
                person=user,
                start_date=SEATS_START,
                defaults={
                    "organisation": getattr(user.person, "organisation", None),
                    "is_lead": j == 0,
                },
            )
