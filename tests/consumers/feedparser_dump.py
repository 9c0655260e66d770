#!/usr/bin/python3
"""Parse a feed with Python's Universal Feed Parser and print what it saw as one JSON object.

Usage: /usr/bin/python3 feedparser_dump.py FEED_FILE|-
       /usr/bin/python3 feedparser_dump.py FEED_FILE FEED_FILE...   (one JSON object per line, with "file")

Runs with Debian's interpreter and Debian's package (apt-get install -y python3-feedparser).
The feed is read as bytes from the file (or stdin for "-") and handed to feedparser as bytes,
so feedparser never fetches anything and sniffs the encoding itself, as a reader would.

Exit codes: 0 when feedparser returned a result (a bozo feed is still a result: check "bozo"),
1 when the input could not be read or feedparser raised, 2 on bad usage.
Quirks of Debian's feedparser 6.0.10 worth knowing when reading the output:
- it has no JSON Feed support: for JSON input this script prints {"skipped": "json", ...} and exits 0
  (a feedparser with a JSON parser, 6.1+, is used as is);
- a not-well-formed XML feed is re-read with its loose parser: "bozo" is true, the exception is given,
  and entries are usually still returned;
- for RSS, an entry without an update date reports "updated" equal to "published" (feedparser's
  fallback), so compare "updated_raw" when that matters.
"""

import json
import sys
import time

try:
    import feedparser
except ImportError:  # pragma: no cover - environment problem, reported clearly
    sys.stderr.write(
        "feedparser_dump: cannot import feedparser; run it with /usr/bin/python3 "
        "after 'apt-get install -y python3-feedparser'\n"
    )
    sys.exit(1)


def iso(parsed):
    """feedparser's *_parsed values are time.struct_time in UTC."""
    if not parsed:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)


def text(value):
    return None if value is None else str(value)


def link_list(links):
    out = []
    for link in links or []:
        out.append(
            {
                "rel": text(link.get("rel")),
                "href": text(link.get("href")),
                "type": text(link.get("type")),
            }
        )
    return out


def plain(value):
    """FeedParserDict -> dict, recursively, keeping only JSON-friendly values."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def author_names(entry):
    names = []
    for author in entry.get("authors") or []:
        name = author.get("name") or author.get("email")
        if name:
            names.append(name)
    if not names and entry.get("author"):
        names.append(entry.get("author"))
    return names


def dump_entry(entry):
    return {
        "id": text(entry.get("id")),
        "title": text(entry.get("title")),
        "link": text(entry.get("link")),
        "published": iso(entry.get("published_parsed")),
        "updated": iso(entry.get("updated_parsed")),
        "published_raw": text(entry.get("published")),
        "updated_raw": text(entry.get("updated")),
        "authors": author_names(entry),
        "tags": [t.get("term") for t in entry.get("tags") or [] if t.get("term") is not None],
        "enclosures": [
            {
                "href": text(e.get("href")),
                "type": text(e.get("type")),
                "length": text(e.get("length")),
            }
            for e in entry.get("enclosures") or []
        ],
        "media_content": plain(entry.get("media_content") or []),
        "media_thumbnail": plain(entry.get("media_thumbnail") or []),
        "links": link_list(entry.get("links")),
        "summary": text(entry.get("summary")),
    }


def dump(result):
    feed = result.get("feed", {})
    links = link_list(feed.get("links"))
    self_href = next((l["href"] for l in links if l["rel"] == "self"), None)
    exc = result.get("bozo_exception")
    return {
        "bozo": bool(result.get("bozo")),
        "bozo_exception": None if exc is None else "%s: %s" % (type(exc).__name__, exc),
        "version": result.get("version") or "",
        "encoding": text(result.get("encoding")),
        "feed": {
            "title": text(feed.get("title")),
            "link": text(feed.get("link")),
            "id": text(feed.get("id")),
            "updated": text(feed.get("updated")),
            "updated_iso": iso(feed.get("updated_parsed")),
            "self": self_href,
            "language": text(feed.get("language")),
            "links": links,
        },
        "entries": [dump_entry(e) for e in result.get("entries") or []],
    }


def feedparser_reads_json():
    try:
        import feedparser.parsers.json  # noqa: F401  (feedparser 6.1+)
    except ImportError:
        return False
    return True


def looks_like_json(data):
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


def main_many(paths):
    """Several files: one JSON object per line, each with its "file"; exit 1 if any could not be parsed."""
    status = 0
    for path in paths:
        try:
            with open(path, "rb") as f:
                data = f.read()
            if looks_like_json(data) and not feedparser_reads_json():
                out = {"skipped": "json"}
            else:
                out = dump(feedparser.parse(data))
        except Exception as e:
            out = {"error": "%s: %s" % (type(e).__name__, e)}
            status = 1
        out["file"] = path
        sys.stdout.buffer.write(json.dumps(out, ensure_ascii=False).encode("utf-8") + b"\n")
    return status


def main(argv):
    if len(argv) > 2:
        return main_many(argv[1:])
    if len(argv) != 2:
        sys.stderr.write("usage: feedparser_dump.py FEED_FILE|- or FEED_FILE FEED_FILE...\n")
        return 2
    path = argv[1]
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as f:
                data = f.read()
    except OSError as e:
        sys.stderr.write("feedparser_dump: cannot read %s: %s\n" % (path, e))
        return 1
    if looks_like_json(data) and not feedparser_reads_json():
        out = {
            "skipped": "json",
            "reason": "feedparser %s has no JSON Feed support" % feedparser.__version__,
        }
        sys.stdout.buffer.write(json.dumps(out).encode("utf-8") + b"\n")
        return 0
    try:
        result = feedparser.parse(data)
        out = dump(result)
    except Exception as e:  # feedparser rarely raises, but say so if it does
        sys.stderr.write("feedparser_dump: feedparser failed: %s: %s\n" % (type(e).__name__, e))
        return 1
    sys.stdout.buffer.write(json.dumps(out, ensure_ascii=False).encode("utf-8") + b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
