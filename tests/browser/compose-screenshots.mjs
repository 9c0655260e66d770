// Puts a desktop and a phone screenshot of tests/browser/pages.mjs side by side, for the README.
// usage: node tests/browser/compose-screenshots.mjs SCREENSHOTS_DIR docs/images
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const [from, to] = process.argv.slice(2);
const pairs = [['catalog', 'catalog-desktop', 'catalog-phone-dark'], ['feed-page', 'feed-desktop', 'feed-phone']];
const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1560, height: 860, deviceScaleFactor: 1 });
  for (const [name, desktop, phone] of pairs) {
    const image = async file => `data:image/png;base64,${(await readFile(path.join(from, `${file}.png`))).toString('base64')}`;
    await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:linear-gradient(135deg,#dfe6ee,#c9d3de);width:1560px;height:860px;display:flex;gap:40px;align-items:center;justify-content:center">
      <img src="${await image(desktop)}" style="width:1120px;border-radius:10px;box-shadow:0 12px 40px rgba(0,0,0,.25)">
      <img src="${await image(phone)}" style="width:360px;height:740px;object-fit:cover;object-position:top;border-radius:28px;border:8px solid #111;box-shadow:0 12px 40px rgba(0,0,0,.3)">
      </body></html>`, { waitUntil: 'load' });
    await page.screenshot({ path: path.join(to, `${name}.png`) });
  }
} finally {
  await browser.close();
}
