from django.apps import AppConfig


class DialogueConfig(AppConfig):
    """Dialogue forums (the dialogue issue, next wave). The app exists so that the
    layout of the design card is in place; it has no models or pages yet."""

    name = "dialogue"
    verbose_name = "Dialogforum"
