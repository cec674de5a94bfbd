from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from areas import demo

# Each app that has demo content adds its loader here, in dependency order.
# A loader is a module with ``load(out)``, run after the areas structure and people.
APP_LOADERS: list[str] = ["planning.demo", "budget.demo"]


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
            demo.load_structure()
            logins = demo.load_people()
            for path in APP_LOADERS:
                import_module(path).load(self.stdout)

        self.stdout.write(self.style.SUCCESS("Demodata laddad. Inloggningar (lösenord: demo):"))
        width = max(len(u) for u, _ in logins)
        for username, description in logins:
            self.stdout.write(f"  {username.ljust(width)}  {description}")
