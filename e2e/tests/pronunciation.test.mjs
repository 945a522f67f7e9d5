// Pronunciation dictionaries through elevenlabs-js: createFromFile (PLS) / createFromRules, list, get, update,
// rules.add / rules.remove (each a new version), download (PLS of any version), and locators on text to speech.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  makeClient, apiError, readAll, anyVoiceIds, uniqueName, wavOf,
} from '../lib/common.mjs';

const client = makeClient();
const FAKE_TTS = process.env.E2E_ENGINE === 'fake';
const PLS = `<?xml version="1.0" encoding="UTF-8"?>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en-US">
  <lexeme><grapheme>tomato</grapheme><phoneme>təˈmɑːtoʊ</phoneme></lexeme>
  <lexeme><grapheme>UN</grapheme><alias>United Nations</alias></lexeme>
</lexicon>
`;

test('pronunciationDictionaries: file, rules, versions, download, update, list', async () => {
  const name = uniqueName('pls');
  const fromFile = await client.pronunciationDictionaries.createFromFile({
    name, description: 'e2e', file: { data: Buffer.from(PLS), filename: 'names.pls', contentType: 'application/pls+xml' },
  });
  assert.equal(fromFile.versionRulesNum, 2);
  assert.equal(fromFile.name, name);

  const got = await client.pronunciationDictionaries.get(fromFile.id);
  assert.equal(got.latestVersionId, fromFile.versionId);
  assert.deepEqual(got.rules.map((r) => r.stringToReplace).sort(), ['UN', 'tomato']);

  const added = await client.pronunciationDictionaries.rules.add(fromFile.id, {
    rules: [{ type: 'alias', stringToReplace: 'AI', alias: 'artificial intelligence' }],
  });
  assert.equal(added.versionRulesNum, 3);
  assert.notEqual(added.versionId, fromFile.versionId);
  const removed = await client.pronunciationDictionaries.rules.remove(fromFile.id, { ruleStrings: ['tomato'] });
  assert.equal(removed.versionRulesNum, 2);

  const first = (await readAll(await client.pronunciationDictionaries.download(fromFile.id, fromFile.versionId))).toString('utf8');
  assert.match(first, /<lexicon/);
  assert.match(first, /<grapheme>tomato<\/grapheme>/, 'the first version still has its rules');
  const latest = (await readAll(await client.pronunciationDictionaries.download(fromFile.id, removed.versionId))).toString('utf8');
  assert.doesNotMatch(latest, /tomato/);
  assert.match(latest, /artificial intelligence/);

  const renamed = await client.pronunciationDictionaries.update(fromFile.id, { name: `${name}-renamed` });
  assert.equal(renamed.name, `${name}-renamed`);
  assert.equal(renamed.latestVersionId, removed.versionId);

  const fromRules = await client.pronunciationDictionaries.createFromRules({
    name: uniqueName('rules'),
    rules: [{ type: 'phoneme', stringToReplace: 'nginx', phoneme: 'EH1 N JH IH0 N EH1 K S', alphabet: 'cmu-arpabet' }],
  });
  assert.equal(fromRules.versionRulesNum, 1);

  const page = await client.pronunciationDictionaries.list({ pageSize: 100, sort: 'creation_time_unix', sortDirection: 'descending' });
  const ids = page.pronunciationDictionaries.map((d) => d.id);
  assert.ok(ids.includes(fromFile.id) && ids.includes(fromRules.id), 'both dictionaries are listed');
  assert.ok(ids.indexOf(fromRules.id) < ids.indexOf(fromFile.id), 'newest first');

  await client.pronunciationDictionaries.update(fromRules.id, { archived: true });
  const after = await client.pronunciationDictionaries.list({ pageSize: 100 });
  assert.ok(!after.pronunciationDictionaries.some((d) => d.id === fromRules.id), 'an archived dictionary is not listed');

  await assert.rejects(client.pronunciationDictionaries.get('nosuchdictionary'), apiError(404));
});

test('textToSpeech with pronunciation_dictionary_locators: the alias is spoken, the alignment is of the text as written', async (t) => {
  const [voiceId] = await anyVoiceIds(1);
  const d = await client.pronunciationDictionaries.createFromRules({
    name: uniqueName('tts'), rules: [{ type: 'alias', stringToReplace: 'UN', alias: 'United Nations' }],
  });
  const text = 'The UN will meet in the morning.';
  const locators = [{ pronunciationDictionaryId: d.id, versionId: d.versionId }];
  const r = await client.textToSpeech.convertWithTimestamps(voiceId, { text, outputFormat: 'pcm_16000', pronunciationDictionaryLocators: locators });
  assert.equal(r.alignment.characters.join(''), text);
  assert.match(r.normalizedAlignment.characters.join(''), /United Nations/);

  await assert.rejects(client.textToSpeech.convert(voiceId, {
    text, pronunciationDictionaryLocators: [{ pronunciationDictionaryId: 'nosuchdictionary', versionId: 'v' }],
  }), apiError(404));

  if (FAKE_TTS) { t.skip('the fake TTS engine speaks no words'); return; }
  let heard;
  try {
    const pcm = Buffer.from(r.audioBase64, 'base64');
    heard = (await client.speechToText.convert({ file: new Blob([wavOf(pcm, 16000)], { type: 'audio/wav' }), modelId: 'scribe_v1' })).text;
  } catch (e) {
    if (e?.statusCode === 503) { t.skip('no speech-to-text engine on this server'); return; }
    throw e;
  }
  assert.match(heard.toLowerCase(), /nations/, `the recogniser hears the alias: "${heard}"`);
});
