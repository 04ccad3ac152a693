import { expect, test, type Page } from '@playwright/test';
import { node, openApp, setSpeed } from './helpers';

/** Requests the load balancer's card says it has sent to `replica` so far. */
async function sentTo(page: Page, replica: string): Promise<number> {
  return Number(await node(page, 'Load balancer').locator(`[data-replica="${replica}"]`).getAttribute('data-sent'));
}

test('a replica taken offline is ejected by the load balancer and its peers take its load', async ({ page }) => {
  await openApp(page, '#s=rest-load-balancer');
  const lb = node(page, 'Load balancer');
  await expect(lb.getByRole('listitem')).toHaveCount(3);
  await setSpeed(page, 5);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => sentTo(page, 'orders-1'), { timeout: 10_000 }).toBeGreaterThan(20);

  const replica1 = page.getByRole('switch', { name: 'Orders 1 online' });
  await replica1.click();
  await expect(replica1).toHaveAttribute('aria-checked', 'false');
  // Five refused calls in a row, and the balancer takes it out of the rotation.
  const pill = lb.locator('[data-replica="orders-1"]');
  await expect(pill).toHaveAttribute('data-ejected', 'true', { timeout: 10_000 });
  await expect(pill).toContainText('ejected');

  const frozen = await sentTo(page, 'orders-1');
  const [two, three] = [await sentTo(page, 'orders-2'), await sentTo(page, 'orders-3')];
  await expect.poll(() => sentTo(page, 'orders-2'), { timeout: 10_000 }).toBeGreaterThan(two + 30);
  await expect.poll(() => sentTo(page, 'orders-3'), { timeout: 10_000 }).toBeGreaterThan(three + 30);
  expect(await sentTo(page, 'orders-1')).toBe(frozen);
});
