"""Sections that the layer above the apps adds to planning's document pages.

planning stands on areas alone, yet the annual report shows the year's budget
outcome (riktlinjerna: the annual report covers the execution of the plan *and
of the budget*), which the budget app keeps. The composition layer
(``omradesutveckling``) registers a provider for it when the project starts
(``omradesutveckling.apps``); a document page renders whatever is registered,
each section with its own template. Nothing in planning imports budget.
"""

from collections.abc import Callable

_providers: list[Callable] = []


def register_document_section(provider: Callable) -> None:
    """``provider(document)`` returns a section (a dict with its ``template``)
    or ``None`` when it has nothing for that document."""
    if provider not in _providers:
        _providers.append(provider)


def document_sections(document) -> list[dict]:
    """The sections registered providers add to a document, in registration order."""
    return [section for provider in _providers if (section := provider(document))]
