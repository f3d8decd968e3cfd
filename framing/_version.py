"""The package version: one place, read by pyproject.toml and written into every report."""

__version__ = "0.3.0"
