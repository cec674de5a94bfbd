from django.core.management.base import BaseCommand

from areas import demo


class Command(BaseCommand):
    help = "Laddar stadsdelar, områdesgrupper, förvaltningar och lokala aktörer (inga konton)."

    def handle(self, *args, **options):
        demo.load_structure()
        self.stdout.write(self.style.SUCCESS("Strukturen är laddad."))
