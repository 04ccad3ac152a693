import { expect, test, type Locator } from '@playwright/test';
import { openApp, readNumber, totals } from './helpers';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const box = async (l: Locator) => (await l.boundingBox())!;
const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('on a phone (390×844): everything is on screen, and it plays, steps and takes a consumer offline', async ({ page }) => {
  await openApp(page);
  // The header does not overlap itself; the controls and both sliders are on screen.
  const header = [
    page.getByRole('combobox', { name: 'Scenario' }),
    page.getByRole('group', { name: 'Language' }),
    page.getByText('Open file'),
    page.getByRole('button', { name: 'Share', exact: true }),
  ];
  const boxes = await Promise.all(header.map(box));
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!), `header items ${i} and ${j} overlap`).toBe(false);
  for (const control of [
    page.getByRole('button', { name: 'Play' }),
    page.getByRole('button', { name: 'Step one event' }),
    page.getByRole('slider', { name: 'Timeline' }),
    page.getByRole('slider', { name: 'Speed' }),
    page.getByRole('timer', { name: 'Simulated time' }),
  ]) await expect(control).toBeInViewport({ ratio: 1 });
  // The canvas spans the width.
  expect((await box(page.getByRole('main'))).width).toBeGreaterThan(380);

  await page.getByRole('button', { name: 'Step one event' }).tap();
  await expect(page.getByText('1 event', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Last event' })).toContainText('User service published UserRegistered #1');

  // Readable rather than whole: the diagram starts at its left end and the learner drags it to see the rest.
  const email = page.getByRole('switch', { name: 'Email service online' });
  await expect(email).not.toBeInViewport({ ratio: 1 });
  const canvas = await box(page.getByRole('main'));
  const y = (await box(page.getByRole('group', { name: 'User service' }))).y - 20;
  await page.mouse.move(canvas.x + 340, y);
  await page.mouse.down();
  await page.mouse.move(canvas.x + 60, y, { steps: 8 });
  await page.mouse.up();
  await expect(email).toBeInViewport({ ratio: 0.95 });
  await email.tap();
  await expect(page.getByRole('switch', { name: 'Email service online' })).toHaveAttribute('aria-checked', 'false');

  await page.getByRole('slider', { name: 'Speed' }).fill('1');
  await page.getByRole('button', { name: 'Play' }).tap();
  // With the consumer offline, the backlog grows and nothing is processed.
  await expect.poll(() => readNumber(page.getByRole('group', { name: 'user.registered queue', exact: true }), 'Backlog'), { timeout: 10_000 }).toBeGreaterThan(3);
  await expect(totals(page)).toContainText('Processed 0');

  // The inspector opens as a sheet that leaves the controls usable.
  await page.getByRole('combobox', { name: 'Node to inspect' }).selectOption({ label: 'Email service' });
  await expect(page.getByRole('region', { name: 'Inspector' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeInViewport({ ratio: 1 });
  await page.getByRole('button', { name: 'Pause' }).tap();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(await readNumber(totals(page), 'Published')).toBeGreaterThan(3);
});

test('on a phone the legend starts folded behind a button, so the diagram stays visible; it opens and folds in both languages', async ({ page }) => {
  await openApp(page);
  const toggle = page.getByRole('button', { name: 'Legend', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('list', { name: 'Legend' })).toHaveCount(0);
  // Folded, it is one small button in the corner, not a band across the lower canvas.
  const folded = await box(toggle);
  expect(folded.height).toBeLessThanOrEqual(40);
  expect(folded.width).toBeLessThan(140);

  await toggle.tap();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const shapes = page.getByRole('list', { name: 'Legend' });
  await expect(shapes).toBeVisible();
  await expect(shapes).toContainText('request');
  expect((await box(page.locator('.legend-box'))).height).toBeGreaterThan(folded.height + 20);

  await page.getByRole('button', { name: 'Español' }).tap();
  const toggleEs = page.getByRole('button', { name: 'Leyenda', exact: true });
  await expect(toggleEs).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('list', { name: 'Leyenda' })).toContainText('petición');
  await toggleEs.tap();
  await expect(toggleEs).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('list', { name: 'Leyenda' })).toHaveCount(0);
});
