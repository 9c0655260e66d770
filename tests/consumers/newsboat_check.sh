#!/usr/bin/env bash
# Fetch a feed with newsboat, headless, and print what it stored as one JSON object.
#
# Usage: tests/consumers/newsboat_check.sh URL|FEED_FILE|-
#   URL        http://, https:// or file:// (e.g. a local server on 127.0.0.1)
#   FEED_FILE  a local file, read through a file:// URL
#   -          the feed on stdin (copied to a temporary file first)
#
# Needs newsboat (apt-get install -y newsboat) and either the sqlite3 CLI or /usr/bin/python3.
# Runs `newsboat -u urls -c cache.db -C config -x reload` in a throwaway directory (HOME too, so
# nothing is written to the caller's ~/.newsboat), logging at level 3 (errors).
#
# Prints {"ok":true,"items":N,"title":"...","url":"..."} and exits 0 when newsboat stored the feed.
# Exits 1, with the reason on stderr, when newsboat failed: newsboat's exit code is 0 even when a
# download or parse fails during `-x reload`; the failure shows only as ERROR/USERERROR/CRITICAL
# lines in its log (e.g. "USERERROR: Error while retrieving URL: XML root node is NULL"), and as no
# row for the feed in the cache. Exits 2 on bad usage or missing tools.
# Note: newsboat parses with libxml2 in recover mode, so XML that is not well-formed is usually
# accepted silently (a raw "&" is dropped from the text); do not use it to detect malformed XML.
set -euo pipefail

usage() { echo "usage: newsboat_check.sh URL|FEED_FILE|-" >&2; exit 2; }
[[ $# -eq 1 ]] || usage
command -v newsboat >/dev/null 2>&1 || { echo "newsboat_check: newsboat not found (apt-get install -y newsboat)" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/newsboat-check.XXXXXX")"
trap 'rm -rf -- "$work"' EXIT

arg="$1"
case "$arg" in
    http://*|https://*|file://*) url="$arg" ;;
    -) cat > "$work/feed.xml"; url="file://$work/feed.xml" ;;
    *)
        [[ -r "$arg" ]] || { echo "newsboat_check: cannot read $arg" >&2; exit 2; }
        url="file://$(cd "$(dirname -- "$arg")" && pwd)/$(basename -- "$arg")"
        ;;
esac

printf '%s\n' "$url" > "$work/urls"
cat > "$work/config" <<'EOF'
download-timeout 20
download-retries 1
reload-threads 1
EOF

rc=0
(
    cd "$work"
    HOME="$work" XDG_CONFIG_HOME="$work/xdg-config" XDG_DATA_HOME="$work/xdg-data" \
        timeout 120 newsboat -u urls -c cache.db -C config -x reload -l 3 -d log.txt \
        </dev/null >stdout.txt 2>stderr.txt
) || rc=$?

fail() {
    echo "newsboat_check: $1" >&2
    for f in stdout.txt stderr.txt log.txt; do
        if [[ -s "$work/$f" ]]; then sed "s/^/newsboat $f: /" "$work/$f" >&2; fi
    done
    exit 1
}

[[ $rc -eq 0 ]] || fail "newsboat exited with code $rc"
if [[ -s "$work/log.txt" ]] && grep -Eq '(ERROR|CRITICAL):' "$work/log.txt"; then
    fail "newsboat logged an error"
fi
[[ -f "$work/cache.db" ]] || fail "newsboat wrote no cache"

# Read the cache: the feed's row, and how many items newsboat stored for it.
if command -v sqlite3 >/dev/null 2>&1; then
    esc_url="${url//\'/\'\'}"
    json="$(sqlite3 "$work/cache.db" "
        SELECT json_object('ok', json('true'),
                             'items', (SELECT count(*) FROM rss_item WHERE feedurl = f.rssurl),
                             'title', f.title,
                             'url', f.rssurl)
        FROM rss_feed AS f WHERE f.rssurl = '$esc_url';")" || fail "sqlite3 could not read the cache"
elif [[ -x /usr/bin/python3 ]]; then
    json="$(/usr/bin/python3 - "$work/cache.db" "$url" <<'EOF'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
row = db.execute("SELECT rssurl, title FROM rss_feed WHERE rssurl = ?", (sys.argv[2],)).fetchone()
if row is not None:
    items = db.execute("SELECT count(*) FROM rss_item WHERE feedurl = ?", (row[0],)).fetchone()[0]
    print(json.dumps({"ok": True, "items": items, "title": row[1], "url": row[0]}, ensure_ascii=False))
EOF
)" || fail "python3 could not read the cache"
else
    echo "newsboat_check: need the sqlite3 CLI or /usr/bin/python3 to read the cache" >&2
    exit 2
fi

[[ -n "$json" ]] || fail "the cache has no feed row for $url"
printf '%s\n' "$json"
