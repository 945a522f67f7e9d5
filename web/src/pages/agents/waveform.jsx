// An audio player with a waveform: the audio is decoded with Web Audio, its peaks drawn on a canvas (one bar per
// 3 px), the played part in the accent colour. Clicking the waveform seeks; it is also a keyboard slider (arrows:
// ±5 s, Home/End). `src` is a blob: URL (the page fetched the audio with the key).
import { useEffect, useRef, useState } from 'preact/hooks';
import { clock } from '../../components/ui.jsx';

const BAR = 3;

/** Peak absolute sample per bucket of the first channel, `buckets` values in 0–1. */
function peaksOf(buffer, buckets) {
  const data = buffer.getChannelData(0);
  const per = Math.max(1, Math.floor(data.length / buckets));
  const out = new Float32Array(buckets);
  for (let b = 0; b < buckets; b++) {
    let max = 0;
    const end = Math.min(data.length, (b + 1) * per);
    for (let i = b * per; i < end; i++) { const v = Math.abs(data[i]); if (v > max) max = v; }
    out[b] = max;
  }
  return out;
}

export function Waveform({ src, blob, label = 'Recording' }) {
  const audio = useRef(null);
  const canvas = useRef(null);
  const [buffer, setBuffer] = useState(null);
  const [error, setError] = useState(null);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const peaksCache = useRef({ buffer: null, n: 0, peaks: null });

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const Ctx = window.AudioContext || window.webkitAudioContext;
        const ctx = new Ctx();
        const decoded = await ctx.decodeAudioData(await blob.arrayBuffer());
        ctx.close();
        if (live) { setBuffer(decoded); setDuration((d) => d || decoded.duration); }
      } catch (e) { if (live) setError('The waveform could not be drawn: ' + e.message); }
    })();
    return () => { live = false; };
  }, [blob]);

  // Draw (again on resize, and as the play position moves).
  useEffect(() => {
    const c = canvas.current;
    if (!c || !buffer) return;
    const draw = () => {
      const dpr = window.devicePixelRatio || 1;
      const w = c.clientWidth, h = c.clientHeight;
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
      const g = c.getContext('2d');
      g.scale(dpr, dpr);
      g.clearRect(0, 0, w, h);
      const n = Math.max(1, Math.floor(w / BAR));
      const cache = peaksCache.current;
      if (cache.buffer !== buffer || cache.n !== n) Object.assign(cache, { buffer, n, peaks: peaksOf(buffer, n) });
      const peaks = cache.peaks;
      const styles = getComputedStyle(c);
      const played = styles.getPropertyValue('--accent').trim() || '#3b3bd6';
      const rest = styles.getPropertyValue('--muted').trim() || '#888';
      const cut = duration ? (time / duration) * w : 0;
      for (let i = 0; i < n; i++) {
        const x = i * BAR;
        const bh = Math.max(1, peaks[i] * (h - 4));
        g.fillStyle = x < cut ? played : rest;
        g.fillRect(x, (h - bh) / 2, BAR - 1, bh);
      }
    };
    draw();
    const ro = new ResizeObserver(draw);
    ro.observe(c);
    return () => ro.disconnect();
  }, [buffer, time, duration]);

  const seek = (t) => {
    const a = audio.current;
    if (!a || !duration) return;
    a.currentTime = Math.max(0, Math.min(duration, t));
    setTime(a.currentTime);
  };
  const onClick = (e) => {
    const r = canvas.current.getBoundingClientRect();
    seek(((e.clientX - r.left) / r.width) * duration);
  };
  const onKey = (e) => {
    const step = { ArrowRight: 5, ArrowUp: 5, ArrowLeft: -5, ArrowDown: -5 }[e.key];
    if (step) { e.preventDefault(); seek(time + step); } else if (e.key === 'Home') { e.preventDefault(); seek(0); } else if (e.key === 'End') { e.preventDefault(); seek(duration); }
  };

  return (
    <div class="waveform">
      <canvas ref={canvas} class="waveform-canvas" tabIndex={0} role="slider" aria-label={`${label}: seek`}
        aria-valuemin={0} aria-valuemax={Math.round(duration)} aria-valuenow={Math.round(time)} aria-valuetext={`${clock(time)} of ${clock(duration)}`}
        onClick={onClick} onKeyDown={onKey} />
      {!buffer && !error && <p class="muted" role="status">Drawing the waveform…</p>}
      {error && <p class="error" role="alert">{error}</p>}
      <audio ref={audio} controls src={src} aria-label={label} preload="auto"
        onTimeUpdate={(e) => setTime(e.target.currentTime)} onSeeked={(e) => setTime(e.target.currentTime)}
        onLoadedMetadata={(e) => Number.isFinite(e.target.duration) && setDuration(e.target.duration)} />
    </div>
  );
}
