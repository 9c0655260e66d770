#!/usr/bin/env bash
# Azurite's own pauses, with no Feed running: uploads COPIES × the benchmark's article files raw (16 in parallel, one
# container per copy) into an Azurite on disk started as run.sh starts it, while a probe sends Azurite one request
# every half second; it stops 12 minutes after Azurite's start, past its second garbage collection (one at start, one
# every 10 minutes). Prints the longest waits for an answer, and when they happened. Usage:
#   tests/Feed.Benchmarks.Serving/azurite-pauses.sh 3      # 300,000 blobs: what 100,000 ingested articles leave
# Needs the files run.sh generated ($FEED_BENCH_WORK/articles).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
copies="${1:-3}"
work="${FEED_BENCH_WORK:-/tmp/feed-serving-bench}"
blob="${FEED_BENCH_BLOB_PORT:-10610}"
[ -d "$work/articles" ] || { echo "no $work/articles: run run.sh first" >&2; exit 1; }

dotnet build "$root/src/Feed.Server" -c Release -v q -nologo >/dev/null
feed="$root/src/Feed.Server/bin/Release/net10.0/feed"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

rm -rf "$work/azurite-raw" "$work/probe.txt"
node "$root/tests/Feed.Benchmarks.Serving/azurite-lazy-save.cjs" --location "$work/azurite-raw" --silent --loose \
    --skipApiVersionCheck --disableTelemetry --disableProductStyleUrl --blobHost 127.0.0.1 --blobPort "$blob" \
    --queueHost 127.0.0.1 --queuePort $((blob + 1)) --tableHost 127.0.0.1 --tablePort $((blob + 2)) \
    >"$work/azurite-raw.log" 2>&1 &
azurite_pid=$!
probe_pid=""
trap 'kill $probe_pid $azurite_pid 2>/dev/null || true' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$blob/"; do sleep 0.2; done
started=$(date +%s)
log "Azurite answering; probing every 0.5 s"

(while :; do
    sent=$(date +%s.%N)
    curl -s -o /dev/null -m 900 "http://127.0.0.1:$blob/devstoreaccount1?comp=list" || true
    echo "$sent $(date +%s.%N)" >>"$work/probe.txt"
    sleep 0.5
done) &
probe_pid=$!

key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;"
for copy in $(seq 1 "$copies"); do
    Feed__UploadContainer="raw$copy" "$feed" upload "$work/articles" >/dev/null
    log "copy $copy uploaded: $((copy * $(find "$work/articles" -maxdepth 1 -type f | wc -l))) blobs, $(( $(date +%s) - started )) s after start"
done

until [ $(( $(date +%s) - started )) -ge 720 ]; do sleep 5; done
kill "$probe_pid"; probe_pid=""
log "longest waits for an answer (seconds after Azurite's start: wait in seconds):"
/usr/bin/python3 - "$work/probe.txt" "$started" <<'PY'
import sys
start = float(sys.argv[2])
rows = [tuple(map(float, line.split())) for line in open(sys.argv[1]) if len(line.split()) == 2]
for sent, answered in sorted(rows, key=lambda r: r[1] - r[0], reverse=True)[:5]:
    print(f"  {sent - start:7.1f} s: {answered - sent:6.1f} s")
print(f"  {len(rows)} probes, {sum(1 for s, a in rows if a - s > 10)} waited over 10 s")
PY
