// WAV files made in the browser: microphone recordings are sent as 16-bit mono PCM WAV, which the server always
// decodes (it reads WebM/Opus only with ffmpeg installed).

/** Float samples (−1…1) → 16-bit PCM, clipped. */
export function floatToPcm16(samples) {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]));
    out[i] = s < 0 ? s * 0x8000 : s * 0x7fff;
  }
  return out;
}

/** A WAV file (Blob) around mono 16-bit PCM (an Int16Array) at `rate` Hz. */
export function wavBlob(pcm, rate) {
  const h = new DataView(new ArrayBuffer(44));
  const str = (o, s) => { for (let i = 0; i < s.length; i++) h.setUint8(o + i, s.charCodeAt(i)); };
  str(0, 'RIFF'); h.setUint32(4, 36 + pcm.byteLength, true); str(8, 'WAVE'); str(12, 'fmt ');
  h.setUint32(16, 16, true); h.setUint16(20, 1, true); h.setUint16(22, 1, true); h.setUint32(24, rate, true);
  h.setUint32(28, rate * 2, true); h.setUint16(32, 2, true); h.setUint16(34, 16, true); str(36, 'data'); h.setUint32(40, pcm.byteLength, true);
  return new Blob([h.buffer, pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength)], { type: 'audio/wav' });
}
