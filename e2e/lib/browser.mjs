// Browser tests: Debian's Chromium (headless) driven by playwright-core, against the web app the server serves.
//   CHROMIUM_PATH      the browser (default /usr/bin/chromium; scripts/test-all.sh installs Debian's chromium)
//   E2E_SCREENSHOTS    a folder: screenshot() writes <name>.png there (docs/screenshots/ is refreshed from it)
// Each test file launches its own browser (launchBrowser) and closes it in after(); pages get the API key in
// sessionStorage before any script runs (openApp), like a user who signed in.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { API_KEY, BASE_URL } from './common.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Headless Chromium with the flags this closed machine needs (no background networking, no sandbox as root) and a
 * fake microphone: `fakeAudio` is a WAV file the microphone plays (in a loop), else Chromium's beep.
 */
export async function launchBrowser({ fakeAudio } = {}) {
  const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required',
    '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];
  if (fakeAudio) args.push(`--use-file-for-fake-audio-capture=${fakeAudio}`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args });
}

/**
 * A new page of the web app at `hash` (e.g. '#/speech'), signed in with `key` (null: signed out), microphone
 * allowed. Console errors and page errors are collected in page.errors for tests to assert on.
 */
export async function openApp(browser, hash = '#/speech', { key = API_KEY, viewport = { width: 1280, height: 860 } } = {}) {
  const context = await browser.newContext({ viewport, permissions: ['microphone'] });
  if (key !== null) await context.addInitScript((k) => sessionStorage.setItem('timbre.apiKey', k), key);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(`${BASE_URL}/${hash}`);
  return page;
}

/** Saves a full-page screenshot as <name>.png in E2E_SCREENSHOTS (when set). */
export async function screenshot(page, name) {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
