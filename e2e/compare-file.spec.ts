import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { node, openApp, openFile } from './helpers';

/** A comparison of the user's own, written as a user would: two services, three patterns. */
const mine = {
  id: 'my-checkout',
  title: { en: 'My checkout', es: 'Mi pago' },
  compare: 'patterns',
  durationMs: 20_000,
  producer: { id: 'checkout', label: 'Checkout', ratePerSec: 8, eventType: 'Paid' },
  services: [
    { id: 'ledger', label: 'Ledger', serviceTime: { dist: 'constant', ms: 40 } },
    { id: 'mailer', label: 'Mailer', serviceTime: { dist: 'exponential', meanMs: 60 } },
  ],
  patterns: ['queue', 'pubsub', 'rest'],
};
const broken = { ...mine, producer: { ...mine.producer, ratePerSec: -3 } };

const columns = (page: Page) => page.getByRole('list', { name: 'Patterns side by side' }).getByRole('listitem');
const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });

/** Drops a file on the page, as a user dragging it from the desktop. */
async function drop(page: Page, name: string, content: string): Promise<void> {
  const data = await page.evaluateHandle(
    ([n, c]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([c], n, { type: 'application/json' }));
      return dt;
    },
    [name, content] as const,
  );
  await page.locator('.dropzone').dispatchEvent('dragover', { dataTransfer: data });
  await page.locator('.dropzone').dispatchEvent('drop', { dataTransfer: data });
}

test('the user’s own comparison opens by Open file, paste and drop; a bad one is refused, located, and the screen stays', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page, '#s=mm1');

  // A broken comparison from the ordinary view: located, in both languages; the scenario stays.
  await openFile(page, 'broken.json', JSON.stringify(broken));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This comparison was not opened');
  await expect(alert).toContainText('producer.ratePerSec');
  await expect(alert).toContainText('The scenario on screen is unchanged');
  await expect(node(page, 'Worker')).toBeVisible();
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(alert).toContainText('Esta comparación no se ha abierto');
  await expect(alert).toContainText('producer.ratePerSec');
  await page.getByRole('button', { name: 'English' }).click();

  // A valid one opens compare mode with its own patterns and services.
  await openFile(page, 'mine.json', JSON.stringify(mine));
  await expect(heading(page, 'My checkout')).toBeVisible({ timeout: 15_000 });
  await expect(alert).toHaveCount(0);
  await expect(columns(page)).toHaveCount(3);
  await expect(columns(page).first().getByRole('group', { name: 'Ledger', exact: true })).toBeVisible();
  await expect(page).toHaveURL(/#compare=my-checkout&z=/);

  // Pasted, a broken one is refused in compare view; the comparison on screen stays.
  await page.getByRole('button', { name: 'Paste JSON' }).click();
  await page.getByRole('textbox', { name: 'Paste a scenario' }).fill(JSON.stringify({ ...mine, patterns: ['queue', 'carrier-pigeon'] }));
  await page.getByRole('button', { name: 'Load scenario' }).click();
  await expect(alert).toContainText('This comparison was not opened');
  await expect(alert).toContainText('patterns[1]');
  await expect(alert).toContainText('The comparison on screen is unchanged');
  await expect(heading(page, 'My checkout')).toBeVisible();
  await expect(columns(page)).toHaveCount(3);

  // Dropped, another one replaces it.
  await drop(page, 'two.json', JSON.stringify({ ...mine, id: 'two', title: 'Two patterns', patterns: ['kafka', 'webhook'] }));
  await expect(heading(page, 'Two patterns')).toBeVisible();
  await expect(alert).toHaveCount(0);
  await expect(columns(page)).toHaveCount(2);

  // A scenario file dropped in compare view opens the ordinary view on it.
  await drop(page, 'scenario.json', JSON.stringify({
    id: 'plain', title: 'Plain',
    nodes: [
      { id: 'p', kind: 'producer', label: 'Plain producer', ratePerSec: 2 },
      { id: 'w', kind: 'service', label: 'Plain worker', serviceTime: { dist: 'constant', ms: 10 } },
    ],
    links: [{ from: 'p', to: 'w' }],
  }));
  await expect(node(page, 'Plain worker')).toBeVisible();
  await expect(columns(page)).toHaveCount(0);
});

test('the share link carries the user’s comparison and the switch, on the shared clock', async ({ page, context }) => {
  test.setTimeout(90_000);
  await openApp(page, '#s=mm1');
  await openFile(page, 'mine.json', JSON.stringify(mine));
  await expect(heading(page, 'My checkout')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('slider', { name: 'Timeline' }).fill('2000');
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('0:02.000');
  await page.getByRole('switch', { name: 'Ledger online, in every column' }).uncheck();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page).toHaveURL(/#compare=my-checkout&z=[\w-]+&a=[\w-]+$/);
  const link = page.url();

  const other = await context.newPage();
  await other.goto(link);
  await expect(heading(other, 'My checkout')).toBeVisible({ timeout: 15_000 });
  await expect(columns(other)).toHaveCount(3);
  // At 0 s Ledger is up; the link takes it down at 2 s, in every column.
  await expect(other.getByRole('switch', { name: 'Ledger online, in every column' })).toBeChecked();
  await other.getByRole('slider', { name: 'Timeline' }).fill('3000');
  await expect(other.getByRole('timer', { name: 'Simulated time' })).toHaveText('0:03.000');
  await expect(other.getByRole('switch', { name: 'Ledger online, in every column' })).not.toBeChecked();
  for (const column of await columns(other).all()) {
    await expect(column.getByRole('group', { name: 'Ledger', exact: true })).toContainText('offline');
  }
});

test('?compare= opens a comparison file the app serves; foreign, unknown and hostile links are refused with a message', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/?compare=comparisons/compare-cascade.json');
  await expect(heading(page, 'Cascading failure: unprotected vs protected')).toBeVisible({ timeout: 15_000 });

  await page.goto('/?compare=https://example.com/evil.json');
  await expect(page.getByRole('alert')).toContainText('Only comparison files this app serves can be opened');
  await expect(columns(page)).toHaveCount(0);

  await page.goto('/#compare=no-such-comparison');
  await expect(page.getByRole('alert')).toContainText('there is no built-in comparison "no-such-comparison"');

  // 8 MB of spaces, deflated to a few KB: refused as too large without inflating it all.
  const bomb = await page.evaluate(async () => {
    const bytes = new Uint8Array(8 << 20).fill(32);
    const packed = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    let binary = '';
    for (const b of packed) binary += String.fromCharCode(b);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  });
  await page.goto(`/#compare=x&z=${bomb}`);
  await expect(page.getByRole('alert')).toContainText('Too large');
  await expect(columns(page)).toHaveCount(0);

  // Opened on top of a comparison, a hostile link leaves that comparison on screen.
  await page.goto('/#compare=compare-cascade');
  await expect(heading(page, 'Cascading failure: unprotected vs protected')).toBeVisible({ timeout: 15_000 });
  await page.evaluate((b) => (location.hash = `#compare=x&z=${b}`), bomb);
  await expect(page.getByRole('alert')).toContainText('Too large');
  await expect(page.getByRole('alert')).toContainText('The comparison on screen is unchanged');
  await expect(heading(page, 'Cascading failure: unprotected vs protected')).toBeVisible();
});

test('the scoreboard of the user’s comparison exports as CSV, a column per pattern', async ({ page }) => {
  await openApp(page, '#s=mm1');
  await openFile(page, 'mine.json', JSON.stringify(mine));
  await expect(heading(page, 'My checkout')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('slider', { name: 'Timeline' }).fill('5000');
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('0:05.000');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('my-checkout-scoreboard.csv');
  const lines = readFileSync((await download.path())!, 'utf8').trim().split('\n');
  expect(lines[0]).toBe(',Work queues (RabbitMQ),Pub/sub,REST calls');
  // About 8 orders a second for 5 s, the same in every column.
  const published = lines.find((l) => l.startsWith('Published,'))!.split(',').slice(1);
  expect(new Set(published).size).toBe(1);
  expect(Number(published[0])).toBeGreaterThan(20);
});
