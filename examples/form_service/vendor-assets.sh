#!/usr/bin/env bash
# Vendor GOV.UK Frontend into static/ from its npm package, so the service serves every
# asset itself (no CDN). Run it from anywhere; it needs node and npm, and writes only
# static/govuk-frontend.min.css, static/govuk-frontend.min.js and static/VERSION.
#
#   examples/form_service/vendor-assets.sh            # the version below
#   GOVUK_FRONTEND_VERSION=6.3.0 examples/form_service/vendor-assets.sh
#
# The version matches the one govuk-frontend-jinja's macros are written for.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="${GOVUK_FRONTEND_VERSION:-6.3.0}"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
npm install --prefix "$build" --no-save --no-package-lock --no-audit --no-fund \
  "govuk-frontend@$version" "sass@^1.80" >/dev/null 2>&1
"$build/node_modules/.bin/sass" --no-source-map --style=compressed --quiet \
  --load-path="$build/node_modules" "$here/assets/service.scss" "$here/static/govuk-frontend.min.css"
# The script without its source-map comment (the map is not vendored).
sed 's|//# sourceMappingURL=[^ ]*$||' "$build/node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js" \
  >"$here/static/govuk-frontend.min.js"
printf 'govuk-frontend %s (MIT licence; images and text Crown copyright)\n' "$version" \
  >"$here/static/VERSION"
echo "GOV.UK Frontend $version vendored into $here/static"
