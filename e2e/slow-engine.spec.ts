import { expect, test, type Page, type Route } from '@playwright/test';
import { readNumber, totals } from './helpers';

/**
 * The engine (Simulation, models, zod) is not in the first load: the first screen is drawn
 * without it and it arrives in its own chunk. These tests hold that chunk back until they let it
 * go, and check what the learner sees and can do meanwhile.
 */
const ENGINE = /\/assets\/(catalog|engineRuntime)-[\w-]+\.js$/;

/** Holds the engine chunks back until the returned function is called. */
async function holdEngine(page: Page): Promise<{ release: () => void; requested: () => boolean }> {
  const held: Route[] = [];
  let released = false;
  await page.route(ENGINE, async (route) => {
    if (released) await route.continue();
    else held.push(route);
  });
  return {
    release: () => {
      released = true;
      for (const route of held.splice(0)) void route.continue();
    },
    requested: () => held.length > 0,
  };
}

test('the first screen is drawn while the engine is still loading, and Play works when it arrives', async ({ page }) => {
  const engine = await holdEngine(page);
  await page.goto('/');
  // Header, the default scenario's cards and links, and the controls, with the engine held back.
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('user-registered-queue');
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  // Laid out and shown without dagre, which comes with the engine: left to right, on one line.
  await expect(page.locator('.flow--shown')).toHaveCount(1);
  const boxes = await Promise.all(['users', 'signups', 'email'].map((id) => page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox()));
  expect(boxes[0]!.x + boxes[0]!.width).toBeLessThan(boxes[1]!.x);
  expect(boxes[1]!.x + boxes[1]!.width).toBeLessThan(boxes[2]!.x);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(totals(page)).toContainText('Processed 0');
  expect(engine.requested()).toBe(true);

  // Play before the engine is there: nothing can run yet, and it runs as soon as the engine arrives.
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(500);
  expect(await readNumber(totals(page), 'Published')).toBe(0);
  engine.release();
  await expect.poll(() => readNumber(totals(page), 'Processed'), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  // The canvas kept its cards (the engine took the drawn scenario over, it did not reload it).
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
});

test('Step and the scenario picker wait for the engine, then do what they say', async ({ page }) => {
  const engine = await holdEngine(page);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Step one event' })).toBeVisible();
  await page.getByRole('button', { name: 'Step one event' }).click();
  engine.release();
  await expect(page.getByText('1 event', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('region', { name: 'Last event' })).toContainText('User service published UserRegistered #1');

  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('mm1');
  await expect(page).toHaveURL(/#s=mm1$/);
  await expect(page.getByText('0 events')).toBeVisible();
});

test('a card picked before the engine arrives stays picked, its inspector open, once the engine has taken the scenario over', async ({ page }) => {
  const engine = await holdEngine(page);
  await page.goto('/');
  await expect(page.locator('html.prerendered')).toHaveCount(0, { timeout: 15_000 });
  await page.locator('.react-flow__node[data-id="email"]').getByText('Email service', { exact: true }).click();
  engine.release();
  const heading = page.getByRole('region', { name: 'Inspector' }).getByRole('heading', { name: 'Email service' });
  await expect(heading).toBeVisible({ timeout: 15_000 });
  // The engine has run an event on the scenario it took over, and the pick held through it.
  await page.getByRole('button', { name: 'Step one event' }).click();
  await expect(page.getByText('1 event', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(heading).toBeVisible();
});

test('the cards drawn at build time are the ones hydration adopts: none is drawn again once the page is React’s', async ({ page }) => {
  // The libraries held back: the page is the prerendered HTML alone.
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/vendor-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.locator('html.prerendered')).toHaveCount(1);
  expect(await page.locator('.react-flow__node').count()).toBe(3);
  await page.evaluate(() => {
    (window as unknown as { cards: Element[] }).cards = [...document.querySelectorAll('.react-flow__node')];
  });
  release();
  await expect(page.locator('html.prerendered')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('.flow--shown')).toHaveCount(1);
  const kept = await page.evaluate(() => {
    const before = (window as unknown as { cards: Element[] }).cards;
    const now = [...document.querySelectorAll('.react-flow__node')];
    return now.length === before.length && before.every((el, i) => el.isConnected && el === now[i]);
  });
  expect(kept).toBe(true);
});
