#!/usr/bin/env bash
# Serving benchmark (docs/benchmarks.md, "Serving feeds"): N synthetic articles ingested into the local host on
# Azurite, then wrk against a topic feed for 200 (identity and gzip) and 304 answers, each paired with nginx serving
# the same feed bytes (and their gzip, made once) from files in the same run, then the cost of rendering the same
# feed from scratch (BenchmarkDotNet, same run). Loopback only.
#
# Usage: tests/Feed.Benchmarks.Serving/run.sh [N=100000]
# Env:   FEED_BENCH_AZURITE (memory, the default, or disk), FEED_BENCH_WORK (default /tmp/feed-serving-bench; keeps generated files between runs),
#        FEED_BENCH_BLOB_PORT (10600; queue and table use the next two), FEED_BENCH_HTTP_PORT (7480),
#        FEED_BENCH_NGINX_PORT (7490; nginx runs with its own configuration in $work/nginx, not as the system service),
#        FEED_BENCH_DURATION (wrk seconds, 20), FEED_BENCH_SKIP_RENDER=1 to skip the BenchmarkDotNet part,
#        FEED_BENCH_REUSE=1 (with disk) to keep the Azurite data of an earlier run: no upload, the watcher ingests only
#        what that run left unprocessed, and the measurement starts once the "all" feed holds N articles,
#        FEED_BENCH_POLL (the watcher's poll interval, 00:00:20: each pass lists every upload, so polling every
#        second during a 100k upload would spend Azurite on listings).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
count="${1:-100000}"
work="${FEED_BENCH_WORK:-/tmp/feed-serving-bench}"
blob="${FEED_BENCH_BLOB_PORT:-10600}"; queue=$((blob + 1)); table=$((blob + 2))
http="${FEED_BENCH_HTTP_PORT:-7480}"
duration="${FEED_BENCH_DURATION:-20}"
base="http://127.0.0.1:$http"
topic="topics/synthetic-shared"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

dotnet build "$root/src/Feed.Server" -c Release -v q -nologo >/dev/null
feed="$root/src/Feed.Server/bin/Release/net10.0/feed"

mkdir -p "$work"
if [ "$(find "$work/articles" -maxdepth 1 -type f 2>/dev/null | wc -l)" -ne "$count" ]; then
    rm -rf "$work/articles"
    log "generating $count synthetic articles"
    "$feed" generate --count "$count" --out "$work/articles"
fi


# In memory, with room for a large heap (Node's default limit of about 4 GB stopped earlier runs): fine for 10k, but
# Azurite's memory grows by about 0.3 MB per ingested article and it stopped answering at about 27,000. On disk
# (FEED_BENCH_AZURITE=disk, needed for 100k), through azurite-lazy-save.cjs, which saves Azurite's metadata every
# 5 minutes instead of every 5 seconds.
azurite="$root/node_modules/azurite/dist/src/azurite.js"
if [ "${FEED_BENCH_AZURITE:-memory}" = disk ]; then
    [ "${FEED_BENCH_REUSE:-0}" = 1 ] || rm -rf "$work/azurite"
    persistence=(--location "$work/azurite"); azurite="$root/tests/Feed.Benchmarks.Serving/azurite-lazy-save.cjs"
else
    persistence=(--inMemoryPersistence); export NODE_OPTIONS="--max-old-space-size=16384"
fi
node "$azurite" "${persistence[@]}" --silent --loose --skipApiVersionCheck --disableTelemetry \
    --disableProductStyleUrl --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" >"$work/azurite.log" 2>&1 &
azurite_pid=$!
serve_pid=""
nginx_pid=""
trap 'kill $serve_pid $azurite_pid $nginx_pid 2>/dev/null || true' EXIT
# Azurite on disk first loads its whole metadata file (a minute or more after a 100k run).
until curl -s -o /dev/null "http://127.0.0.1:$blob/"; do
    kill -0 "$azurite_pid" 2>/dev/null || { log "Azurite did not start; see $work/azurite.log" >&2; exit 1; }
    sleep 0.5
done

# Azurite's public development account (documented by Microsoft), on the benchmark's own ports.
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
# serve WATCH: the local host, watching the uploads (true) or only serving (false).
serve() {
    LocalHost__Watch="$1" LocalHost__PollInterval="${FEED_BENCH_POLL:-00:00:20}" Logging__LogLevel__Default=Warning \
        "$feed" serve --urls "$base" >>"$work/serve.log" 2>&1 &
    serve_pid=$!
    until curl -fs "$base/api/health" >/dev/null; do
        kill -0 "$serve_pid" 2>/dev/null || { log "the host did not start; see $work/serve.log" >&2; exit 1; }
        sleep 0.5
    done
}
: >"$work/serve.log"
serve true

started=$(date +%s)
if [ "${FEED_BENCH_REUSE:-0}" = 1 ]; then
    log "reusing the Azurite data in $work/azurite; waiting until the all feed holds $count articles"
    done_count() { curl -fs -H 'Accept: application/json' "$base/api/feeds" | /usr/bin/python3 -c 'import json,sys; print(next((f["itemCount"] for f in json.load(sys.stdin)["feeds"] if f["key"] == "all"), 0))'; }
else
    log "uploading $count files (16 in parallel)"
    "$feed" upload "$work/articles"
    uploaded=$(date +%s)
    log "uploaded in $((uploaded - started)) s; waiting for ingestion"
    done_count() { curl -fs "$base/api/health" | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["ingested"]+d["unchanged"]+d["rejected"])'; }
fi
# Azurite on disk pauses while it saves its metadata (seconds, every 5 minutes here) and while it collects garbage
# (every 10 minutes, reading every blob record in pages; over a minute at 100k), and the health check answers 503
# meanwhile: the run stops only after five minutes without an answer; the pauses count as stretches without progress.
# A stall is a stretch without progress: the longest one is reported.
failures=0
last_done=-1; last_progress=$(date +%s); longest_stall=0
while :; do
    if ! done_now=$(done_count 2>/dev/null); then
        failures=$((failures + 1))
        [ "$failures" -lt 30 ] || { log "the host stopped answering; see $work/serve.log and $work/azurite.log" >&2; exit 1; }
        log "no answer from the host ($failures)"; sleep 10; continue
    fi
    failures=0
    now=$(date +%s)
    if [ "$done_now" -gt "$last_done" ]; then last_done=$done_now; last_progress=$now; fi
    [ $((now - last_progress)) -le "$longest_stall" ] || longest_stall=$((now - last_progress))
    [ "$done_now" -lt "$count" ] || break
    log "ingested $done_now of $count (Azurite: $(( $(ps -o rss= -p "$azurite_pid") / 1024 )) MB resident)"
    sleep 10
done
ingested=$(date +%s)
log "ingestion of $count articles: $((ingested - started)) s from first upload ($(curl -fs "$base/api/health")); longest stretch without progress: ${longest_stall} s"
# Source records are written before the fold finishes: wait until nothing is pending (the all feed holds every article).
until [ "$(curl -fs -H 'Accept: application/json' "$base/api/feeds" | /usr/bin/python3 -c 'import json,sys; print(next((f["itemCount"] for f in json.load(sys.stdin)["feeds"] if f["key"] == "all"), 0))' 2>/dev/null || echo 0)" -ge "$count" ]; do
    sleep 2
done
folded=$(date +%s)
log "every article in the all feed: $((folded - started)) s from first upload = $((count / (folded - started > 0 ? folded - started : 1))) articles/s"
[ "${FEED_BENCH_AZURITE:-memory}" != disk ] || log "Azurite's data folder: $(du -sh "$work/azurite" | cut -f1)"
curl -fs -H 'Accept: application/json' "$base/api/feeds" | /usr/bin/python3 -c '
import json,sys
for f in json.load(sys.stdin)["feeds"]:
    if f["key"] in ("all", "synthetic-shared"): print("feed", f["kind"], f["key"], f["itemCount"], "items")'

# Measured on a host that only serves, as in Azure, where ingestion runs on Event Grid triggers: the local watcher's
# pass lists every upload and source record (200,000 blobs at 100k) every FEED_BENCH_POLL, which keeps Azurite busy
# on one of the two cores for seconds at a time.
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true
serve false

url="$base/api/feeds/$topic.rss"
curl -fs -o "$work/topic.rss" -D "$work/topic.headers" "$url"
etag=$(grep -i '^etag:' "$work/topic.headers" | cut -d' ' -f2 | tr -d '\r')
log "topic feed: $(wc -c <"$work/topic.rss") bytes, ETag $etag"

# nginx (one worker, its own configuration, loopback) serving the same bytes: the RSS our host sent, and its gzip
# (level 6) made once beside it for gzip_static, as our host compresses once per feed version.
nginx_port="${FEED_BENCH_NGINX_PORT:-7490}"
rm -rf "$work/nginx"; mkdir -p "$work/nginx/root/api/feeds/topics" "$work/nginx/logs"
cp "$work/topic.rss" "$work/nginx/root/api/feeds/$topic.rss"
gzip -6 -k -n "$work/nginx/root/api/feeds/$topic.rss"
cat >"$work/nginx/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/client; proxy_temp_path $work/nginx/proxy; fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
    types { application/rss+xml rss; }
    charset utf-8; charset_types application/rss+xml;
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/nginx/root;
        gzip_static on;
        etag on;
        add_header Cache-Control "public, max-age=300";
    }
}
NGINX
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
nginx_url="http://127.0.0.1:$nginx_port/api/feeds/$topic.rss"
until curl -fs -o /dev/null "$nginx_url"; do kill -0 "$nginx_pid" 2>/dev/null || { log "nginx did not start; see $work/nginx/logs" >&2; exit 1; }; sleep 0.2; done
cmp -s <(curl -fs "$nginx_url") "$work/topic.rss" || { echo "nginx does not serve the same bytes" >&2; exit 1; }
nginx_etag=$(curl -fsI "$nginx_url" | grep -i '^etag:' | cut -d' ' -f2 | tr -d '\r')
curl -s -o /dev/null -w '%{http_code}\n' -H "If-None-Match: $etag" "$url" | grep -q 304 || { echo "expected 304 answers from the host" >&2; exit 1; }
curl -s -o /dev/null -w '%{http_code}\n' -H "If-None-Match: $nginx_etag" "$nginx_url" | grep -q 304 || { echo "expected 304 answers from nginx" >&2; exit 1; }
curl -fs -o /dev/null -H 'Accept-Encoding: gzip' -D - "$nginx_url" | grep -qi '^content-encoding: gzip' || { echo "nginx does not serve the gzip file" >&2; exit 1; }

# wrk PAIR NAME URL [HEADER]: one wrk run; its requests per second are kept for the ratios.
declare -A rate
run_wrk() {
    local name="$1" target="$2"; shift 2
    log "wrk: $name"
    wrk -t1 -c16 -d"${duration}s" --latency "$@" "$target" | tee "$work/wrk-$name.txt"
    rate[$name]=$(awk '/^Requests\/sec:/ { print $2 }' "$work/wrk-$name.txt")
}
# Pairs run back to back (ours, then nginx), so both see the same load on the shared machine.
run_wrk 200 "$url"
run_wrk nginx-200 "$nginx_url"
run_wrk 200-gzip "$url" -H 'Accept-Encoding: gzip'
run_wrk nginx-200-gzip "$nginx_url" -H 'Accept-Encoding: gzip'
run_wrk 304 "$url" -H "If-None-Match: $etag"
run_wrk nginx-304 "$nginx_url" -H "If-None-Match: $nginx_etag"
log "responses/s, ours / nginx (same bytes, same run):"
for pair in 200 200-gzip 304; do
    /usr/bin/python3 -c "import sys; o, n = float(sys.argv[2]), float(sys.argv[3]); print(f'  {sys.argv[1]:9} ours {o:10.0f}  nginx {n:10.0f}  ratio {o / n:.2f}')" "$pair" "${rate[$pair]}" "${rate[nginx-$pair]}"
done
kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=""

if [ "${FEED_BENCH_SKIP_RENDER:-0}" != 1 ]; then
    log "BenchmarkDotNet: rendering the same feed from scratch"
    FEED_BENCH_STORAGE="$AzureWebJobsStorage" FEED_BENCH_FEED="$topic" \
        dotnet run -c Release --project "$root/tests/Feed.Benchmarks.Serving" -- --filter '*' --join 2>&1 | tee "$work/render.txt" | grep -E '^\|' || true
fi
log "done; outputs in $work"
