#!/usr/bin/env bash
# Build the front-end: GOV.UK Frontend Sass compiled with Dart Sass, and its JavaScript.
# Output goes to rhi_assistant/static/build/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules/govuk-frontend ] || [ ! -d node_modules/sass ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
out=rhi_assistant/static/build
rm -rf "$out"
mkdir -p "$out/assets"
npx sass --load-path=node_modules --style=compressed --quiet-deps --no-source-map \
  rhi_assistant/static/scss/app.scss "$out/app.css"
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$out/govuk-frontend.min.js"
# Fonts and icons only: the crown and GOV.UK logo images are never served.
if [ -d node_modules/govuk-frontend/dist/govuk/assets/images ]; then
  mkdir -p "$out/assets/images"
  find node_modules/govuk-frontend/dist/govuk/assets/images -maxdepth 1 -type f \
    ! -name '*crown*' ! -name '*crest*' ! -name '*govuk-logo*' ! -name 'govuk-icon*' ! -name 'favicon*' \
    ! -name '*opengraph*' -exec cp {} "$out/assets/images/" \;
fi
echo "Built $(du -k "$out/app.css" | cut -f1) KB of CSS into $out"
