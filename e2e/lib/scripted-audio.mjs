// An AudioInterface for elevenlabs-js's server-side Conversation class that stands in for a microphone and a speaker.
// Microphone: from start() until stop(), one 100 ms chunk of 16 kHz s16le PCM every 100 ms of wall time (a
// drift-free schedule): the next piece of queued speech (say()), else silence — as a real microphone never pauses.
// Speaker: output() "plays" what it gets at real-time pace (a virtual playback clock; nothing is heard), interrupt()
// drops what was still buffered. All times are performance.now() milliseconds. Single-threaded (Node's event loop).

export const INPUT_RATE = 16000;
export const CHUNK_MS = 100;
const CHUNK_BYTES = (INPUT_RATE * 2 * CHUNK_MS) / 1000;
const SILENCE = Buffer.alloc(CHUNK_BYTES);

export class ScriptedAudio {
  /** @param outputRate the sample rate of the agent's audio (the announced pcm_N format); settable before output */
  constructor(outputRate = 16000) {
    this.outputRate = outputRate;
    this.queue = [];
    this.interrupts = []; // when interrupt() was called
    this.playedUntil = 0; // when the speaker will have played everything it was given
    this.outputBytes = 0;
    this.timer = null;
  }

  start(inputCallback) {
    this.send = inputCallback;
    this.t0 = performance.now();
    this.tick = 0;
    this.schedule();
  }

  schedule() {
    const due = this.t0 + ++this.tick * CHUNK_MS;
    this.timer = setTimeout(() => {
      if (!this.timer) return;
      this.pump();
      this.schedule();
    }, Math.max(0, due - performance.now()));
  }

  pump() {
    const item = this.queue[0];
    if (!item) { this.send(SILENCE); return; }
    const chunk = item.pcm.subarray(item.offset, item.offset + CHUNK_BYTES);
    if (item.offset === 0) { item.startedAt = performance.now(); item.onStart(item.startedAt); }
    item.offset += CHUNK_BYTES;
    this.send(chunk.length === CHUNK_BYTES ? chunk : Buffer.concat([chunk, SILENCE.subarray(chunk.length)]));
    if (item.offset >= item.pcm.length) {
      this.queue.shift();
      item.onDone({ startedAt: item.startedAt, endedAt: performance.now() });
    }
  }

  /**
   * Queues `pcm` (16 kHz s16le) to be spoken after what is queued. Returns a promise of `{startedAt, endedAt}` (the
   * send times of its first and last chunks), resolved once its last chunk was handed to the SDK; its `started`
   * property is a promise of `startedAt`, resolved at the first chunk.
   */
  say(pcm) {
    const item = { pcm, offset: 0 };
    const started = new Promise((resolve) => { item.onStart = resolve; });
    const done = new Promise((resolve) => { item.onDone = resolve; });
    this.queue.push(item);
    return Object.assign(done, { started });
  }

  stop() {
    clearTimeout(this.timer);
    this.timer = null;
  }

  output(audio) {
    const now = performance.now();
    this.outputBytes += audio.length;
    this.playedUntil = Math.max(this.playedUntil, now) + (audio.length / 2 / this.outputRate) * 1000;
  }

  interrupt() {
    const now = performance.now();
    this.interrupts.push(now);
    this.playedUntil = Math.min(this.playedUntil, now);
  }

  /** Resolves once the speaker has played everything given to it so far, plus `marginMs`. */
  async drained(marginMs = 0) {
    for (;;) {
      const wait = this.playedUntil + marginMs - performance.now();
      if (wait <= 0) return;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
