"""The ``eventwire`` command line. Each command lives in its own module and registers itself on ``app``."""

from __future__ import annotations

import importlib
import sys

from .app import app, run_app

# Command modules, in the order their commands appear in --help.
COMMAND_MODULES = ("code", "batch", "evaluate", "info", "store", "serve", "actors", "positions", "stories", "quotes")

for _name in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}")


def main() -> None:
    """Console-script entry point."""
    sys.exit(run_app(app))
