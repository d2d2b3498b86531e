"""Clean (fault-free) measurements of one station: levels × activity × weather × noise,
plus multi-hour exceedance episodes. Vectorised over all slots and params at once."""

from __future__ import annotations

import numpy as np

from simulators.env_monitoring import profiles
from simulators.env_monitoring.parameters import EPISODE_HOURS, EPISODE_RATE_PER_DAY, EPISODES, ParamSpec
from simulators.env_monitoring.timeline import Timeline

DRY_SEASON_MONTHS = {12, 1, 2, 3, 4}  # Binh Duong's dry season: worse air, no rain washout


def regional_air_weather(timeline: Timeline, rng: np.random.Generator) -> np.ndarray:
    """Day factor shared by all air stations (stagnant days are bad everywhere), so a few
    station-days exceed the QCVN 05 24-h PM2.5 limit together."""
    season = np.where(np.isin(timeline.month_of_day, list(DRY_SEASON_MONTHS)), 1.15, 0.95)
    return season * rng.lognormal(0.0, 0.25, timeline.days)


def smooth_noise(rng: np.random.Generator, n_hours: int, n_params: int, timeline: Timeline) -> np.ndarray:
    """Unit-variance AR(1) noise at hourly steps, interpolated to 5-minute slots."""
    phi = 0.7
    shocks = rng.standard_normal((n_hours + 1, n_params))
    hourly = np.empty_like(shocks)
    hourly[0] = shocks[0]
    for h in range(1, n_hours + 1):  # n_hours iterations of a vector op: cheap
        hourly[h] = phi * hourly[h - 1] + np.sqrt(1 - phi**2) * shocks[h]
    position = np.arange(timeline.n_slots) / 12.0
    return np.column_stack([np.interp(position, np.arange(n_hours + 1), hourly[:, p]) for p in range(n_params)])


def episode_envelope(rng: np.random.Generator, timeline: Timeline, rate_per_day: float) -> list[tuple[np.ndarray, int]]:
    """Episodes as (0..1 envelope with 30-minute ramps, episode kind index) pairs."""
    n = timeline.n_slots
    episodes = []
    for _ in range(rng.poisson(rate_per_day * timeline.days)):
        start = int(rng.integers(0, n))
        length = int(rng.integers(EPISODE_HOURS[0] * 12, EPISODE_HOURS[1] * 12 + 1))
        slots = np.arange(n)
        ramp = 6.0
        envelope = np.clip(np.minimum(slots - start + 1, start + length - slots) / ramp, 0.0, 1.0)
        episodes.append((envelope, int(rng.integers(0, 1 << 30))))
    return episodes


def clean_values(
    station_type: str,
    specs: list[ParamSpec],
    column: str | None,
    timeline: Timeline,
    rng: np.random.Generator,
    air_weather: np.ndarray,
) -> np.ndarray:
    """Shape (n_slots, n_params) of plausible values before any fault is injected."""
    n_params = len(specs)
    hour, sunday, day = timeline.hour, timeline.is_sunday, timeline.day
    station_scale = rng.lognormal(0.0, 0.12)
    day_factor = rng.lognormal(0.0, 0.12 if station_type == "ambient_air" else 0.07, timeline.days)
    if station_type == "ambient_air":
        day_factor = day_factor * air_weather
    noise = smooth_noise(rng, timeline.days * 24, n_params, timeline)
    white = rng.standard_normal((timeline.n_slots, n_params))

    values = np.empty((timeline.n_slots, n_params))
    for p, spec in enumerate(specs):
        typical = spec.typical(column)
        if spec.additive:
            values[:, p] = (
                typical + profiles.offset(spec.profile, hour) + spec.noise * (noise[:, p] + 0.3 * white[:, p])
            )
        else:
            activity = profiles.multiplier(spec.profile, hour, sunday)
            values[:, p] = (
                typical
                * station_scale
                * day_factor[day]
                * activity
                * np.exp(spec.noise * noise[:, p] + 0.04 * white[:, p])
            )

    _apply_episodes(values, station_type, specs, column, timeline, rng, station_scale)
    return values


def _apply_episodes(values, station_type, specs, column, timeline, rng, station_scale) -> None:
    kinds = EPISODES[station_type]
    index = {s.symbol: i for i, s in enumerate(specs)}
    for envelope, pick in episode_envelope(rng, timeline, EPISODE_RATE_PER_DAY[station_type]):
        episode = kinds[pick % len(kinds)]
        for symbol, (low, high) in episode.targets.items():
            p, spec = index[symbol], specs[index[symbol]]
            target = rng.uniform(low, high) * (spec.limit[column] if spec.limit else 1.0)
            if spec.additive:
                values[:, p] += envelope * (target - spec.typical(column))
            else:
                usual = spec.typical(column) * station_scale
                values[:, p] *= 1.0 + envelope * (target / usual - 1.0)
