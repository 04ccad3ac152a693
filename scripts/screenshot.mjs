#!/usr/bin/env node
// Saves a full-page PNG of the running app, for looking at the UI from a shell.
// Usage: node scripts/screenshot.mjs [url] [out.png] [WxH]
//   defaults: http://localhost:4173  /tmp/microsim.png  1280x800
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';

const [url = 'http://localhost:4173', out = '/tmp/microsim.png', size = '1280x800'] = process.argv.slice(2);
const match = /^(\d+)x(\d+)$/.exec(size);
if (!match) {
  console.error(`screenshot: viewport must look like 1280x800, got "${size}"`);
  process.exit(2);
}
const viewport = { width: Number(match[1]), height: Number(match[2]) };

const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (err) => console.error(`screenshot: page error: ${err.message}`));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.screenshot({ path: out, fullPage: true });
  console.log(`screenshot: ${url} at ${size} -> ${out}`);
} finally {
  await browser.close();
}
