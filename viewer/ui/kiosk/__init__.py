"""Kiosk mode: an unattended touch screen that a visitor cannot leave and that starts again by itself."""
