// Opens Feed's pages in Debian's Chromium (headless, through puppeteer-core) against a running host and checks what a
// person sees: the catalog and a feed page on a desktop and a 360 px phone, with and without JavaScript, an archive
// page, a page of hostile article text, and an axe-core accessibility scan of each. Writes screenshots to --out and
// prints one JSON object: { checks: { name: { ok, failures[] } } }. Exit code 0 only when every check passed.
//
// usage: node tests/browser/pages.mjs --base http://127.0.0.1:PORT/ --out DIR --feed /api/feeds/topics/ai.rss
//        [--hostile /api/feeds/topics/x.rss --hostile-text "<script>..."]
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const base = new URL(args.base);
const out = args.out;
const feedPath = args.feed ?? '/api/feeds/topics/ai.rss';
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const desktop = { width: 1280, height: 900 };
const phone = { width: 360, height: 740, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const checks = {};

await mkdir(out, { recursive: true });

// Runs one scenario; an exception (a timeout, a missing element) is that scenario's failure, not the end of the run.
async function scenario(name, body) {
  const c = check(name);
  try {
    await body(c);
  } catch (error) {
    c.that(false, `stopped: ${error.message.split('\n')[0]}`);
  }
}

function check(name) {
  const failures = [];
  checks[name] = { ok: true, failures };
  return {
    that(condition, message) {
      if (!condition) {
        failures.push(message);
        checks[name].ok = false;
      }
    },
  };
}

// Article images live on other hosts, out of reach here: answer them with a stand-in picture so that pages look as
// they would online; every other request off this host is an external asset, which the pages must not have.
function placeholder(url) {
  let hash = 0;
  for (const c of url) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},70%,55%)"/><stop offset="1" stop-color="hsl(${(hue + 50) % 360},70%,35%)"/></linearGradient></defs><rect width="640" height="360" fill="url(#g)"/><circle cx="470" cy="120" r="70" fill="rgba(255,255,255,.18)"/><path d="M0 300 L180 170 L320 280 L430 210 L640 330 L640 360 L0 360Z" fill="rgba(0,0,0,.22)"/></svg>`;
}

async function open(browser, url, { viewport = desktop, javaScript = true, dark = false } = {}) {
  const page = await browser.newPage();
  page.setDefaultTimeout(120_000);
  await page.setViewport(viewport);
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: dark ? 'dark' : 'light' }]);
  await page.setJavaScriptEnabled(javaScript);
  const seen = { external: [], console: [], csp: [], dialogs: [] };
  await page.setRequestInterception(true);
  page.on('request', request => {
    const target = new URL(request.url());
    if (target.host === base.host || target.protocol === 'data:') {
      request.continue();
    } else if (request.resourceType() === 'image') {
      request.respond({ status: 200, contentType: 'image/svg+xml', body: placeholder(request.url()) });
    } else {
      seen.external.push(`${request.resourceType()} ${request.url()}`);
      request.abort();
    }
  });
  page.on('console', message => { if (message.type() === 'error') seen.console.push(message.text()); });
  page.on('pageerror', error => seen.console.push(String(error)));
  page.on('dialog', async dialog => { seen.dialogs.push(dialog.message()); await dialog.dismiss(); });
  await page.evaluateOnNewDocument(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(new URL(url, base).href, { waitUntil: 'load' });
  return { page, response, seen };
}

async function common(c, { page, response, seen }) {
  c.that(response.status() === 200, `status ${response.status()}`);
  c.that((response.headers()['content-type'] ?? '').startsWith('text/html'), `content-type ${response.headers()['content-type']}`);
  c.that((response.headers()['content-security-policy'] ?? '').includes("default-src 'none'"), 'no Content-Security-Policy with default-src none');
  const csp = await page.evaluate(() => window.__csp ?? []);
  c.that(csp.length === 0, `CSP violations: ${csp.join('; ')}`);
  c.that(seen.external.length === 0, `external assets requested: ${seen.external.join('; ')}`);
  c.that(seen.console.length === 0, `console errors: ${seen.console.join('; ')}`);
  c.that(seen.dialogs.length === 0, `dialogs opened: ${seen.dialogs.join('; ')}`);
  c.that(await page.evaluate(() => window.__pwned === undefined), 'injected script ran (window.__pwned set)');
}

async function noHorizontalScroll(c, page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  c.that(scroll <= client, `horizontal scroll at ${client} px: content is ${scroll} px wide`);
  const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && e.getClientRects().length > 0)
    .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${e.className}`));
  c.that(wide.length === 0, `elements past the right edge: ${wide.join(', ')}`);
}

async function accessibility(name, page) {
  const c = check(name);
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  for (const violation of result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')) {
    c.that(false, `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')})`);
  }
}

async function shot(page, name) {
  // Lazy images below the fold never load; wait for those in view, briefly.
  await page.evaluate(() => Promise.race([
    Promise.all([...document.images].filter(i => i.getBoundingClientRect().top < innerHeight).map(i => (i.complete ? null : new Promise(r => { i.onload = i.onerror = r; })))),
    new Promise(r => setTimeout(r, 3000)),
  ]));
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: false });
}

async function fetchText(url, accept) {
  const response = await fetch(new URL(url, base), { headers: { accept } });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  protocolTimeout: 180_000,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--lang=en-US'],
});
try {
  const catalogJson = JSON.parse((await fetchText('/api/feeds', 'application/json')).text);

  // The catalog on a desktop: every feed, grouped, each with count, newest date and thumbnail; the filter works.
  await scenario('catalog-desktop', async c => {
    const opened = await open(browser, '/api/feeds');
    const { page } = opened;
    await common(c, opened);
    const cards = await page.$$eval('li[data-name]', items => items.map(li => ({
      title: li.querySelector('h3 a')?.textContent,
      href: li.querySelector('h3 a')?.href,
      meta: li.querySelector('.meta')?.textContent ?? '',
      thumb: !!li.querySelector('img[width][height][loading=lazy], .noimg'),
      group: li.closest('section')?.getAttribute('aria-labelledby'),
    })));
    c.that(cards.length === catalogJson.feeds.length, `${cards.length} feed cards for ${catalogJson.feeds.length} feeds in the JSON catalog`);
    for (const feed of catalogJson.feeds) {
      const card = cards.find(k => k.href === feed.rss);
      c.that(card, `no card links ${feed.rss}`);
      if (!card) continue;
      c.that(card.title === feed.title, `card title '${card.title}' is not '${feed.title}'`);
      c.that(card.meta.startsWith(`${feed.itemCount} article`), `card of ${feed.title} says '${card.meta}', not ${feed.itemCount} articles`);
      c.that(/newest \d{1,2} \w{3} \d{4}/.test(card.meta), `card of ${feed.title} has no newest article date: '${card.meta}'`);
      c.that(card.thumb, `card of ${feed.title} has no thumbnail`);
      c.that(card.group === { all: 'everything', topic: 'topics', provider: 'providers' }[feed.kind], `${feed.title} is in group ${card.group}`);
    }
    c.that(await page.$eval('a.primary', a => a.href) === catalogJson.opml, 'no subscribe-all OPML button');
    c.that(await page.$eval('.toolbar', t => !t.hidden), 'filter box hidden although JavaScript runs');
    await page.type('#filter', 'ai');
    const shown = await page.$$eval('li[data-name]', items => items.filter(li => !li.hidden).map(li => li.dataset.name));
    c.that(shown.length > 0 && shown.length < cards.length, `filter 'ai' shows ${shown.length} of ${cards.length}`);
    c.that(shown.every(n => n.includes('ai')), `filter 'ai' shows feeds without 'ai': ${shown.filter(n => !n.includes('ai')).join(', ')}`);
    await page.$eval('#filter', f => { f.value = 'zzzz-no-such-feed'; f.dispatchEvent(new Event('input')); });
    c.that(await page.$eval('#nomatch', p => !p.hidden), 'no "no match" message for a filter matching nothing');
    await page.$eval('#filter', f => { f.value = ''; f.dispatchEvent(new Event('input')); f.blur(); });
    await shot(page, 'catalog-desktop');
    await accessibility('catalog-accessibility', page);
    await page.close();
  });

  // The catalog on a 360 px phone: no horizontal scroll.
  await scenario('catalog-phone', async c => {
    const opened = await open(browser, '/api/feeds', { viewport: phone });
    await common(c, opened);
    await noHorizontalScroll(c, opened.page);
    await shot(opened.page, 'catalog-phone');
    await opened.page.close();
  });

  // Without JavaScript everything is still there; what needs a script (filter, copy) is not offered.
  await scenario('catalog-without-javascript', async c => {
    const opened = await open(browser, '/api/feeds', { javaScript: false });
    await common(c, opened);
    const visible = await opened.page.$$eval('li[data-name]', items => items.filter(li => li.offsetParent !== null).length);
    c.that(visible === catalogJson.feeds.length, `${visible} cards visible of ${catalogJson.feeds.length}`);
    c.that(await opened.page.$eval('.toolbar', t => t.offsetParent === null), 'filter box shown though it cannot work without JavaScript');
    await opened.page.close();
  });

  // A feed page: the feed's items, drawn; the subscribe panel with every format, copy buttons and reader links.
  await scenario('feed-desktop', async c => {
    const rss = await fetchText(feedPath, 'application/rss+xml');
    const itemLinks = [...rss.text.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map(m => m[1].replaceAll('&amp;', '&'));
    const opened = await open(browser, feedPath);
    const { page } = opened;
    await common(c, opened);
    const items = await page.$$eval('li.item', lis => lis.map(li => ({
      href: li.querySelector('h2 a')?.href,
      img: li.querySelector('img') ? { w: li.querySelector('img').getAttribute('width'), h: li.querySelector('img').getAttribute('height'), lazy: li.querySelector('img').loading } : null,
      date: li.querySelector('.meta time')?.getAttribute('datetime'),
      provider: li.querySelector('.meta a')?.textContent,
      topics: li.querySelectorAll('.chips a').length,
    })));
    c.that(items.length === itemLinks.length && itemLinks.length > 0, `${items.length} items on the page, ${itemLinks.length} in the RSS`);
    c.that(items.every((item, i) => item.href === itemLinks[i]), 'item links differ from the feed\'s, or are out of order');
    c.that(items.every(item => item.date && item.provider && item.topics > 0), 'an item lacks its date, provider or topics');
    c.that(items.some(item => item.img), 'no item has an image');
    c.that(items.every(item => !item.img || (item.img.w > 0 && item.img.h > 0 && item.img.lazy === 'lazy')), 'an image is not sized or not lazy');
    const urls = await page.$$eval('.url input', inputs => inputs.map(i => i.value));
    const self = new URL(feedPath, base).href;
    c.that(JSON.stringify(urls) === JSON.stringify(['rss', 'atom', 'json'].map(x => self.replace(/\.\w+$/, `.${x}`))), `subscribe URLs ${urls.join(', ')}`);
    const readers = await page.$$eval('.readers a', links => links.map(a => [a.textContent, a.href]));
    for (const name of ['Feedly', 'Inoreader', 'NewsBlur', 'The Old Reader']) {
      const reader = readers.find(([n]) => n === name);
      c.that(reader && reader[1].includes(encodeURIComponent(urls[0])), `no one-click ${name} link for ${urls[0]}`);
    }
    c.that(await page.$('aside a[href$="/api/feeds.opml"]') !== null, 'no OPML link in the subscribe panel');
    c.that((await page.$eval('aside', a => a.textContent)).includes('A feed is'), 'no word on what a feed is');
    await shot(page, 'feed-desktop');
    const context = browser.defaultBrowserContext();
    await context.overridePermissions(base.origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    await page.click('button[data-copy="url-atom"]');
    await page.waitForFunction(() => document.querySelector('button[data-copy="url-atom"]').textContent === 'Copied', { timeout: 3000 }).catch(() => {});
    c.that(await page.$eval('button[data-copy="url-atom"]', b => b.textContent) === 'Copied', 'copy button did not confirm');
    const copied = await page.evaluate(() => navigator.clipboard.readText()).catch(e => `unreadable: ${e}`);
    c.that(copied === urls[1], `clipboard holds '${copied}', not ${urls[1]}`);
    const alternates = await page.$$eval('link[rel=alternate]', links => links.map(l => l.type));
    c.that(['application/rss+xml', 'application/atom+xml', 'application/feed+json'].every(t => alternates.includes(t)), `autodiscovery links: ${alternates.join(', ')}`);
    await accessibility('feed-accessibility', page);
    await page.close();
  });

  await scenario('feed-phone', async c => {
    const opened = await open(browser, feedPath, { viewport: phone });
    await common(c, opened);
    await noHorizontalScroll(c, opened.page);
    await shot(opened.page, 'feed-phone');
    await opened.page.close();
  });

  // Dark mode (prefers-color-scheme): a dark page whose text still passes axe's contrast rules.
  await scenario('feed-dark', async c => {
    const opened = await open(browser, feedPath, { viewport: phone, dark: true });
    await common(c, opened);
    const background = await opened.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g).map(Number);
    c.that(r + g + b < 120, `the page is not dark in dark mode: body background ${background}`);
    await shot(opened.page, 'feed-phone-dark');
    await accessibility('feed-dark-accessibility', opened.page);
    await opened.page.close();
    const catalog = await open(browser, '/api/feeds', { viewport: phone, dark: true });
    await shot(catalog.page, 'catalog-phone-dark');
    await catalog.page.close();
  });

  // Paging through the RFC 5005 archives: Older from the feed, then Newer and Newest back.
  await scenario('archive-paging', async c => {
    const opened = await open(browser, '/api/feeds/all.atom');
    const { page } = opened;
    await common(c, opened);
    const older = await page.$('a[rel=prev]');
    c.that(older !== null, 'the feed page has no link to older articles');
    if (older) {
      await Promise.all([page.waitForNavigation(), older.click()]);
      c.that(/\/api\/feeds\/all\/archive\/\d+\.atom$/.test(page.url()), `Older went to ${page.url()}`);
      c.that((await page.$$('li.item')).length > 0, 'the archive page shows no items');
      c.that((await page.$eval('h1', h => h.textContent)).includes('archive page'), 'the archive page does not say so');
      c.that(await page.$('a[href$="/api/feeds/all.atom"]') !== null, 'the archive page has no link to the newest articles');
      const panel = await page.$$eval('.url input', inputs => inputs.map(i => i.value));
      c.that(panel[0]?.endsWith('/api/feeds/all.rss'), `the archive page's subscribe panel offers ${panel[0]}, not the feed`);
      await accessibility('archive-accessibility', page);
    }

    await page.close();
  });

  // Hostile article text is shown as text: no script runs, no markup is made from it.
  if (args.hostile) await scenario('hostile-input-inert', async c => {
    const opened = await open(browser, args.hostile);
    await common(c, opened);
    const text = await opened.page.$eval('main', m => m.textContent);
    c.that(text.includes(args['hostile-text']), `the hostile title is not shown as text: ${args['hostile-text']}`);
    c.that(await opened.page.$$eval('main script, main iframe, main [onerror], main [onclick]', e => e.length) === 0, 'hostile markup became elements');
    await opened.page.close();
  });
} finally {
  await browser.close();
}

const failed = Object.entries(checks).filter(([, v]) => !v.ok);
process.stdout.write(JSON.stringify({ screenshots: out, checks }, null, 2) + '\n');
process.exit(failed.length === 0 ? 0 : 1);
