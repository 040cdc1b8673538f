#!/usr/bin/env bash
# Create .venv and install the project (and, with --test, what the tests need).
set -euo pipefail
cd "$(dirname "$0")/.."
quiet() { grep -v -E "^WARNING: Location '.*' is ignored" || true; }
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip 2>&1 | quiet
if [ "${1:-}" = "--test" ]; then
  .venv/bin/python -m pip install --quiet -e ".[test]" 2>&1 | quiet
else
  .venv/bin/python -m pip install --quiet -e . 2>&1 | quiet
fi
bash scripts/build_assets.sh
# Compiled catalogues (.mo) are build output: made here, never committed. Fuzzy
# entries are merge guesses, not translations, so they are not compiled.
bash scripts/translations compile
# The NLP matcher's compiled tables (rhi_assistant/nlp/__pycache__, like bytecode) are
# build output too: made here so the first load is as quick as the others.
.venv/bin/python -c "from rhi_assistant.nlp.pipeline import get_engine; get_engine()"
