import { expect, test } from '@playwright/test';
import { node, openApp, readNumber, setSpeed, totals } from './helpers';

// issue #9: the queue card's Restart button runs the recorded `restart` command. The built-in
// queue is durable with transient messages (the AMQP default), so a restart discards its backlog.
test('restarting the broker discards the transient backlog of a durable queue, counted as lost', async ({ page }) => {
  await openApp(page);
  const queue = node(page, 'user.registered queue');
  const email = page.getByRole('switch', { name: 'Email service online' });
  await setSpeed(page, 2);
  await page.getByRole('button', { name: 'Play' }).click();
  await email.click();
  await expect.poll(() => readNumber(queue, 'Backlog'), { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
  await page.getByRole('button', { name: 'Pause' }).click();
  const waiting = await readNumber(queue, 'Backlog');

  await page.getByRole('button', { name: 'Restart the broker of user.registered queue' }).click();
  await expect.poll(() => readNumber(queue, 'Backlog'), { timeout: 10_000 }).toBe(0);
  await expect.poll(() => readNumber(totals(page), 'Lost'), { timeout: 10_000 }).toBeGreaterThanOrEqual(waiting);

  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.getByRole('button', { name: /^Reiniciar el broker de / })).toBeVisible();
});
