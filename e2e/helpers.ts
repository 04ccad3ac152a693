import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the app on a share-link hash, with the debug hook on, and waits for the canvas. */
export async function openApp(page: Page, hash = '#s=user-registered-queue'): Promise<void> {
  await page.goto(`/?debug${hash}`);
  // A share link is opened with the engine, which arrives after the page's load event (its own
  // chunk, not in the first load): allow for it on a busy machine.
  await expect(page.getByRole('timer')).toBeVisible({ timeout: 15_000 });
  // The default scenario's first screen is prerendered in index.html: wait until React has it.
  await expect(page.locator('html.prerendered')).toHaveCount(0, { timeout: 15_000 });
}

/** The number after `name` in a block of text ("Processed 1,234" → 1234). */
export function numberAfter(text: string, name: string): number {
  const m = new RegExp(`${name}\\s*([\\d.,\\s]+)`, 'i').exec(text);
  if (!m) throw new Error(`no "${name} <number>" in: ${text}`);
  return Number(m[1]!.replace(/[^\d]/g, ''));
}

/** Reads the number after `name` from what the locator shows. */
export async function readNumber(locator: Locator, name: string): Promise<number> {
  return numberAfter(await locator.innerText(), name);
}

/** The ledger totals under the clock. */
export function totals(page: Page): Locator {
  return page.getByRole('group', { name: 'Messages' });
}

/** A node card on the canvas, by its label. */
export function node(page: Page, label: string): Locator {
  return page.getByRole('group', { name: label, exact: true });
}

/** Sets the speed slider (log scale) to `speed`×. */
export async function setSpeed(page: Page, speed: number): Promise<void> {
  await page.getByRole('slider', { name: 'Speed' }).fill(String(Math.log10(speed)));
}

/** Seeks with the timeline slider and waits until the run has landed there. */
export async function seek(page: Page, ms: number, clock: string): Promise<void> {
  await page.getByRole('slider', { name: 'Timeline' }).fill(String(ms));
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText(clock);
  await expect(page.getByRole('status').filter({ hasText: 'Rewinding' })).toHaveCount(0);
}

/** Opens scenario JSON through the file input, as a user picking a file would. */
export async function openFile(page: Page, name: string, content: string): Promise<void> {
  await page.getByLabel('Open a scenario file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}
