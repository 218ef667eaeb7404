"""sitrep: sourced situation reports from raw news articles."""

__version__ = "0.1.0"
