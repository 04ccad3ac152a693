import { expect, test } from '@playwright/test';
import { node, openApp, openFile, seek, totals } from './helpers';

const picker = (page: import('@playwright/test').Page) => page.getByRole('combobox', { name: 'Scenario' });

/** A small valid scenario written as a user would. */
const mine = {
  id: 'my-orders',
  title: { en: 'My orders', es: 'Mis pedidos' },
  nodes: [
    { id: 'shop', kind: 'producer', label: 'Shop', ratePerSec: 5 },
    { id: 'orders', kind: 'queue', label: 'Orders queue' },
    { id: 'billing', kind: 'service', label: 'Billing', serviceTime: { dist: 'constant', ms: 50 } },
  ],
  links: [
    { from: 'shop', to: 'orders', latency: { dist: 'constant', ms: 30 } },
    { from: 'orders', to: 'billing', latency: { dist: 'constant', ms: 30 } },
  ],
};

test('a malformed scenario file is rejected with a located error; the scenario on screen stays', async ({ page }) => {
  await openApp(page, '#s=mm1');
  await expect(picker(page)).toHaveValue('mm1');

  const broken = structuredClone(mine);
  (broken.nodes[2] as Record<string, unknown>).concurrency = -2;
  await openFile(page, 'broken.json', JSON.stringify(broken));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This scenario was not loaded');
  await expect(alert).toContainText('nodes[2] ("billing").concurrency');
  await expect(alert).toContainText('The scenario on screen is unchanged');
  await expect(picker(page)).toHaveValue('mm1');
  await expect(node(page, 'Worker')).toBeVisible();
  await expect(node(page, 'Billing')).toHaveCount(0);

  // The same problems, phrased in Spanish when the interface is.
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(alert).toContainText('Este escenario no se ha cargado');
  await expect(alert).toContainText('nodes[2] ("billing").concurrency');
  await page.getByRole('button', { name: 'English' }).click();

  await openFile(page, 'truncated.json', '{ "id": "x", "nodes": [');
  await expect(alert).toContainText('This is not valid JSON');
  await expect(node(page, 'Worker')).toBeVisible();

  // A valid file replaces the scenario and clears the error.
  await openFile(page, 'mine.json', JSON.stringify(mine));
  await expect(alert).toHaveCount(0);
  await expect(node(page, 'Billing')).toBeVisible();
  await expect(picker(page)).toContainText('Custom: My orders');
});

test('a broken share link shows a clear error and leaves the current scenario', async ({ page }) => {
  await openApp(page, '#s=mm1');
  await page.evaluate(() => (location.hash = '#s=no-such-scenario'));
  await expect(page.getByRole('alert')).toContainText('No built-in scenario is called "no-such-scenario"');
  await expect(picker(page)).toHaveValue('mm1');
  await page.evaluate(() => (location.hash = '#z=not*base64'));
  await expect(page.getByRole('alert')).toContainText('This share link is damaged');
  await expect(node(page, 'Worker')).toBeVisible();
});

test('a share link reopens the same scenario, seed and recorded actions', async ({ page, context }) => {
  await openApp(page, '#s=mm1');
  await openFile(page, 'mine.json', JSON.stringify(mine));
  // The file is read asynchronously: a seek before it has loaded is undone by the load (a full run
  // once found the clock back at 0:00.000).
  await expect(node(page, 'Billing')).toBeVisible();
  await seek(page, 2000, '0:02.000');
  await page.getByRole('switch', { name: 'Billing online' }).click();
  await seek(page, 5000, '0:05.000');
  const before = { totals: await totals(page).innerText(), queue: await node(page, 'Orders queue').innerText() };

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  // The link is compressed asynchronously: wait until it is written before reading it.
  const box = page.getByRole('textbox', { name: 'Share link' });
  await expect(box).toHaveValue(/#z=.*&a=/);
  const link = await box.inputValue();

  const other = await context.newPage();
  await other.goto(link);
  await expect(node(other, 'Billing')).toBeVisible();
  await seek(other, 5000, '0:05.000');
  await expect(other.getByRole('switch', { name: 'Billing online' })).toHaveAttribute('aria-checked', 'false');
  expect({ totals: await totals(other).innerText(), queue: await node(other, 'Orders queue').innerText() }).toEqual(before);
});
