// Studio and Audio Native through elevenlabs-js: studio.projects.create (content JSON, document) / list / get /
// update / content.update / convert / pronunciationDictionaries.create / delete; studio.projects.chapters.* and
// chapters.snapshots.*; projects.snapshots.list / get / stream / streamArchive; audioNative.create / getSettings /
// update, and the public player (script, settings, audio with CORS); studio.createPodcast.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  makeClient, apiError, readAll, looksLikeMp3, anyVoiceIds, uniqueName, raw,
} from '../lib/common.mjs';

const client = makeClient();

async function until(what, check, timeoutMs = 120000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    assert.ok(Date.now() < end, `timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

function zipEntryCount(buf) {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return buf.readUInt16LE(i + 10);
  }
  return -1;
}

test('studio projects: content JSON, chapters, conversion, snapshots, archive', async () => {
  const [voice] = await anyVoiceIds(1);
  const content = [
    { name: 'Opening', blocks: [{ sub_type: 'p', nodes: [{ type: 'tts_node', voice_id: voice, text: 'The story begins on a quiet morning.' }] }] },
    { name: 'Ending', blocks: [{ sub_type: 'h1', nodes: [{ type: 'tts_node', voice_id: voice, text: 'The end' }] },
      { sub_type: 'p', nodes: [{ type: 'tts_node', voice_id: voice, text: 'And everyone went home.' }] }] },
  ];
  const name = uniqueName('studio');
  const { project } = await client.studio.projects.create({
    name, defaultTitleVoiceId: voice, defaultParagraphVoiceId: voice, fromContentJson: JSON.stringify(content), author: 'E2E',
  });
  assert.equal(project.name, name);
  const id = project.projectId;
  assert.ok((await client.studio.projects.list()).projects.some((p) => p.projectId === id));

  const full = await client.studio.projects.get(id);
  assert.equal(full.chapters.length, 2);
  assert.equal(full.author, 'E2E');

  const chapters = await client.studio.projects.chapters.list(id);
  assert.deepEqual(chapters.chapters.map((c) => c.name), ['Opening', 'Ending']);
  const one = await client.studio.projects.chapters.get(id, chapters.chapters[0].chapterId);
  assert.equal(one.content.blocks[0].nodes[0].text, 'The story begins on a quiet morning.');

  const added = await client.studio.projects.chapters.create(id, { name: 'Extra' });
  const edited = await client.studio.projects.chapters.update(id, added.chapter.chapterId, {
    name: 'Epilogue', content: { blocks: [{ subType: 'p', nodes: [{ type: 'tts_node', voiceId: voice, text: 'One more line.' }] }] },
  });
  assert.equal(edited.chapter.name, 'Epilogue');
  assert.equal(edited.chapter.content.blocks.length, 1);
  await client.studio.projects.chapters.convert(id, added.chapter.chapterId);
  const converted = await until('the chapter conversion', async () => {
    const c = await client.studio.projects.chapters.get(id, added.chapter.chapterId);
    return c.canBeDownloaded && c.state === 'default' ? c : null;
  });
  assert.equal(converted.conversionProgress, 1);
  const chapterSnaps = await client.studio.projects.chapters.snapshots.list(id, added.chapter.chapterId);
  assert.equal(chapterSnaps.snapshots.length, 1);
  const chapterSnap = await client.studio.projects.chapters.snapshots.get(id, added.chapter.chapterId, chapterSnaps.snapshots[0].chapterSnapshotId);
  assert.ok(chapterSnap.characterAlignments.length >= 1);
  const chapterAudio = await readAll(await client.studio.projects.chapters.snapshots.stream(id, added.chapter.chapterId,
    chapterSnaps.snapshots[0].chapterSnapshotId, {}));
  assert.ok(looksLikeMp3(chapterAudio));
  await client.studio.projects.chapters.delete(id, added.chapter.chapterId);
  await assert.rejects(client.studio.projects.chapters.get(id, added.chapter.chapterId), apiError(404));

  const updated = await client.studio.projects.update(id, {
    name: `${name}-renamed`, defaultTitleVoiceId: voice, defaultParagraphVoiceId: voice, volumeNormalization: true,
  });
  assert.equal(updated.project.name, `${name}-renamed`);
  assert.equal(updated.project.volumeNormalization, true);

  await client.studio.projects.convert(id);
  await until('the project conversion', async () => {
    const p = await client.studio.projects.get(id);
    return p.canBeDownloaded && p.state === 'default';
  });
  const snaps = await client.studio.projects.snapshots.list(id);
  assert.equal(snaps.snapshots.length, 1);
  const snapId = snaps.snapshots[0].projectSnapshotId;
  const snap = await client.studio.projects.snapshots.get(id, snapId);
  assert.equal(snap.characterAlignments.length, 3);
  const audio = await readAll(await client.studio.projects.snapshots.stream(id, snapId, {}));
  assert.ok(looksLikeMp3(audio));
  const zip = await readAll(await client.studio.projects.snapshots.streamArchive(id, snapId));
  assert.equal(zipEntryCount(zip), 2);

  await client.studio.projects.delete(id);
  await assert.rejects(client.studio.projects.get(id), apiError(404));
});

test('studio projects: a document, new content, dictionaries, bad input', async () => {
  const doc = 'Chapter 1\n\nIt was a dark and stormy night.\n\nChapter 2\n\nThe rain stopped at dawn.\n';
  const { project } = await client.studio.projects.create({
    name: uniqueName('doc'), fromDocument: { data: Buffer.from(doc), filename: 'book.txt', contentType: 'text/plain' },
  });
  const full = await client.studio.projects.get(project.projectId);
  assert.deepEqual(full.chapters.map((c) => c.name), ['Chapter 1', 'Chapter 2']);

  await client.studio.projects.content.update(project.projectId, { fromContentJson: 'Just one paragraph now.' });
  assert.equal((await client.studio.projects.get(project.projectId)).chapters.length, 1);

  const dict = await client.pronunciationDictionaries.createFromRules({
    name: uniqueName('studio-dict'), rules: [{ type: 'alias', stringToReplace: 'TTS', alias: 'text to speech' }],
  });
  await client.studio.projects.pronunciationDictionaries.create(project.projectId, {
    pronunciationDictionaryLocators: [{ pronunciationDictionaryId: dict.id, versionId: dict.versionId }],
  });
  const withDict = await client.studio.projects.get(project.projectId);
  assert.equal(withDict.pronunciationDictionaryLocators[0].pronunciationDictionaryId, dict.id);

  await assert.rejects(client.studio.projects.get('nosuchproject'), apiError(404));
  await assert.rejects(client.studio.projects.create({
    name: 'bad', fromDocument: { data: Buffer.from([0, 1, 2]), filename: 'x.pdf', contentType: 'application/pdf' },
  }), apiError(400));
  await assert.rejects(client.studio.projects.create({ name: 'internal', fromUrl: 'http://169.254.169.254/latest' }), apiError(400));
  await client.studio.projects.delete(project.projectId);
});

test('audioNative: create, settings, public player, content update', async () => {
  const [voice] = await anyVoiceIds(1);
  const html = '<html><body><div><p>Audio Native reads this article aloud.</p><p>It has two paragraphs.</p></div></body></html>';
  const created = await client.audioNative.create({
    name: uniqueName('native'), title: 'An article', author: 'E2E', voiceId: voice, autoConvert: true, textColor: '#222222',
    file: { data: Buffer.from(html), filename: 'article.html', contentType: 'text/html' },
  });
  assert.ok(created.projectId);
  assert.match(created.htmlSnippet, /elevenlabs-audionative-widget/);
  assert.match(created.htmlSnippet, /\/audio-native\/player\.js/);
  const settings = await until('the audio', async () => {
    const s = await client.audioNative.getSettings(created.projectId);
    return s.settings.status === 'ready' ? s : null;
  });
  assert.equal(settings.enabled, true);
  assert.equal(settings.settings.title, 'An article');

  const script = await raw('/audio-native/player.js', { key: null, headers: { Origin: 'https://blog.example' } });
  assert.equal(script.status, 200);
  assert.equal(script.headers.get('access-control-allow-origin'), '*');
  const player = await raw(`/audio-native/${created.projectId}/player.json`, { key: null });
  assert.equal(player.status, 200);
  const audio = await fetch((await player.json()).audio_url);
  assert.equal(audio.status, 200);
  assert.ok(looksLikeMp3(Buffer.from(await audio.arrayBuffer())));

  const edited = await client.audioNative.update(created.projectId, {
    file: { data: Buffer.from('New text of the article.'), filename: 'article.txt', contentType: 'text/plain' }, autoConvert: true, autoPublish: true,
  });
  assert.equal(edited.projectId, created.projectId);
  assert.equal(edited.converting, true);
  await assert.rejects(client.audioNative.getSettings('nosuchproject'), apiError(404));
});

test('studio.createPodcast: a conversation from text, converted', async () => {
  const [host, guest = host] = await anyVoiceIds(2);
  const { project } = await client.studio.createPodcast({
    modelId: 'eleven_multilingual_v2',
    mode: { type: 'conversation', conversation: { hostVoiceId: host, guestVoiceId: guest } },
    source: { type: 'text', text: 'Honey bees live in large colonies. Worker bees gather nectar from flowers. They share news with a waggle dance.' },
    durationScale: 'short',
  });
  assert.ok(project.projectId);
  const chapters = await client.studio.projects.chapters.list(project.projectId);
  const chapter = await client.studio.projects.chapters.get(project.projectId, chapters.chapters[0].chapterId);
  assert.ok(chapter.content.blocks.length >= 4);
  await until('the podcast conversion', async () => (await client.studio.projects.get(project.projectId)).canBeDownloaded);
  await client.studio.projects.delete(project.projectId);
});
