// Audio tools through the official SDK: audio isolation (whole and streamed) and text to sound effects.
import test from 'node:test';
import assert from 'node:assert/strict';
import { makeClient, readAll, looksLikeMp3, makeSpeechLikeWav } from '../lib/common.mjs';

const client = makeClient();

/** Seconds of an MPEG-1/2 Layer III stream, counted frame by frame (the encoder's delay and padding included). */
function mp3Seconds(buf) {
  const rates = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };
  const kbps1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
  const kbps2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
  let i = 0, seconds = 0;
  if (buf.subarray(0, 3).toString('latin1') === 'ID3') i = 10 + ((buf[6] << 21) | (buf[7] << 14) | (buf[8] << 7) | buf[9]);
  while (i + 4 <= buf.length) {
    if (buf[i] !== 0xff || (buf[i + 1] & 0xe0) !== 0xe0) { i++; continue; }
    const version = (buf[i + 1] >> 3) & 3, bitrateIndex = buf[i + 2] >> 4, rateIndex = (buf[i + 2] >> 2) & 3;
    if (version === 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) { i++; continue; }
    const rate = rates[version][rateIndex], mpeg1 = version === 3;
    const kbps = (mpeg1 ? kbps1 : kbps2)[bitrateIndex], samples = mpeg1 ? 1152 : 576;
    const length = Math.floor((samples / 8) * kbps * 1000 / rate) + ((buf[i + 2] >> 1) & 1);
    seconds += samples / rate;
    i += length;
  }
  return seconds;
}

/** A speech-like WAV with white noise over it (and a noise-only lead-in), 16 kHz. */
function noisyWav(seconds) {
  const wav = makeSpeechLikeWav({ seconds, seed: 3 });
  let s = 7;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
  for (let o = 44; o + 1 < wav.length; o += 2) {
    const noise = Math.round((rnd() + rnd() + rnd() - 1.5) * 3000);
    wav.writeInt16LE(Math.max(-32767, Math.min(32767, wav.readInt16LE(o) + noise)), o);
  }
  return wav;
}

test('audioIsolation.convert returns MP3 as long as the upload', async () => {
  const audio = await readAll(await client.audioIsolation.convert({ audio: new Blob([noisyWav(3)], { type: 'audio/wav' }) }));
  assert.ok(looksLikeMp3(audio), 'MP3');
  const secs = mp3Seconds(audio);
  assert.ok(Math.abs(secs - 3) < 0.12, `duration ${secs} s`);
});

test('audioIsolation.stream streams MP3 of raw 16 kHz PCM', async () => {
  const pcm = noisyWav(2.5).subarray(44);
  const audio = await readAll(await client.audioIsolation.stream({ audio: new Blob([pcm]), fileFormat: 'pcm_s16le_16' }));
  assert.ok(looksLikeMp3(audio), 'MP3');
  const secs = mp3Seconds(audio);
  assert.ok(Math.abs(secs - 2.5) < 0.12, `duration ${secs} s`);
});

test('audioIsolation.convert refuses what is not audio', async () => {
  await assert.rejects(client.audioIsolation.convert({ audio: new Blob([Buffer.from('not audio')]) }),
    (e) => e?.statusCode >= 400 && e?.statusCode < 500);
});

test('textToSoundEffects.convert returns audio of the asked duration', async () => {
  const pcm = await readAll(await client.textToSoundEffects.convert({
    text: 'Rain on a tin roof with distant thunder', durationSeconds: 2.5, outputFormat: 'pcm_16000',
  }));
  assert.equal(pcm.length, 2.5 * 16000 * 2, 'exactly 2.5 s of 16 kHz PCM');
  const mp3 = await readAll(await client.textToSoundEffects.convert({ text: 'A door creaks open', loop: true, durationSeconds: 4 }));
  assert.ok(looksLikeMp3(mp3), 'MP3 by default');
  const secs = mp3Seconds(mp3);
  assert.ok(Math.abs(secs - 4) < 0.12, `duration ${secs} s`);
});

test('textToSoundEffects.convert chooses a duration when none is given, and refuses an empty text', async () => {
  const pcm = await readAll(await client.textToSoundEffects.convert({ text: 'Footsteps in a hall', outputFormat: 'pcm_16000' }));
  assert.ok(pcm.length / 32000 >= 0.5 && pcm.length / 32000 <= 30, `${pcm.length / 32000} s`);
  await assert.rejects(client.textToSoundEffects.convert({ text: '' }), (e) => e?.statusCode === 422);
});
