"""Settings for the whole suite.

Hypothesis deadlines and its "too slow" health check are timing assertions: on a loaded
machine they fail tests whose behaviour is right. psed measures speed with the scripts in
``benchmarks/``, never with timed tests, so both are off for every property test.

In CI (``CI=true``) the examples are derandomised: a run is repeatable, and a failure it
shows is shown again by the next run of the same commit. Locally every run explores
new examples (and keeps failures in Hypothesis's database).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("psed", deadline=None, suppress_health_check=_QUIET)
settings.register_profile(
    "psed-ci", deadline=None, suppress_health_check=_QUIET, derandomize=True, database=None
)
settings.load_profile("psed-ci" if os.environ.get("CI") == "true" else "psed")
