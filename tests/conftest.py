"""Test settings: hypothesis without per-example deadlines, so a slow CI machine is not flaky.

The ``mutation`` profile (``--hypothesis-profile=mutation``, chosen by scripts/mutation.py) runs
fewer, fixed examples, so that every mutant meets the same inputs and a campaign is repeatable.
"""

from hypothesis import settings

settings.register_profile("emn", deadline=None, print_blob=True)
settings.register_profile(
    "mutation", deadline=None, max_examples=25, derandomize=True, database=None
)
settings.load_profile("emn")
