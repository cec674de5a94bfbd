from django.core.management.base import BaseCommand

from trust.personal_data import anonymise, due_for_anonymisation


class Command(BaseCommand):
    help = (
        "Anonymise people who left every group more than ANONYMISE_AFTER_DAYS ago "
        "(name and contact details replaced; documents, decisions and history stay)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None,
                            help="Override ANONYMISE_AFTER_DAYS for this run.")
        parser.add_argument("--dry-run", action="store_true", help="List, change nothing.")

    def handle(self, *args, days=None, dry_run=False, **options):
        due = due_for_anonymisation(days=days)
        for user, left_on in due:
            if dry_run:
                self.stdout.write(f"would anonymise user {user.pk} (left {left_on})")
            else:
                anonymise(user, left_on)
                self.stdout.write(f"anonymised user {user.pk} (left {left_on})")
        self.stdout.write(f"{len(due)} {'due' if dry_run else 'anonymised'}")
