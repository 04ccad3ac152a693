import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

/** The scoreboard's cell for a row (by its name) and a column (by its header). */
async function cell(page: Page, row: string, column: string): Promise<string> {
  const table = page.getByRole('table');
  const headers = await table.getByRole('columnheader').allInnerTexts();
  const index = headers.findIndex((h) => h.trim() === column);
  expect(index, `column ${column} in ${headers.join('|')}`).toBeGreaterThanOrEqual(0);
  const cells = await table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: row, exact: true }) }).getByRole('cell').allInnerTexts();
  return cells[index]!;
}

const n = (text: string) => Number(text.replace(/[^\d]/g, ''));

test('compare mode: one workload through every pattern, the outage scored in each', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Order created: every pattern, one workload' })).toBeVisible({ timeout: 15_000 });
  const columns = page.getByRole('list', { name: 'Patterns side by side' }).getByRole('listitem');
  await expect(columns).toHaveCount(5);

  // Shipping is down from 10 s to 20 s in the file; run past it at 100×.
  await page.getByRole('slider', { name: 'Speed' }).fill('2');
  await page.getByRole('toolbar').getByRole('button', { name: 'Play' }).click();
  // Play stops at the end of the comparison's duration (60 s) and says so.
  await expect(page.getByRole('status').filter({ hasText: 'End of the comparison' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('1:00.000');

  // Brokers buffered the down consumer's share and drained it afterwards.
  for (const col of ['Queues', 'Kafka', 'Pub/sub']) {
    expect(n(await cell(page, 'Largest backlog', col)), col).toBeGreaterThan(50);
    expect(n(await cell(page, 'Backlog now', col)), col).toBeLessThan(15);
  }
  // Webhooks deliver late; REST calls fail; nothing is lost anywhere.
  expect(n(await cell(page, 'Delivered late', 'Webhooks'))).toBeGreaterThan(0);
  expect(n(await cell(page, 'Failed calls', 'REST'))).toBeGreaterThan(0);
  for (const col of ['Queues', 'Kafka', 'Pub/sub', 'Webhooks', 'REST']) expect(await cell(page, 'Lost', col), col).toBe('0');
  // A row explains itself on focus.
  await page.getByText('Lost', { exact: true }).focus();
  await expect(page.getByRole('tooltip').filter({ hasText: 'Gone for good' })).toBeVisible();

  // One switch takes the same consumer offline in every column.
  await page.getByRole('switch', { name: 'Shipping online, in every column' }).uncheck();
  for (const column of await columns.all()) {
    await expect(column.getByRole('group', { name: 'Shipping', exact: true })).toContainText('offline');
  }

  // In Spanish too; and back to the simulator.
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { name: 'Marcador' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Perdidos' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Back to the simulator' }).click();
  await expect(page.getByRole('group', { name: 'Email service', exact: true })).toBeVisible();
});

test('a comparison link opens compare mode; variants show the cascade contained', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/#compare=compare-cascade');
  await expect(page.getByRole('heading', { name: 'Cascading failure: unprotected vs protected' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('slider', { name: 'Speed' }).fill('2');
  await page.getByRole('toolbar').getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'End of the comparison' })).toBeVisible({ timeout: 60_000 });
  const waitingUnprotected = n(await cell(page, 'Producer blocked', 'Unprotected'));
  const waitingProtected = n(await cell(page, 'Producer blocked', 'Timeouts + breaker + bulkhead'));
  expect(waitingUnprotected).toBeGreaterThan(5 * waitingProtected);
  expect(n(await cell(page, 'Failed calls', 'Unprotected'))).toBeGreaterThan(n(await cell(page, 'Failed calls', 'Timeouts + breaker + bulkhead')));
});
