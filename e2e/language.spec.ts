import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test('the language switch changes the whole interface', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.getByRole('button', { name: 'Reproducir' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Avanzar un evento' })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Servicio de correo en línea' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Escenario' })).toContainText('Usuario registrado: una cola de trabajo');
  await expect(page.getByRole('region', { name: 'Sobre este escenario' })).toContainText('Desconecta el servicio de correo');
  await expect(page.getByRole('group', { name: 'Mensajes' })).toContainText('Procesados');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.getByRole('button', { name: 'Avanzar un evento' }).click();
  await expect(page.getByRole('region', { name: 'Último evento' })).toContainText('Servicio de usuarios publicó UserRegistered #1');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('region', { name: 'Last event' })).toContainText('User service published UserRegistered #1');
});

test.describe('with a Spanish browser', () => {
  test.use({ locale: 'es-ES' });
  test('the browser language is the default', async ({ page }) => {
    await openApp(page);
    await expect(page.getByRole('button', { name: 'Reproducir' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'true');
  });
});
