from django.core.management.base import BaseCommand

from education.services import load_library


class Command(BaseCommand):
    help = (
        "Load the shipped knee library (conditions, exercises, articles, programme "
        "templates). Safe to run again: items are matched by slug and brought up to date."
    )

    def handle(self, *args, **options):
        counts = load_library()
        self.stdout.write(
            self.style.SUCCESS(
                "Library loaded: {conditions} conditions, {exercises} exercises, "
                "{articles} articles, {programmes} programme templates.".format(**counts)
            )
        )
