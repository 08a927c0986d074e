"""manage.py generate_motions N [--seed S]: realistic motions for benchmarks and demos."""

from django.core.management.base import BaseCommand, CommandError

from motions.generator import Generator
from motions.models import MotionStatus


class Command(BaseCommand):
    help = (
        "Create N realistic motions over the last three years, with the assembly's meetings, "
        "public holidays and a follow-up in every status (some overdue)."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many motions to create.")
        parser.add_argument("--seed", type=int, default=None, help="Repeatable randomness.")

    def handle(self, *args, count, seed, **options):
        if count < 1:
            raise CommandError("N must be at least 1.")
        summary = Generator(count, seed=seed).run()
        write = self.stdout.write
        if summary.municipality_created:
            write("Created the demo municipality “Örnek Belediyesi”.")
        write(
            f"Created {summary.created} motions with {summary.events} events "
            f"in {summary.seconds:.1f} s."
        )
        write(
            f"Calendar: {summary.meetings_created} assembly meetings and "
            f"{summary.holidays_created} public holidays added; "
            f"{summary.topics_created} topics added."
        )
        write(f"Overdue: {summary.overdue}; due date still estimated: {summary.estimated}.")
        for status in MotionStatus:
            write(f"  {status.value:<18} {summary.by_status.get(status.value, 0):>6}")
        self.stdout.write(self.style.SUCCESS("Done."))
