import { expect, test } from '@playwright/test';
import { node, openApp, readNumber, setSpeed, totals } from './helpers';

test('taking the consumer offline makes its queue grow; bringing it back drains it', async ({ page }) => {
  await openApp(page);
  const queue = node(page, 'user.registered queue');
  const email = page.getByRole('switch', { name: 'Email service online' });
  await setSpeed(page, 2);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readNumber(totals(page), 'Processed'), { timeout: 10_000 }).toBeGreaterThan(0);

  await email.click();
  await expect(email).toHaveAttribute('aria-checked', 'false');
  await expect(node(page, 'Email service')).toContainText('Offline');
  await expect.poll(() => readNumber(queue, 'Backlog'), { timeout: 10_000 }).toBeGreaterThanOrEqual(8);
  const processedWhileDown = await readNumber(node(page, 'Email service'), 'Processed');

  await email.click();
  await expect(email).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => readNumber(queue, 'Backlog'), { timeout: 10_000 }).toBeLessThanOrEqual(1);
  // The card counts up with an animation: poll until it settles rather than read it once.
  await expect
    .poll(() => readNumber(node(page, 'Email service'), 'Processed'), { timeout: 10_000 })
    .toBeGreaterThan(processedWhileDown + 6);
  await expect(totals(page)).toContainText('Lost 0');
});
