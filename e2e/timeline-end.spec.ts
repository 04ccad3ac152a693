import { expect, test } from '@playwright/test';
import { node, openApp, readNumber, setSpeed, totals } from './helpers';

test.describe.configure({ timeout: 60_000 });

test('Play stops at the end of the scenario’s duration, and Continue runs on past it', async ({ page }) => {
  await openApp(page); // 40 s long
  await setSpeed(page, 100);
  await page.getByRole('button', { name: 'Play' }).click();
  const clock = page.getByRole('timer', { name: 'Simulated time' });
  await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('status')).toContainText('End of the scenario (0:40.000)');
  await expect(clock).toHaveText('0:40.000');
  await page.waitForTimeout(300);
  await expect(clock).toHaveText('0:40.000');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(async () => clock.innerText(), { timeout: 10_000 }).toMatch(/^0:(4[3-9]|5\d)|^[1-9]:/);
});

test('“Last event” follows the run while playing, and Published matches the producer card', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 2);
  await page.getByRole('button', { name: 'Play' }).click();
  const last = page.getByRole('region', { name: 'Last event' });
  await expect(last).toContainText(/At 0:0\d\.\d{3}: /, { timeout: 10_000 });
  const first = await last.innerText();
  await expect.poll(() => last.innerText(), { timeout: 10_000 }).not.toBe(first);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(async () => (await readNumber(totals(page), 'Published')) === (await readNumber(node(page, 'User service'), 'Published'))).toBe(true);
});

test('in a REST scenario the totals say what they count: producer messages apart from service calls, failures with losses', async ({ page }) => {
  await openApp(page, '#s=rest-order-chain');
  await setSpeed(page, 20);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readNumber(totals(page), 'Sent by services'), { timeout: 10_000 }).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(totals(page)).toContainText('Failed requests');
  await expect.poll(async () => (await readNumber(totals(page), 'Published')) === (await readNumber(node(page, 'Shoppers'), 'Published'))).toBe(true);
});
