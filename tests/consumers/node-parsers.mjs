#!/usr/bin/env node
// Parse a feed with two Node feed readers and print what each saw as one JSON object.
//
// Usage: node tests/consumers/node-parsers.mjs FEED_FILE|-
//        node tests/consumers/node-parsers.mjs FEED_FILE FEED_FILE...   (XML only; one JSON object per line, with "file")
//
// - rss-parser 3.13.0 (xml2js/sax underneath, strict XML: its default). Its promise rejects on a raw
//   "&", mismatched or unclosed tags, and a root it does not know ("Feed not recognized as RSS 1 or 2.",
//   also for <rss> without version="2.0"), but it accepts undeclared prefixes, C0 control characters
//   and HTML entities such as &nbsp;, so passing here is not proof of well-formed XML.
// - @rowanmanning/feed-parser 2.1.5 (`parseFeed`, fast-xml-parser underneath, lenient): reads most
//   XML that is not well-formed (raw "&", mismatched tags) without complaint; throws InvalidFeedError
//   when it finds no <rss>, <rdf> or <feed> element, and fast-xml-parser's error on a broken tag.
//
// Output: {"rssParser": {...} | {"error": "..."}, "feedParser": {...} | {"error": "..."}}.
// JSON Feed input: both report {"skipped": "json"} (neither reads JSON Feed).
// The input is decoded as UTF-8 (a BOM is dropped); the XML declaration's encoding is not honoured.
// Exit code: 0 when both parsed (or were skipped), 1 when either failed (the message also goes to
// stderr), 2 on bad usage or unreadable input. Needs `npm ci` at the repository root.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const RssParser = require('rss-parser');
const { parseFeed } = require('@rowanmanning/feed-parser');

function fail(code, message) {
    process.stderr.write(`node-parsers: ${message}\n`);
    process.exit(code);
}

// xml2js can report a sax error from inside a callback; make sure nothing escapes silently.
process.on('uncaughtException', (error) => fail(1, `uncaught: ${error && error.stack ? error.stack : error}`));
process.on('unhandledRejection', (error) => fail(1, `unhandled rejection: ${error && error.stack ? error.stack : error}`));

function iso(value) {
    if (value === null || value === undefined || value === '') {
        return null;
    }
    const date = value instanceof Date ? value : new Date(value);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function orNull(value) {
    return value === undefined ? null : value;
}

async function runRssParser(xml) {
    const parser = new RssParser({
        customFields: {
            feed: ['id', 'updated', 'lastBuildDate', ['atom:link', 'atomLinks', { keepArray: true }]],
            item: [
                'id',
                'updated',
                ['media:content', 'mediaContent', { keepArray: true }],
                ['media:thumbnail', 'mediaThumbnail', { keepArray: true }],
                ['dc:creator', 'dcCreator']
            ]
        }
    });
    const feed = await parser.parseString(xml); // rejects (throws here) on any parse error
    return {
        title: orNull(feed.title),
        link: orNull(feed.link),
        feedUrl: orNull(feed.feedUrl),
        id: orNull(feed.id),
        updated: orNull(feed.updated ?? feed.lastBuildDate),
        items: (feed.items || []).map((item) => ({
            guid: orNull(item.guid),
            id: orNull(item.id),
            title: orNull(item.title),
            link: orNull(item.link),
            pubDate: orNull(item.pubDate),
            isoDate: orNull(item.isoDate),
            creator: orNull(item.creator ?? item.dcCreator ?? item.author),
            categories: item.categories || [],
            enclosure: orNull(item.enclosure),
            mediaContent: (item.mediaContent || []).map((m) => (m && m.$ ? m.$ : m)),
            mediaThumbnail: (item.mediaThumbnail || []).map((m) => (m && m.$ ? m.$ : m))
        }))
    };
}

function runFeedParser(xml) {
    const feed = parseFeed(xml); // throws InvalidFeedError when no feed root is found
    return {
        title: orNull(feed.title),
        url: orNull(feed.url),
        self: orNull(feed.self),
        updated: iso(feed.updated),
        items: feed.items.map((item) => ({
            id: orNull(item.id),
            title: orNull(item.title),
            url: orNull(item.url),
            published: iso(item.published),
            updated: iso(item.updated),
            authors: (item.authors || []).map((a) => a.name ?? a.email ?? a.url ?? null),
            categories: (item.categories || []).map((c) => c.term ?? c.label ?? null),
            image: orNull(item.image),
            media: item.media || []
        }))
    };
}

function describe(error) {
    if (!error) {
        return 'unknown error';
    }
    const name = error.name || 'Error';
    const code = error.code ? ` (${error.code})` : '';
    return `${name}${code}: ${String(error.message || error).replace(/\s+/g, ' ').trim()}`;
}

async function parseBoth(xml) {
    const out = {};
    const errors = [];
    try {
        out.rssParser = await runRssParser(xml);
    } catch (error) {
        out.rssParser = { error: describe(error) };
        errors.push(`rss-parser failed: ${describe(error)}`);
    }
    try {
        out.feedParser = runFeedParser(xml);
    } catch (error) {
        out.feedParser = { error: describe(error) };
        errors.push(`@rowanmanning/feed-parser failed: ${describe(error)}`);
    }
    return { out, errors };
}

// Several files: one JSON object per line, each with its "file"; exit 1 if either parser failed on any.
async function mainMany(paths) {
    let status = 0;
    for (const path of paths) {
        const xml = readFileSync(path).toString('utf8').replace(/^\uFEFF/, '');
        const { out, errors } = await parseBoth(xml);
        out.file = path;
        process.stdout.write(`${JSON.stringify(out)}\n`);
        if (errors.length > 0) {
            status = 1;
        }
    }
    return status;
}

async function main(argv) {
    if (argv.length > 1) {
        return mainMany(argv);
    }
    if (argv.length !== 1) {
        fail(2, 'usage: node node-parsers.mjs FEED_FILE|- or FEED_FILE FEED_FILE...');
    }
    let bytes;
    try {
        bytes = readFileSync(argv[0] === '-' ? 0 : argv[0]);
    } catch (error) {
        fail(2, `cannot read ${argv[0]}: ${error.message}`);
    }
    let xml = bytes.toString('utf8');
    if (xml.charCodeAt(0) === 0xfeff) {
        xml = xml.slice(1);
    }
    if (/^\s*[[{]/.test(xml)) {
        process.stdout.write(`${JSON.stringify({ rssParser: { skipped: 'json' }, feedParser: { skipped: 'json' } })}\n`);
        return 0;
    }

    const { out, errors } = await parseBoth(xml);
    process.stdout.write(`${JSON.stringify(out)}\n`);
    for (const message of errors) {
        process.stderr.write(`node-parsers: ${message}\n`);
    }
    return errors.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
