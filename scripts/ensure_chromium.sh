#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (Playwright's own download does not
# work here). Install it when we may; otherwise the browser tests skip and say why.
set -uo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installerar Chromium för webbläsartesterna ..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
        || echo "Chromium kunde inte installeras; webbläsartesterna hoppas över." >&2
else
    echo "Chromium saknas (/usr/bin/chromium) och vi är inte root; webbläsartesterna hoppas över." >&2
fi
exit 0
