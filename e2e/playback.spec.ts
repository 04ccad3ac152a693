import { expect, test } from '@playwright/test';
import { node, numberAfter, openApp, readNumber, seek, setSpeed, totals } from './helpers';

test('play runs the simulation: events are published and processed', async ({ page }) => {
  await openApp(page);
  await expect(totals(page)).toContainText('Processed 0');
  await setSpeed(page, 10);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readNumber(totals(page), 'Processed'), { timeout: 10_000 }).toBeGreaterThan(10);
  await page.getByRole('button', { name: 'Pause' }).click();
  const clock = page.getByRole('timer', { name: 'Simulated time' });
  const paused = await clock.innerText();
  expect(paused).not.toBe('0:00.000');
  await page.waitForTimeout(300);
  await expect(clock).toHaveText(paused);
});

test('step runs exactly one event, advances the clock to it and says what happened', async ({ page }) => {
  await openApp(page);
  const clock = page.getByRole('timer', { name: 'Simulated time' });
  const lastEvent = page.getByRole('region', { name: 'Last event' });
  await expect(page.getByText('0 events')).toBeVisible();

  await page.getByRole('button', { name: 'Step one event' }).click();
  await expect(page.getByText('1 event', { exact: true })).toBeVisible();
  await expect(lastEvent).toContainText(/At 0:00\.\d{3}: User service published UserRegistered #1/);
  const first = await clock.innerText();
  expect(first).not.toBe('0:00.000');
  expect(await lastEvent.innerText()).toContain(`At ${first}`);

  // The arrow key steps too; the event count goes up by exactly one each time, the clock never back.
  const said: string[] = [];
  let previous = first;
  for (let n = 2; n <= 8; n++) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByText(`${n} events`)).toBeVisible();
    const text = await lastEvent.innerText();
    const now = await clock.innerText();
    expect(text).toContain(`At ${now}: `);
    expect(now >= previous).toBe(true);
    previous = now;
    said.push(text);
  }
  expect(said.join('\n')).toMatch(/UserRegistered #1 entered user\.registered queue/);
  expect(said.join('\n')).toMatch(/Email service (received|started processing) UserRegistered #1/);
});

test('seeking back re-runs from the start and lands on the same state, manual actions included', async ({ page }) => {
  await openApp(page);
  const snapshot = async () => ({
    clock: await page.getByRole('timer', { name: 'Simulated time' }).innerText(),
    events: await page.locator('.clock__events').innerText(),
    totals: await totals(page).innerText(),
    queue: await node(page, 'user.registered queue').innerText(),
    email: await node(page, 'Email service').innerText(),
  });
  await seek(page, 3000, '0:03.000');
  await page.getByRole('switch', { name: 'Email service online' }).click();
  await expect(page.getByRole('switch', { name: 'Email service online' })).toHaveAttribute('aria-checked', 'false');
  await seek(page, 6000, '0:06.000');
  const first = await snapshot();
  expect(numberAfter(first.queue, 'Backlog')).toBeGreaterThan(5);

  await seek(page, 14_000, '0:14.000');
  expect(await snapshot()).not.toEqual(first);
  await seek(page, 6000, '0:06.000');
  expect(await snapshot()).toEqual(first);
  await expect(page.getByRole('switch', { name: 'Email service online' })).toHaveAttribute('aria-checked', 'false');
});
