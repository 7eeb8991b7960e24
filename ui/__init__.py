"""The Qt program. The core (atelier/) never imports this package."""
