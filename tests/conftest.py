"""Test settings: hypothesis without per-example deadlines, so a slow CI machine is not flaky."""

from hypothesis import settings

settings.register_profile("emn", deadline=None, print_blob=True)
settings.load_profile("emn")
