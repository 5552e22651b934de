"""qualitytui: read and investigate Chinese policy news in a terminal."""

__version__ = "0.1.0"
