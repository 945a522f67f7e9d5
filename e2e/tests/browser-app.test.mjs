// The web app's shell in Chromium: the key screen, signing in, the navigation, phone width.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openApp, screenshot } from '../lib/browser.mjs';
import { API_KEY } from '../lib/common.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('a wrong key is refused on the key screen, the right one opens the app and stays for the tab', async () => {
  const page = await openApp(browser, '', { key: null });
  await page.getByLabel('API key').fill('sk_wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'not accepted' }).waitFor();
  await screenshot(page, 'sign-in');

  await page.getByLabel('API key').fill(API_KEY);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem('timbre.apiKey')), API_KEY);
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('API key').waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem('timbre.apiKey')), null);
  await page.context().close();
});

test('every page is reachable from the navigation by keyboard, with no script errors', async () => {
  const page = await openApp(browser, '#/speech');
  for (const name of ['Voices', 'Transcribe', 'History', 'Agents', 'Settings', 'Speech']) {
    const link = page.getByRole('link', { name, exact: true });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name }).first().waitFor();
    assert.equal(await link.getAttribute('aria-current'), 'page');
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('at phone width the navigation folds behind Menu', async () => {
  const page = await openApp(browser, '#/speech', { viewport: { width: 390, height: 800 } });
  const voices = page.getByRole('link', { name: 'Voices', exact: true });
  assert.equal(await voices.isVisible(), false);
  await page.getByRole('button', { name: 'Menu' }).click();
  await voices.click();
  await page.getByRole('heading', { level: 1, name: 'Voices' }).first().waitFor();
  assert.equal(await voices.isVisible(), false, 'the menu closes after a choice');
  await page.context().close();
});
