// The History page in Chromium against the real engine: items listed after a synthesis (search and voice filter),
// one played, two downloaded as a zip, one deleted (gone from the list and 404 on the API), "Load more" paging.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launchBrowser, openApp, screenshot } from '../lib/browser.mjs';
import { anyVoiceIds, raw, rawJson, uniqueName } from '../lib/common.mjs';

const SLOW = 60_000;
let browser;
let voiceId;
const marker = uniqueName('hist');
const texts = [`First ${marker} sentence to keep.`, `Second ${marker} sentence to keep.`];
const ids = [];

/** One synthesis through the API; returns its history item id. */
async function synthesize(text) {
  const r = await raw(`/v1/text-to-speech/${voiceId}?output_format=mp3_22050_32`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, model_id: 'eleven_multilingual_v2' }),
  });
  assert.equal(r.status, 200, await r.clone().text());
  await r.arrayBuffer();
  return r.headers.get('history-item-id');
}

before(async () => {
  browser = await launchBrowser();
  [voiceId] = await anyVoiceIds(1);
  for (const t of texts) ids.push(await synthesize(t));
});
after(async () => { await browser?.close(); });

/** The entries of a zip, from its end-of-central-directory record. */
function zipEntries(buf) {
  const at = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(at >= 0, 'a zip end record');
  return buf.readUInt16LE(at + 10);
}

test('the items are listed and filtered, one plays, two download as a zip, one is deleted', async () => {
  const page = await openApp(browser, '#/history');
  await page.getByLabel('Search').fill(marker);
  const rows = page.locator('tbody tr');
  await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 2, null, { timeout: SLOW });
  for (const t of texts) await page.getByRole('cell', { name: t, exact: true }).waitFor();

  const voiceName = (await rawJson(`/v1/voices/${voiceId}`)).name;
  await page.getByLabel('Voice', { exact: true }).selectOption({ label: voiceName });
  await page.locator('.table-wrap[aria-busy="false"]').waitFor();
  await page.getByRole('cell', { name: texts[0], exact: true }).waitFor();
  assert.equal(await rows.count(), 2, 'the voice filter keeps both');

  await page.getByRole('button', { name: `Play ${texts[0]}` }).click();
  await page.waitForFunction(() => {
    const a = document.querySelector('audio[aria-label="History audio"]');
    return a && a.currentTime > 0 && a.duration > 0;
  }, null, { timeout: SLOW });
  await page.getByText(`Playing: ${texts[0]}`).waitFor();

  for (const t of texts) await page.getByRole('checkbox', { name: `Select ${t}` }).check();
  await page.getByText('2 selected').waitFor();
  await screenshot(page, 'history');
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.getByRole('button', { name: 'Download selected' }).click()]);
  assert.equal(dl.suggestedFilename(), 'history.zip');
  const zip = await readFile(await dl.path());
  assert.equal(zip.subarray(0, 2).toString('latin1'), 'PK');
  assert.equal(zipEntries(zip), 2);

  const [one] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.getByRole('button', { name: `Download ${texts[1]}` }).click()]);
  assert.match(one.suggestedFilename(), /\.mp3$/);
  assert.ok((await readFile(await one.path())).length > 500);

  await page.getByRole('button', { name: `Delete ${texts[1]}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this item?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await rows.count(), 2, 'Cancel keeps the item');
  await page.getByRole('button', { name: `Delete ${texts[1]}` }).click();
  await dialog.getByRole('button', { name: 'Delete for good' }).click();
  await page.getByRole('cell', { name: texts[1], exact: true }).waitFor({ state: 'detached' });
  assert.equal(await rows.count(), 1);
  assert.equal((await raw(`/v1/history/${ids[1]}`)).status, 404);
  await page.getByText('1 selected').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Load more brings the next page', async () => {
  let total = (await rawJson('/v1/history?page_size=31')).history.length;
  for (; total < 31; total++) await synthesize(`Filler ${total} ${marker}.`);
  const page = await openApp(browser, '#/history');
  const rows = page.locator('tbody tr');
  await page.getByRole('button', { name: 'Load more' }).waitFor({ timeout: SLOW });
  assert.equal(await rows.count(), 30);
  await page.getByRole('button', { name: 'Load more' }).click();
  await page.waitForFunction(() => document.querySelectorAll('tbody tr').length > 30, null, { timeout: SLOW });
  // Other test files may add items meanwhile (they go on top), so the check is on the ids: no item shown twice.
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.id));
  assert.equal(new Set(shown).size, shown.length, 'the second page repeats nothing of the first');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('at phone width the list scrolls inside its frame, not the page', async () => {
  const page = await openApp(browser, '#/history', { viewport: { width: 390, height: 800 } });
  await page.locator('tbody tr').first().waitFor({ timeout: SLOW });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  await screenshot(page, 'history-phone');
  await page.context().close();
});
