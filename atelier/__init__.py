"""Atelier: digital-literacy workshops for seniors — the Qt-free core."""

__version__ = "0.1.0"
