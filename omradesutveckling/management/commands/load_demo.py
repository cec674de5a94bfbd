from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from areas import demo
from budget import demo as budget_demo
from omradesutveckling.structure import load_structure
from planning import demo as planning_demo

# Each app that has demo content adds its loader here, in dependency order.
# A loader has ``load(out)`` and runs after the areas structure and people.
APP_LOADERS = [planning_demo, budget_demo]


class Command(BaseCommand):
    help = (
        "Laddar Botkyrkas struktur (stadsdelar, områdesgrupper, förvaltningar) och "
        "demopersoner med inloggningar (lösenord 'demo'). Kan köras flera gånger. "
        "Vägrar när DEBUG är av, så att demokonton aldrig når produktion."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Demodata med inloggningar skapas bara när DEBUG är på. I produktion: "
                "'python manage.py load_structure' laddar stadsdelar, områdesgrupper och "
                "förvaltningar utan några konton."
            )
        with transaction.atomic():
            load_structure()
            logins = demo.load_people()
            for loader in APP_LOADERS:
                loader.load(self.stdout)

        self.stdout.write(self.style.SUCCESS("Demodata laddad. Inloggningar (lösenord: demo):"))
        width = max(len(u) for u, _ in logins)
        for username, description in logins:
            self.stdout.write(f"  {username.ljust(width)}  {description}")
