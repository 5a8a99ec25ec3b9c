#!/usr/bin/env bash
# The workbook checked by a real spreadsheet engine: installs LibreOffice Calc from Debian's
# packages when `soffice` is missing, then runs the Python workbook tests with LibreOffice
# required (every formula of every vector's workbook recalculated from scratch must equal the
# engine's value within 0.01; openpyxl reads sheets, headers and values; round trips).
# Run from anywhere: bash scripts/test-xlsx.sh (--install-only: just make sure soffice exists).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v soffice >/dev/null 2>&1; then
    echo "== installing LibreOffice Calc (apt-get install libreoffice-calc)"
    sudo_=""
    [ "$(id -u)" -eq 0 ] || sudo_="sudo"
    $sudo_ apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends libreoffice-calc >/dev/null
fi
soffice --version
[ "${1:-}" = "--install-only" ] && exit 0

SAMKALK_REQUIRE_SOFFICE=1 bash py/test.sh -k test_excel
