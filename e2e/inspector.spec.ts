import { expect, test, type Page } from '@playwright/test';
import { node, numberAfter, openApp, readNumber, seek, setSpeed } from './helpers';

/** The inspector side panel. */
const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });

/** Opens the inspector on a node by clicking its card (its title, clear of its switches). */
async function inspect(page: Page, label: string): Promise<void> {
  await node(page, label).getByText(label, { exact: true }).click();
  await expect(inspector(page).getByRole('heading', { name: label })).toBeVisible();
}

/** Types `value` into a setting and presses Enter, as a user would. */
async function setField(page: Page, name: string, value: string, scope = inspector(page)): Promise<void> {
  const field = scope.getByRole('textbox', { name, exact: true });
  await field.fill(value);
  await field.press('Enter');
}

/** Milliseconds of a clock reading ("0:23.456" → 23456). */
function clockMs(text: string): number {
  const m = /^(?:(\d+):)?(\d+):(\d+)\.(\d{3})$/.exec(text.trim())!;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4]);
}

test('clicking a node opens its inspector with live counters; its online switch takes the service offline', async ({ page }) => {
  await openApp(page);
  await inspect(page, 'Email service');
  await expect(inspector(page)).toContainText('service');
  await setSpeed(page, 5);
  await page.getByRole('button', { name: 'Play' }).click();
  const live = inspector(page).getByRole('region', { name: 'Live figures' });
  await expect.poll(() => readNumber(live, 'Processed'), { timeout: 10_000 }).toBeGreaterThan(3);
  const before = await readNumber(live, 'Processed');
  await expect.poll(() => readNumber(live, 'Processed'), { timeout: 10_000 }).toBeGreaterThan(before + 3);

  const online = inspector(page).getByRole('switch', { name: 'Email service online' });
  await online.click();
  await expect(online).toHaveAttribute('aria-checked', 'false');
  await expect(node(page, 'Email service')).toContainText('Offline');
  await expect.poll(() => readNumber(node(page, 'user.registered queue'), 'Backlog'), { timeout: 10_000 }).toBeGreaterThanOrEqual(6);

  // Escape closes it; the picker in the drawer bar opens it again from the keyboard.
  await inspector(page).getByRole('button', { name: 'Close the inspector' }).focus();
  await page.keyboard.press('Escape');
  await expect(inspector(page)).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Node to inspect' }).selectOption({ label: 'user.registered queue' });
  await expect(inspector(page).getByRole('heading', { name: 'user.registered queue' })).toBeVisible();
});

test('editing settings while running changes behaviour, refuses bad input, and a seek back then forward reproduces the edits', async ({ page }) => {
  test.setTimeout(60_000);
  await openApp(page);
  await inspect(page, 'Email service');
  const queue = node(page, 'user.registered queue');

  // A slow email service (2 s a message, 2 at a time) cannot keep up with 4 sign-ups a second.
  await setField(page, 'Mean (ms)', '2000');
  await expect(inspector(page)).toContainText(/Service time set at 0:00\.000/);
  await setSpeed(page, 10);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readNumber(queue, 'Backlog'), { timeout: 15_000 }).toBeGreaterThanOrEqual(20);

  // A bad value is refused with a reason, and changes nothing.
  const concurrency = inspector(page).getByRole('textbox', { name: 'Concurrency', exact: true });
  await setField(page, 'Concurrency', '0');
  await expect(concurrency).toHaveAttribute('aria-invalid', 'true');
  await expect(inspector(page)).toContainText('Concurrency not changed: Use 1 or more.');
  await concurrency.press('Escape');
  await expect(concurrency).toHaveValue('2');

  // Raising the concurrency while it runs drains the backlog (at about 1/s net: the queue's
  // prefetch of 10 caps the unacked messages, so 10 run at once, 5/s against 4/s arriving).
  await setField(page, 'Concurrency', '40');
  await expect(concurrency).toHaveValue('40');
  await expect(node(page, 'Email service')).toContainText(/of 40 busy/);
  // Draining takes about 20 s of simulated time: at 30× it fits the wait even on a busy machine.
  await setSpeed(page, 30);
  // (Play stops once at the scenario's end, 40 s; Continue runs on past it.)
  const cont = page.getByRole('button', { name: 'Continue' });
  await expect.poll(async () => {
    if (await cont.isVisible()) await cont.click();
    return readNumber(queue, 'Backlog');
  }, { timeout: 30_000 }).toBeLessThanOrEqual(5);
  await page.getByRole('button', { name: 'Pause' }).click();

  const clock = page.getByRole('timer', { name: 'Simulated time' });
  const snapshot = async () => ({
    clock: await clock.innerText(),
    totals: await page.getByRole('group', { name: 'Messages' }).innerText(),
    email: await node(page, 'Email service').innerText(),
  });
  // Cards count up with an animation: read once the figures have stopped moving.
  let first = await snapshot();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(150);
    const again = await snapshot();
    if (JSON.stringify(again) === JSON.stringify(first)) break;
    first = again;
  }
  const at = clockMs(first.clock);

  // Back to before the concurrency change: the re-run has the slow service but 2 workers.
  await seek(page, 1000, '0:01.000');
  await expect(concurrency).toHaveValue('2');
  await expect(inspector(page).getByRole('group', { name: 'Service time' }).getByRole('textbox', { name: 'Mean (ms)' })).toHaveValue('2000');
  // Forward again: the edit happens at the same event, and the run lands on the same state.
  await seek(page, at, first.clock);
  await expect(concurrency).toHaveValue('40');
  await expect.poll(snapshot).toEqual(first);
  expect(numberAfter(first.totals, 'Processed')).toBeGreaterThan(20);
  // The card shows the slots as they are now, not as the scenario file had them.
  expect(first.email).toMatch(/of 40 busy/);
});
