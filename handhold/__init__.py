"""Handhold: a consent-first guide for two adults exploring something new together."""

__version__ = "0.1.0"
