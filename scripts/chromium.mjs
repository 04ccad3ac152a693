// Where the system Chromium lives and how to launch it. Playwright cannot
// download its own browser here, so every launcher (playwright.config.ts,
// ensure-chromium.mjs, screenshot.mjs) goes through this one file.
import { existsSync } from 'node:fs';

/** Paths tried in order: $CHROMIUM_PATH, then Debian's and Ubuntu's package locations. */
export const CHROMIUM_CANDIDATES = [
  ...(process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : []),
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
];

/**
 * The first candidate that exists on disk, or undefined when none does.
 * @returns {string | undefined}
 */
export function findChromium() {
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

/** True when running as root, where Chromium refuses to start without --no-sandbox. */
export const isRoot = process.getuid?.() === 0;

/**
 * Flags for a quiet headless run on a machine without network: without the
 * background-networking ones Chromium keeps dialling out and logs refused connections.
 */
export const CHROMIUM_ARGS = [
  ...(isRoot ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Playwright `launchOptions` for the system Chromium (headless). Falls back to
 * /usr/bin/chromium so a missing browser fails with Playwright's own message.
 * @returns {{ executablePath: string, headless: boolean, args: string[] }}
 */
export function chromiumLaunchOptions() {
  return { executablePath: findChromium() ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS };
}
