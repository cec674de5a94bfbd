"""Botkyrka's structure as every app needs it, in production too: the districts,
area groups, administrations and local actors (areas), then the statistics'
area codes of each district (planning). No accounts."""

from areas import demo as area_demo
from planning import area_codes


def load_structure() -> None:
    area_demo.load_structure()
    area_codes.load_structure()
