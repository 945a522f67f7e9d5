// History: items made by text-to-speech, then list (paging, filters, search), get, audio, download, delete.
import test from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  makeClient, apiError, readAll, looksLikeMp3, tts, anyVoiceIds, uniqueName, MODEL_ID,
} from '../lib/common.mjs';

const client = makeClient();
const marker = 'zq' + randomBytes(4).toString('hex'); // one run-unique token, searchable in the item texts
const items = []; // {id, voiceId, text, audio} in creation order

/** Number of entries in a zip, from its end-of-central-directory record. */
function zipEntryCount(buf) {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return buf.readUInt16LE(i + 10);
  }
  return -1;
}

async function listAll(req = {}) {
  return (await client.history.list({ pageSize: 1000, ...req })).history;
}

test('text-to-speech creates history items', async () => {
  const [voiceA, voiceB = voiceA] = await anyVoiceIds(2);
  const plan = [
    [voiceA, `First ${marker} sentence for the history test.`],
    [voiceA, `Second ${marker} sentence, a little longer than the first.`],
    [voiceB, `Third ${marker} line.`],
  ];
  for (const [voiceId, text] of plan) {
    const audio = await tts(client, voiceId, text);
    assert.ok(audio.length > 0, 'TTS returned audio');
    assert.ok(looksLikeMp3(audio), 'mp3_44100_128 output is MP3');
    items.push({ voiceId, text, audio });
  }
  const history = await listAll();
  for (const it of items) {
    const found = history.find((h) => h.text === it.text);
    assert.ok(found, `a history item for "${it.text}"`);
    it.id = found.historyItemId;
  }
  assert.equal(new Set(items.map((i) => i.id)).size, 3, 'three distinct history items');
});

test('history.list: item fields and newest-first order', async () => {
  assert.equal(items.length, 3, 'needs the items from the first test');
  const history = await listAll();
  for (let i = 1; i < history.length; i++) {
    assert.ok(history[i - 1].dateUnix >= history[i].dateUnix, 'sorted by date, newest first');
  }
  const idx = items.map((it) => history.findIndex((h) => h.historyItemId === it.id));
  assert.ok(idx[2] < idx[1] && idx[1] < idx[0], `the newest of ours comes first: positions ${idx}`);
  for (const it of items) {
    const h = history.find((x) => x.historyItemId === it.id);
    assert.equal(h.voiceId, it.voiceId);
    assert.equal(h.modelId, MODEL_ID);
    assert.equal(h.text, it.text);
    assert.equal(typeof h.voiceName, 'string');
    assert.equal(typeof h.dateUnix, 'number');
    assert.ok(Math.abs(h.dateUnix - Date.now() / 1000) < 3600, `date_unix is seconds since the epoch: ${h.dateUnix}`);
    assert.ok(h.characterCountChangeTo > h.characterCountChangeFrom, 'the character count went up');
    assert.match(h.contentType, /^audio\/mpeg/);
  }
});

test('history.list: paging with pageSize and startAfterHistoryItemId', async () => {
  assert.equal(items.length, 3, 'needs the items from the first test');
  const full = (await listAll()).map((h) => h.historyItemId);
  const seen = [];
  let after;
  for (let pages = 1; ; pages++) {
    assert.ok(pages <= 1000, 'paging does not terminate');
    const page = await client.history.list({ pageSize: 2, startAfterHistoryItemId: after });
    assert.ok(page.history.length <= 2, `page ${pages} has ${page.history.length} items (pageSize 2)`);
    seen.push(...page.history.map((h) => h.historyItemId));
    if (!page.hasMore) break;
    after = page.lastHistoryItemId ?? page.history.at(-1).historyItemId;
    assert.equal(after, page.history.at(-1).historyItemId, 'last_history_item_id is the last item of the page');
  }
  assert.equal(new Set(seen).size, seen.length, 'no item is returned twice');
  // Items another test file adds meanwhile can only appear at the head; the rest must match the full listing.
  assert.deepEqual(seen.filter((id) => full.includes(id)), full);
  for (const it of items) assert.ok(seen.includes(it.id));
});

test('history.list: voiceId filter', async () => {
  assert.equal(items.length, 3, 'needs the items from the first test');
  const voiceB = items[2].voiceId;
  const filtered = await listAll({ voiceId: voiceB });
  assert.ok(filtered.length > 0);
  for (const h of filtered) assert.equal(h.voiceId, voiceB);
  assert.ok(filtered.some((h) => h.historyItemId === items[2].id));
  if (items[0].voiceId !== voiceB) assert.ok(!filtered.some((h) => h.historyItemId === items[0].id));
});

test('history.list: search filters by text', async () => {
  assert.equal(items.length, 3, 'needs the items from the first test');
  const found = await listAll({ search: marker });
  assert.deepEqual(found.map((h) => h.historyItemId).sort(), items.map((i) => i.id).sort());
  const none = await listAll({ search: uniqueName('nothing-matches') });
  assert.equal(none.length, 0);
});

test('history.get returns the item', async () => {
  assert.equal(items.length, 3, 'needs the items from the first test');
  const h = await client.history.get(items[1].id);
  assert.equal(h.historyItemId, items[1].id);
  assert.equal(h.text, items[1].text);
  assert.equal(h.voiceId, items[1].voiceId);
  assert.equal(h.modelId, MODEL_ID);
  await assert.rejects(client.history.get(uniqueName('no_such_item')), apiError(404));
});

test('history.getAudio returns the generated MP3', async () => {
  assert.equal(items.length, 3, 'needs the items from the first test');
  const audio = await readAll(await client.history.getAudio(items[0].id));
  assert.ok(audio.length > 0);
  assert.ok(looksLikeMp3(audio), `MP3 frame sync or ID3 at the start: ${audio.subarray(0, 4).toString('hex')}`);
  assert.ok(audio.equals(items[0].audio), 'the stored audio is what text-to-speech returned');
});

test('history.download: one id gives the audio, two ids give a zip', async () => {
  assert.equal(items.length, 3, 'needs the items from the first test');
  const one = await readAll(await client.history.download({ historyItemIds: [items[0].id] }));
  assert.ok(one.length > 0);
  assert.ok(looksLikeMp3(one), `one item downloads as audio: ${one.subarray(0, 4).toString('hex')}`);
  const zip = await readAll(await client.history.download({ historyItemIds: [items[0].id, items[1].id] }));
  assert.equal(zip.subarray(0, 2).toString('latin1'), 'PK', 'several items download as a zip');
  assert.equal(zipEntryCount(zip), 2, 'one zip entry per item');
});

test('history.delete then get is 404', async () => {
  assert.equal(items.length, 3, 'needs the items from the first test');
  const r = await client.history.delete(items[2].id);
  assert.equal(typeof r.status, 'string');
  await assert.rejects(client.history.get(items[2].id), apiError(404));
  assert.ok(!(await listAll({ search: marker })).some((h) => h.historyItemId === items[2].id), 'no longer listed');
  await assert.rejects(client.history.getAudio(items[2].id), apiError(404));
});
