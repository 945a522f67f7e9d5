// Plays MP3 as it arrives: a MediaSource ('audio/mpeg') behind an <audio> element, fed chunk by chunk, so playback
// starts with the first chunk instead of the last. Where MediaSource cannot take MP3 the bytes are collected and
// played whole at the end. Every chunk is also kept, so the finished audio is available as one Blob.

/** True when this browser can stream MP3 through MediaSource. */
export function canStreamMp3() {
  return typeof MediaSource !== 'undefined' && MediaSource.isTypeSupported('audio/mpeg');
}

/**
 * A player bound to `audio`. `start()` points the element at a fresh MediaSource and asks it to play (call it in the
 * click handler, so the user gesture allows playback); `push(bytes)` appends a chunk; `end()` closes the stream and
 * resolves to the whole audio as a Blob. `stop()` abandons it. One player per generation.
 */
export function streamPlayer(audio) {
  const chunks = [];
  const queue = [];
  let source = null;
  let buffer = null;
  let ended = false;
  let stopped = false;
  let failed = false; // MediaSource refused a chunk: the whole audio is played from a Blob at the end instead
  let url = null;
  let resolveOpen;
  const opened = new Promise((r) => { resolveOpen = r; });
  const streaming = canStreamMp3();

  function pump() {
    if (!buffer || buffer.updating || stopped || failed) return;
    if (queue.length) {
      try { buffer.appendBuffer(queue.shift()); } catch { failed = true; queue.length = 0; }
      return;
    }
    if (ended && source.readyState === 'open') source.endOfStream();
  }

  return {
    start() {
      if (!streaming) return;
      source = new MediaSource();
      url = URL.createObjectURL(source);
      source.addEventListener('sourceopen', () => {
        buffer = source.addSourceBuffer('audio/mpeg');
        buffer.mode = 'sequence';
        buffer.addEventListener('updateend', pump);
        resolveOpen();
        pump();
      }, { once: true });
      audio.src = url;
      audio.play().catch(() => { /* autoplay refused: the controls still play it */ });
    },
    push(bytes) {
      if (stopped || !bytes.length) return;
      chunks.push(bytes);
      if (streaming) { queue.push(bytes); pump(); }
    },
    async end() {
      const blob = new Blob(chunks, { type: 'audio/mpeg' });
      if (stopped) return blob;
      if (streaming && !failed) {
        ended = true;
        await opened;
        pump();
      }
      if (!streaming || failed) {
        if (url) URL.revokeObjectURL(url);
        url = URL.createObjectURL(blob);
        audio.src = url;
        audio.play().catch(() => {});
      }
      return blob;
    },
    stop() {
      stopped = true;
      audio.pause();
      if (url) URL.revokeObjectURL(url);
    },
  };
}

/** Reads a fetch Response body of newline-delimited JSON, calling `onObject` for each object as its line completes. */
export async function readNdjson(response, onObject) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) pending += decoder.decode(value, { stream: true });
    let nl;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl).trim();
      pending = pending.slice(nl + 1);
      if (line) onObject(JSON.parse(line));
    }
    if (done) break;
  }
  if (pending.trim()) onObject(JSON.parse(pending));
}

/** Reads a fetch Response body chunk by chunk. */
export async function readChunks(response, onChunk) {
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (value) onChunk(value);
    if (done) return;
  }
}

/** Base64 → bytes. */
export function fromBase64(b64) {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
