#!/usr/bin/env bash
# WeasyPrint needs Pango (and its HarfBuzz/fontconfig). Say what is missing,
# and install it with apt when we run as root.
set -euo pipefail
missing=()
ldconfig -p 2>/dev/null | grep -q "libpango-1.0.so" || missing+=(libpango-1.0-0)
ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so" || missing+=(libpangoft2-1.0-0)
ldconfig -p 2>/dev/null | grep -q "libharfbuzz-subset.so" || missing+=(libharfbuzz-subset0)
fc-list 2>/dev/null | grep -qi "dejavu" || missing+=(fonts-dejavu-core)
if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installerar systembibliotek för WeasyPrint: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
    echo "WeasyPrint (PDF) behöver systembiblioteken: ${missing[*]}" >&2
    echo "Installera dem med: sudo apt-get install ${missing[*]}" >&2
    exit 1
fi
