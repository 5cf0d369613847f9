"""Settings for the whole suite.

Hypothesis deadlines and its "too slow" health check are timing assertions: on a loaded
machine they fail tests whose behaviour is right. psed measures speed with the scripts in
``benchmarks/``, never with timed tests, so both are off for every property test.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile(
    "psed", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile("psed")
