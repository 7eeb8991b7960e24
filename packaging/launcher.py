"""Entry point of the frozen bundle."""

from atelier.cli import main

raise SystemExit(main())
