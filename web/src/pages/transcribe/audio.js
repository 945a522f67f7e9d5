// Microphone capture for the Transcribe page: the microphone → an AudioWorklet (ScriptProcessor where worklets are
// missing) → mono 16 kHz signed 16-bit PCM in chunks, the format both POST /v1/speech-to-text (as a WAV we build) and
// the realtime socket (audio_format=pcm_16000) take. MediaRecorder is not used: Chromium records WebM/Opus, which
// the server decodes only when ffmpeg is installed; a WAV always decodes.
export const RATE = 16000;

// The worklet posts a copy of each 128-sample block of the first channel to the page.
const WORKLET = `registerProcessor('timbre-tap', class extends AudioWorkletProcessor {
  process(inputs) { const c = inputs[0] && inputs[0][0]; if (c) this.port.postMessage(c.slice(0)); return true; }
});`;

/**
 * Downsampler from `inRate` to 16 kHz: each output sample is the mean of the input samples it covers (a box filter,
 * enough against aliasing for speech), the fractional position kept across chunks. Returns Int16Array chunks.
 */
export function makeDownsampler(inRate) {
  const ratio = inRate / RATE;
  let carry = new Float32Array(0);
  let pos = 0;
  return (input) => {
    const buf = new Float32Array(carry.length + input.length);
    buf.set(carry);
    buf.set(input, carry.length);
    const out = new Int16Array(Math.max(0, Math.floor((buf.length - pos) / ratio)));
    let n = 0;
    let t = pos;
    while (t + ratio <= buf.length && n < out.length) {
      const a = Math.floor(t);
      const b = Math.max(a + 1, Math.floor(t + ratio));
      let s = 0;
      for (let k = a; k < b; k++) s += buf[k];
      const v = Math.max(-1, Math.min(1, s / (b - a)));
      out[n++] = v < 0 ? v * 0x8000 : v * 0x7fff;
      t += ratio;
    }
    const keep = Math.floor(t);
    carry = buf.slice(keep);
    pos = t - keep;
    return out.subarray(0, n);
  };
}

/**
 * Opens the microphone. `onChunk(Int16Array)` receives 16 kHz PCM as it comes (blocks of about `chunkMs`);
 * `onLevel(0..1)` the loudness of each block, for a meter. Returns { stop() }, which releases the microphone.
 * Throws (a DOMException from getUserMedia) when the microphone is refused or missing.
 */
export async function openMicrophone({ onChunk, onLevel, chunkMs = 100 }) {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } });
  const ctx = new AudioContext();
  const source = ctx.createMediaStreamSource(stream);
  const down = makeDownsampler(ctx.sampleRate);
  const want = Math.round((RATE * chunkMs) / 1000);
  let pending = [];
  let pendingLen = 0;
  const take = (block) => {
    const pcm = down(block);
    if (pcm.length === 0) return;
    pending.push(pcm.slice(0));
    pendingLen += pcm.length;
    if (pendingLen < want) return;
    const chunk = concatPcm(pending);
    pending = [];
    pendingLen = 0;
    if (onLevel) onLevel(level(chunk));
    onChunk(chunk);
  };
  let node;
  let url;
  if (ctx.audioWorklet) {
    url = URL.createObjectURL(new Blob([WORKLET], { type: 'text/javascript' }));
    await ctx.audioWorklet.addModule(url);
    node = new AudioWorkletNode(ctx, 'timbre-tap');
    node.port.onmessage = (e) => take(e.data);
  } else {
    node = ctx.createScriptProcessor(4096, 1, 1);
    node.onaudioprocess = (e) => take(e.inputBuffer.getChannelData(0));
  }
  // The node must reach the destination for the graph to pull audio through it; a silent gain keeps it quiet.
  const mute = ctx.createGain();
  mute.gain.value = 0;
  source.connect(node);
  node.connect(mute);
  mute.connect(ctx.destination);
  if (ctx.state === 'suspended') await ctx.resume();
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      if (pendingLen > 0) onChunk(concatPcm(pending));
      pending = [];
      stream.getTracks().forEach((t) => t.stop());
      source.disconnect();
      node.disconnect();
      ctx.close();
      if (url) URL.revokeObjectURL(url);
    },
  };
}

export function concatPcm(chunks) {
  const out = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}

/** RMS loudness of a chunk mapped from −60 dBFS (0) to 0 dBFS (1). */
function level(pcm) {
  let s = 0;
  for (let i = 0; i < pcm.length; i++) s += pcm[i] * pcm[i];
  const db = 20 * Math.log10(Math.max(1e-9, Math.sqrt(s / Math.max(1, pcm.length)) / 32768));
  return Math.max(0, Math.min(1, (db + 60) / 60));
}

/** Base64 of the little-endian bytes of a PCM16 chunk (the realtime socket's audio_base_64). */
export function pcmBase64(pcm) {
  const bytes = new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
