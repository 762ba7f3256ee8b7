"""School device inventory: audit, sync and report a city's school IT devices."""

__version__ = "0.1.0"
