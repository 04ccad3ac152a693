import { expect, test, type Page } from '@playwright/test';
import { node, openApp, readNumber, seek, setSpeed, totals } from './helpers';

const edge = (page: Page, id: string) => page.locator(`.react-flow__edge[data-id="${id}"]`);
const opacity = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => Number(getComputedStyle(el).opacity));

test('"Publish one" sends exactly one message, and the card counts it once it has arrived', async ({ page }) => {
  await openApp(page, '#s=user-registered-queue');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(await readNumber(totals(page), 'Published')).toBe(0);
  await page.getByRole('button', { name: /^Publish one message from / }).click();
  await expect.poll(() => readNumber(totals(page), 'Published')).toBe(1);
  const producer = page.locator('.card--producer');
  await expect.poll(() => readNumber(producer, 'Published')).toBe(1);
  // Paused: nothing else is published, however long we wait.
  await page.waitForTimeout(1200);
  expect(await readNumber(totals(page), 'Published')).toBe(1);
  expect(await readNumber(producer, 'Published')).toBe(1);
});

test('a topic exchange shows the binding key on each of its edges', async ({ page }) => {
  await openApp(page, '#s=rabbitmq-order-created');
  const keys = page.getByTestId('binding-key');
  await expect(keys.first()).toBeVisible();
  const texts = await keys.allInnerTexts();
  expect(texts.sort()).toEqual(['order.#', 'order.*.created', 'order.eu.*']);
  for (const k of await keys.all()) await expect(k).toBeVisible();
});

test('following one message lights its whole path (every copy, to every bound queue and on to its consumer) and dims the rest', async ({ page }) => {
  await openApp(page, '#s=rabbitmq-order-created');
  await page.getByRole('button', { name: 'Publish one message from Order service (EU)' }).click();
  await page.getByRole('tab', { name: 'Events' }).click();
  await page.getByRole('list', { name: 'Event log' }).getByRole('button', { name: 'Life of order.eu.created #1', exact: true }).first().click();
  // The bar names what is followed and the routing key the bindings match.
  const bar = page.getByRole('status').filter({ hasText: 'Following' });
  await expect(bar).toContainText('Following order.eu.created #1');
  await expect(bar).toContainText('routing key order.eu.created');
  await page.getByRole('button', { name: 'Play' }).click();
  // Until every copy has reached its consumer (a few ms simulated; generous for a busy machine).
  const style = page.getByTestId('follow-style');
  for (const hop of ['billing->billing-svc', 'shipping->shipping-svc', 'notifications->notify-svc']) {
    await expect.poll(async () => (await style.textContent()) ?? '', { timeout: 20_000 }).toContain(hop);
  }
  await page.getByRole('button', { name: 'Pause' }).click();
  // order.eu.created matches all three bindings: three copies, each delivered to its consumer.
  for (const id of ['orders-eu->orders', 'orders->billing', 'orders->shipping', 'orders->notifications', 'billing->billing-svc', 'shipping->shipping-svc', 'notifications->notify-svc']) {
    await expect.poll(() => edge(page, id).evaluate((el) => Number(getComputedStyle(el).opacity)), { message: id, timeout: 10_000 }).toBe(1);
  }
  // The other producer's link and card are dimmed.
  expect(await edge(page, 'orders-us->orders').evaluate((el) => Number(getComputedStyle(el).opacity))).toBeLessThan(0.5);
  expect(await opacity(page, '.react-flow__node[data-id="orders-us"]')).toBeLessThan(0.5);
  expect(await opacity(page, '.react-flow__node[data-id="shipping-svc"]')).toBe(1);
  await page.getByRole('button', { name: 'Stop following' }).click();
  expect(await edge(page, 'orders-us->orders').evaluate((el) => Number(getComputedStyle(el).opacity))).toBe(1);
});

test('Kafka: a partition changes owner colour when a member goes offline and the group rebalances', async ({ page }) => {
  await openApp(page, '#s=kafka-order-events');
  await seek(page, 12_000, '0:12.000');
  const owners = page.locator('[data-testid="lane-owner"][data-group="billing"]');
  await expect(owners).toHaveCount(3);
  const before = await owners.evaluateAll((els) => els.map((e) => ({ owner: e.getAttribute('data-owner'), colour: getComputedStyle(e).backgroundColor })));
  expect(new Set(before.map((o) => o.owner))).toEqual(new Set(['billing-1', 'billing-2']));
  // Billing 2 goes offline at 15 s; its session expires 6 s later and billing 1 takes every partition.
  await seek(page, 30_000, '0:30.000');
  await expect.poll(async () => owners.evaluateAll((els) => els.map((e) => e.getAttribute('data-owner')))).toEqual(['billing-1', 'billing-1', 'billing-1']);
  // The colour fades to the new owner's.
  const moved = before.findIndex((o) => o.owner === 'billing-2');
  await expect.poll(() => owners.nth(moved).evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(before.find((o) => o.owner === 'billing-1')!.colour);
  expect(before[moved]!.colour).not.toBe(before.find((o) => o.owner === 'billing-1')!.colour);
  // The edge to billing 2 no longer carries partitions; billing 1's lists all three in its colour.
  await expect(page.locator('[data-testid="edge-owner"][data-owner="billing-1"]')).toHaveText('P0 · P1 · P2');
  await expect(page.locator('[data-testid="edge-owner"][data-owner="billing-2"]')).toHaveCount(0);
  await expect(node(page, 'Billing 2')).toBeVisible();
});

test('moving messages never cover an edge label: the binding keys stay readable while traffic passes', async ({ page }) => {
  await openApp(page, '#s=rabbitmq-order-created');
  await expect(page.getByTestId('binding-key').first()).toBeVisible();
  await page.getByRole('button', { name: 'Play' }).click();
  let drawn = 0;
  for (let i = 0; i < 12; i++) {
    await page.waitForTimeout(250);
    const r = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.message-layer')!;
      const ctx = canvas.getContext('2d')!;
      const origin = canvas.getBoundingClientRect();
      const sx = canvas.width / origin.width, sy = canvas.height / origin.height;
      const all = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let k = 3; k < all.length; k += 4) if (all[k]! > 0) painted++;
      let overLabels = 0;
      for (const label of document.querySelectorAll('[data-testid="binding-key"]')) {
        const b = label.getBoundingClientRect();
        // A pixel in from each side: the label's border is anti-aliased against the canvas.
        const x = Math.ceil((b.left - origin.left) * sx) + 1, y = Math.ceil((b.top - origin.top) * sy) + 1;
        const w = Math.floor(b.width * sx) - 2, h = Math.floor(b.height * sy) - 2;
        const d = ctx.getImageData(x, y, w, h).data;
        for (let k = 3; k < d.length; k += 4) if (d[k]! > 0) overLabels++;
      }
      return { painted, overLabels };
    });
    expect(r.overLabels, `frame ${i}: moving shapes drawn over a binding key`).toBe(0);
    drawn += r.painted;
  }
  // Messages were moving meanwhile (the check above is not vacuous).
  expect(drawn).toBeGreaterThan(0);
});

test('a queue card\'s chips follow a waiting message: by keyboard the next to be delivered, by a click the one clicked', async ({ page }) => {
  await openApp(page, '#s=user-registered-queue');
  await page.getByRole('switch', { name: 'Email service online' }).click();
  await setSpeed(page, 10);
  await page.getByRole('button', { name: 'Play' }).click();
  const queue = node(page, 'user.registered queue');
  await expect.poll(() => readNumber(queue, 'Backlog'), { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
  await page.getByRole('button', { name: 'Pause' }).click();
  const chips = page.getByRole('button', { name: 'Follow the next message waiting in user.registered queue' });
  // Keyboard: focus the chips and press Enter.
  await chips.focus();
  await expect(chips).toBeFocused();
  await page.keyboard.press('Enter');
  const bar = page.getByRole('status').filter({ hasText: 'Following' });
  await expect(bar).toContainText(/Following \S+ #\d+/);
  const head = Number(/#(\d+)/.exec(await bar.innerText())![1]);
  // Its path so far is lit: producer → queue.
  await expect.poll(async () => (await page.getByTestId('follow-style').textContent()) ?? '').toContain('users->signups');
  // A click on the fourth chip follows a later message.
  await queue.locator('.chip[data-i="3"]').click();
  await expect(bar).not.toContainText(`#${head} `);
  const fourth = Number(/#(\d+)/.exec(await bar.innerText())![1]);
  expect(fourth).toBeGreaterThan(head);
});
