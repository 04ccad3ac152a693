import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

const log = (page: Page) => page.getByRole('list', { name: 'Event log' });

/** Runs `n` events with the step key. */
async function stepEvents(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByText(`${n} events`)).toBeVisible();
}

test('the event log tells the trace in words, newest last, and filters by node and kind', async ({ page }) => {
  await openApp(page);
  await stepEvents(page, 24);
  await page.getByRole('tab', { name: 'Events' }).click();
  // The log follows the newest entry; Home scrolls back to the first.
  await expect(log(page)).toContainText(/UserRegistered #\d+/);
  await log(page).press('Home');
  await expect(log(page)).toContainText('User service published UserRegistered #1');
  await expect(log(page)).toContainText(/UserRegistered #1 entered user\.registered queue/);
  const rows = log(page).getByRole('listitem');
  const texts = await rows.allInnerTexts();
  const times = texts.map((t) => t.slice(0, 9));
  expect([...times].sort()).toEqual(times);

  await page.getByRole('combobox', { name: 'Node', exact: true }).selectOption({ label: 'Email service' });
  await expect(log(page)).not.toContainText('User service published');
  const emailRows = await rows.allInnerTexts();
  expect(emailRows.length).toBeGreaterThan(2);
  for (const text of emailRows) expect(text).toContain('Email service');

  // Only acks now: each says an ack went back to the queue.
  const kinds = page.getByRole('group', { name: 'Kinds shown' });
  for (const k of ['Events', 'Requests', 'Responses', 'Retries', 'Failures', 'Node changes']) await kinds.getByRole('button', { name: k }).click();
  await expect(kinds.getByRole('button', { name: 'Acks' })).toHaveAttribute('aria-pressed', 'true');
  const acks = await rows.allInnerTexts();
  expect(acks.length).toBeGreaterThan(0);
  for (const text of acks) expect(text).toMatch(/Email service sent an ack for #\d+ to user\.registered queue/);
});

test('clicking a message in the log shows its whole life with times', async ({ page }) => {
  await openApp(page);
  await stepEvents(page, 30);
  await page.getByRole('tab', { name: 'Events' }).click();
  await log(page).press('Home');
  await log(page).getByRole('button', { name: 'Life of UserRegistered #1', exact: true }).first().click();
  const life = page.getByRole('region', { name: 'Life of UserRegistered #1', exact: true });
  await expect(life).toBeVisible();
  const steps = await life.getByRole('listitem').allInnerTexts();
  const said = steps.join('\n');
  const order = [
    /User service published UserRegistered #1/,
    /UserRegistered #1 left User service for user\.registered queue/,
    /UserRegistered #1 entered user\.registered queue/,
    /UserRegistered #1 left user\.registered queue for Email service \(delivery\)/,
    /Email service received UserRegistered #1/,
    /Email service started processing UserRegistered #1/,
    /Email service finished UserRegistered #1 after/,
    /Email service sent an ack for #1 to user\.registered queue/,
  ];
  let from = 0;
  for (const step of order) {
    const at = steps.findIndex((s, i) => i >= from && step.test(s));
    expect(at, `${step} in\n${said}`).toBeGreaterThanOrEqual(from);
    from = at + 1;
  }
  for (const s of steps) expect(s).toMatch(/^0:0\d\.\d{3}/);
  await life.getByRole('button', { name: 'Close the message life' }).click();
  await expect(life).toHaveCount(0);
});
