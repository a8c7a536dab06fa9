// Enrolling a TOTP authenticator in the browser, as an officer would with a phone: read the secret
// shown under the QR code, type the app's current code. (Admins must do this before anything else.)
import type { Page } from 'playwright-core';
import { codeAt } from '../console/second-factor-helpers.js';

/** On /account/2fa: enrols with the secret shown there; returns it and the recovery codes shown once. */
export async function enrolInBrowser(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.waitForURL('**/account/2fa');
  const secret = (await page.locator('code.secret').innerText()).replace(/\s/g, '');
  await page.getByLabel('Kode 6 angka dari aplikasi').fill(codeAt(secret, Date.now()));
  await page.getByRole('button', { name: 'Aktifkan', exact: true }).click();
  await page.locator('ol.recovery-codes').waitFor();
  const recoveryCodes = await page.locator('ol.recovery-codes code').allInnerTexts();
  return { secret, recoveryCodes };
}
