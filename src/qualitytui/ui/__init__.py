"""The Textual app: screens route, widgets render; all text processing lives in qualitytui.core."""
