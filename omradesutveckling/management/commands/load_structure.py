from django.core.management.base import BaseCommand

from omradesutveckling.structure import load_structure


class Command(BaseCommand):
    help = "Laddar stadsdelar, områdesgrupper, förvaltningar och lokala aktörer (inga konton)."

    def handle(self, *args, **options):
        load_structure()
        self.stdout.write(self.style.SUCCESS("Strukturen är laddad."))
