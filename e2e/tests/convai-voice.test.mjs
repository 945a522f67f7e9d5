// Agents Platform voice conversation (/v1/convai/conversation, not text-only) through elevenlabs-js 2.73.0's server-side
// Conversation class, with a scripted AudioInterface (lib/scripted-audio.mjs) as microphone and speaker. The user's
// speech is Timbre's own TTS (pcm_16000) streamed at real-time pace in 100 ms chunks, silence in between; the agent's
// audio goes back through Timbre's speech to text to check what it said. The built-in rule model (not an AI) answers
// from "When the user says X, reply Y" lines. Needs the real engines (MaryTTS, pocketsphinx): skipped with E2E_ENGINE=fake.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { anyVoiceIds, eventLog, makeClient, MODEL_ID, readAll, uniqueName, wavOf, wordErrorRate } from '../lib/common.mjs';
import { ScriptedAudio } from '../lib/scripted-audio.mjs';

const require = createRequire(import.meta.url);
const { Conversation } = require('@elevenlabs/elevenlabs-js/api/resources/conversationalAi/conversation');
const client = makeClient();
const FAKE_TTS = process.env.E2E_ENGINE === 'fake';

const FIRST_MESSAGE = 'Hello, this is the Timbre voice agent. How can I help you today?';
const WEATHER_REPLY = 'The weather today is sunny and warm with a light breeze.';
const STORY = 'Once upon a time, in a small village by the sea, there lived an old fisherman who went out in his boat '
  + 'every morning before sunrise. One morning he found a green bottle floating on the water with a letter inside. '
  + 'The letter told of a hidden garden on an island far to the south, where the trees were covered in golden fruit. '
  + 'He sailed for many days through wind and rain, until at last he saw the island rising out of the mist. '
  + 'When he walked into the garden he found his own grandfather waiting for him under the tallest tree.';
const PROMPT = [`When the user says weather, reply ${WEATHER_REPLY}`, `When the user says story, reply ${STORY}`].join('\n');
const ASK_WEATHER = 'What is the weather like in the city today?';
const ASK_STORY = 'Please tell me a long story.';
const BARGE_IN = 'Sorry, what is the weather like now?';

const speak = async (voiceId, text) => readAll(await client.textToSpeech.convert(voiceId, { text, modelId: MODEL_ID, outputFormat: 'pcm_16000' }));
const letters = (t) => t.toLowerCase().replace(/[^a-z]/g, '');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Speech to text through the SDK: raw pcm_s16le_16 at 16 kHz, else a WAV around it. */
async function transcribe(pcm, rate) {
  const file = rate === 16000 ? new Blob([pcm]) : new Blob([wavOf(pcm, rate)], { type: 'audio/wav' });
  const r = await client.speechToText.convert({ file, modelId: 'scribe_v1', ...(rate === 16000 ? { fileFormat: 'pcm_s16le_16' } : {}) });
  return r.text;
}

const isAudio = (id) => (e) => e.type === 'audio' && Number(e.audio_event.event_id) === id;
const agentResponse = (re) => (e) => e.type === 'agent_response' && re.test(e.agent_response_event.agent_response);
const audioOf = (log, id) => Buffer.concat(log.events.filter(isAudio(id)).map((e) => Buffer.from(e.audio_event.audio_base_64, 'base64')));

/** Resolves once audio for `id` came (awaited through `expect`, like log.next) and then none for `quietMs`. */
async function settled(log, expect, id, quietMs = 500) {
  await expect(isAudio(id), 0);
  let count = -1;
  for (;;) {
    const now = log.events.filter(isAudio(id)).length;
    if (now === count) return;
    count = now;
    await sleep(quietMs);
  }
}

/** Checks the audio events of one response: PCM in whole samples, alignments of equal lengths that start in their chunk and spell the text. */
function checkAudioEvents(log, id, rate, text) {
  const events = log.events.filter(isAudio(id));
  assert.ok(events.length > 0, `no audio for event ${id}`);
  let spelled = '';
  for (const e of events) {
    const bytes = Buffer.from(e.audio_event.audio_base_64, 'base64').length;
    assert.equal(bytes % 2, 0, '16-bit PCM');
    const a = e.audio_event.alignment;
    if (!a) continue;
    assert.equal(a.chars.length, a.char_start_times_ms.length);
    assert.equal(a.chars.length, a.char_durations_ms.length);
    const chunkMs = (bytes / 2 / rate) * 1000;
    a.char_start_times_ms.forEach((s, i) => {
      assert.ok(s >= 0 && a.char_durations_ms[i] >= 0, 'alignment times are non-negative');
      assert.ok(s <= chunkMs + 20, `char ${i} starts at ${s} ms in a ${chunkMs} ms chunk`); // it may end in the next one
    });
    spelled += a.chars.join('');
  }
  assert.equal(letters(spelled), letters(text), 'the alignments spell the response');
  const seconds = audioOf(log, id).length / 2 / rate;
  const perChar = (seconds * 1000) / text.length;
  assert.ok(perChar > 25 && perChar < 200, `${seconds.toFixed(2)} s of ${rate} Hz audio for ${text.length} characters`);
}

async function assertSpoke(log, id, rate, text, what) {
  const heard = await transcribe(audioOf(log, id), rate);
  const wer = wordErrorRate(text, heard);
  assert.ok(wer <= 0.4, `${what}: the agent's audio transcribes to "${heard}" for "${text}" (WER ${(wer * 100).toFixed(0)} %)`);
}

test('voice: elevenlabs-js Conversation hears the user, answers in audio, and is interrupted mid-answer', { timeout: 120_000 }, async (t) => {
  if (FAKE_TTS) { t.skip('the fake TTS engine speaks no words'); return; }
  const [userVoice, agentVoice] = await anyVoiceIds(2);
  const { agentId } = await client.conversationalAi.agents.create({
    name: uniqueName('e2e-voice'),
    conversationConfig: {
      agent: { firstMessage: FIRST_MESSAGE, language: 'en', prompt: { prompt: PROMPT } },
      tts: { voiceId: agentVoice, agentOutputAudioFormat: 'pcm_16000' },
      asr: { userInputAudioFormat: 'pcm_16000' },
      conversation: { textOnly: false },
    },
    platformSettings: { auth: { enableAuth: true } },
  });
  try {
    await converse(t, agentId, userVoice);
  } finally {
    await client.conversationalAi.agents.delete(agentId).catch(() => {});
  }
});

async function converse(t, agentId, userVoice) {
  const [askWeather, askStory, bargeIn] = await Promise.all([ASK_WEATHER, ASK_STORY, BARGE_IN].map((text) => speak(userVoice, text)));
  const audio = new ScriptedAudio();
  const log = eventLog(30000);
  const corrections = [];
  const conv = new Conversation({
    client, agentId, requiresAuth: true, audioInterface: audio,
    callbackAgentResponseCorrection: (original, corrected) => corrections.push({ original, corrected }),
    callbackMessageReceived: (e) => {
      if (e.type === 'conversation_initiation_metadata') audio.outputRate = Number(/^pcm_(\d+)$/.exec(e.conversation_initiation_metadata_event.agent_output_audio_format)?.[1]);
      log.push(e);
    },
  });
  // Any error event from the server fails whatever the test is waiting for, with the server's message.
  const serverError = log.next((e) => e.type === 'error', 0, Infinity).then((e) => { throw new Error(`server error event: ${JSON.stringify(e)}`); });
  serverError.catch(() => {});
  const expect = (pred, from = 0, waitMs) => Promise.race([log.next(pred, from, waitMs), serverError]);
  let conversationId;
  try {
    await conv.startSession();
    // The server dictates the formats; the agent asked for 16 kHz PCM both ways.
    const meta = (await expect((e) => e.type === 'conversation_initiation_metadata')).conversation_initiation_metadata_event;
    conversationId = meta.conversation_id;
    assert.equal(meta.agent_output_audio_format, 'pcm_16000');
    assert.equal(meta.user_input_audio_format, 'pcm_16000');
    const rate = audio.outputRate;

    // 1. The first message is heard as audio.
    const first = (await expect(agentResponse(/Timbre voice agent/))).agent_response_event.event_id;
    await settled(log, expect, first);
    await audio.drained(300);
    checkAudioEvents(log, first, rate, FIRST_MESSAGE);

    // 2. A spoken question: transcript, then the reply spoken in the announced format.
    let mark = log.events.length;
    const asked = await audio.say(askWeather);
    const transcript = (await expect((e) => e.type === 'user_transcript', mark)).user_transcription_event.user_transcript;
    const wer = wordErrorRate(ASK_WEATHER, transcript);
    assert.ok(wer <= 0.35, `user_transcript "${transcript}" for "${ASK_WEATHER}" (WER ${(wer * 100).toFixed(0)} %)`);
    const weather = (await expect(agentResponse(/sunny/), mark)).agent_response_event.event_id;
    assert.ok(weather > first, 'a new event id for the reply');
    await expect(isAudio(weather), mark);
    t.diagnostic(`first reply audio ${(performance.now() - asked.endedAt).toFixed(0)} ms or less after the end of the question`);
    await settled(log, expect, weather);
    await audio.drained(300);
    checkAudioEvents(log, weather, rate, WEATHER_REPLY);

    // 3. Barge-in: while the agent tells the long story, the user speaks; the agent stops and answers that instead.
    mark = log.events.length;
    await audio.say(askStory);
    const storyAudio = await expect((e) => e.type === 'audio' && Number(e.audio_event.event_id) > weather, mark);
    const story = Number(storyAudio.audio_event.event_id);
    await sleep(1500); // the agent is 1.5 s into a ~25 s answer
    const cutMark = log.events.length;
    audio.say(bargeIn);
    const interruption = await expect((e) => e.type === 'interruption', cutMark, 10000);
    const cutAt = log.events.indexOf(interruption);
    assert.ok(Number(interruption.interruption_event.event_id) >= story, 'the interruption names the story (or later)');
    assert.ok(audio.interrupts.length >= 1, "the SDK called the audio interface's interrupt()");
    const answer = (await expect(agentResponse(/sunny/), cutAt)).agent_response_event.event_id;
    assert.ok(answer > story);
    await settled(log, expect, answer);
    const lateStory = log.events.slice(cutAt + 1).filter((e) => e.type === 'audio' && Number(e.audio_event.event_id) <= story);
    assert.equal(lateStory.length, 0, 'no audio of the story after the interruption');
    const storySeconds = audioOf(log, story).length / 2 / rate;
    t.diagnostic(`story audio sent before the cut: ${storySeconds.toFixed(1)} s`);
    await assertSpoke(log, answer, rate, WEATHER_REPLY, 'the answer after the barge-in');
    await audio.drained(200);

    // The first message and the first reply, sent back through speech to text, say what the agent said.
    await assertSpoke(log, first, rate, FIRST_MESSAGE, 'first message');
    await assertSpoke(log, weather, rate, WEATHER_REPLY, 'reply');

    // The correction (when the server sends one) shows the story cut short.
    const correction = corrections.find((c) => letters(c.original).startsWith(letters('Once upon a time')));
    t.diagnostic(`agent_response_correction: ${correction ? JSON.stringify(correction.corrected) : 'none'}`);
    if (correction) {
      assert.ok(letters(correction.corrected).length < letters(STORY).length, `corrected "${correction.corrected}" is shorter than the story`);
      assert.ok(letters(STORY).startsWith(letters(correction.corrected)), `corrected "${correction.corrected}" is the story's beginning`);
    }
  } finally {
    conv.endSession();
  }

  // The stored record, read back through the SDK: the spoken question and the story marked as cut.
  let stored;
  for (let i = 0; i < 100; i++) {
    stored = await client.conversationalAi.conversations.get(conversationId);
    if (stored.status === 'done' || stored.status === 'failed') break;
    await sleep(200);
  }
  assert.equal(stored.status, 'done');
  assert.ok(stored.transcript.some((e) => e.role === 'user' && /weather/i.test(e.message ?? '')), 'the spoken question is in the transcript');
  const told = stored.transcript.find((e) => e.role === 'agent' && letters(e.originalMessage ?? e.message ?? '').startsWith(letters('Once upon a time')));
  assert.ok(told, 'the story is in the transcript');
  const answered = stored.transcript.find((e) => e.role === 'agent' && /sunny/.test(e.message ?? ''));
  t.diagnostic(`turn metrics on the first reply: ${JSON.stringify(answered?.conversationTurnMetrics ?? null)}`);
  t.diagnostic(`stored story entry: interrupted=${told.interrupted}, message "${told.message}"`);
  const cut = told.interrupted === true || letters(told.message ?? '').length < letters(STORY).length;
  assert.ok(cut || corrections.length > 0, `the story is marked as cut (interrupted ${told.interrupted}, message "${told.message}")`);
}
