import { expect, test } from '@playwright/test';
import { openApp, setSpeed } from './helpers';

/** The numbers in "<queue>: backlog now N, max M." */
function backlog(text: string): { now: number; max: number } {
  const m = /backlog now ([\d,]+), max ([\d,]+)/.exec(text);
  if (!m) throw new Error(`no backlog summary in: ${text}`);
  return { now: Number(m[1]!.replace(/,/g, '')), max: Number(m[2]!.replace(/,/g, '')) };
}

test('the charts panel shows a backlog chart whose data grows while playing, with throughput and latency beside it', async ({ page }) => {
  await openApp(page);
  await page.getByRole('switch', { name: 'Email service online' }).click();
  await page.getByRole('tab', { name: 'Charts' }).click();
  const chart = page.getByRole('figure', { name: /Backlog/ });
  await expect(chart).toContainText('user.registered queue: backlog now 0, max 0.');
  await setSpeed(page, 10);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => backlog(await chart.innerText()).max, { timeout: 10_000 }).toBeGreaterThanOrEqual(10);
  const earlier = backlog(await chart.innerText()).max;
  await expect.poll(async () => backlog(await chart.innerText()).max, { timeout: 10_000 }).toBeGreaterThan(earlier + 10);
  // The chart draws on a canvas, with the timeline cursor; React does not re-render it per frame.
  await expect(chart.locator('canvas')).toHaveCount(1);

  // The open drawer now floats over the canvas (over this card): switch it from the keyboard.
  await page.getByRole('switch', { name: 'Email service online' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('figure', { name: /Throughput/ })).toContainText(/Throughput now \d+ per second, max [1-9]/, { timeout: 10_000 });
  await expect(page.getByRole('figure', { name: /End-to-end latency/ })).toContainText(/p50 [\d.,]+ (ms|s), p99/, { timeout: 10_000 });
});
