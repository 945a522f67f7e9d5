// Records from the microphone and hands back a WAV File. The browser records WebM/Opus (MediaRecorder); the server
// decodes WebM only when ffmpeg is installed, so the recording is decoded here (decodeAudioData), mixed to mono,
// resampled to 16 kHz (OfflineAudioContext) and sent as 16-bit PCM WAV, which every server build reads.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorNote, clock } from '../../components/ui.jsx';
import { floatToPcm16, wavBlob } from '../../components/wav.js';

const RATE = 16000;
const MAX_SECONDS = 300;

async function toWav(blob) {
  const ctx = new AudioContext();
  try {
    const decoded = await ctx.decodeAudioData(await blob.arrayBuffer());
    const frames = Math.max(1, Math.ceil(decoded.duration * RATE));
    const offline = new OfflineAudioContext(1, frames, RATE);
    const src = offline.createBufferSource();
    src.buffer = decoded;
    src.connect(offline.destination); // the destination's one channel mixes the source down
    src.start();
    const rendered = await offline.startRendering();
    return wavBlob(floatToPcm16(rendered.getChannelData(0)), RATE);
  } finally {
    ctx.close();
  }
}

/** A Record/Stop button; `onRecorded(file)` gets each finished recording as `<name>.wav`. */
export function Recorder({ onRecorded, name = 'recording', label = 'Record from microphone' }) {
  const [state, setState] = useState('idle'); // idle | recording | processing
  const [seconds, setSeconds] = useState(0);
  const [error, setError] = useState(null);
  const rec = useRef(null);
  useEffect(() => () => stopTracks(), []);

  function stopTracks() {
    const r = rec.current;
    if (r) { clearInterval(r.timer); r.stream.getTracks().forEach((t) => t.stop()); }
  }

  async function start() {
    setError(null);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const recorder = new MediaRecorder(stream);
      const chunks = [];
      const began = Date.now();
      recorder.ondataavailable = (e) => e.data.size && chunks.push(e.data);
      recorder.onstop = async () => {
        stopTracks();
        setState('processing');
        try {
          const wav = await toWav(new Blob(chunks, { type: recorder.mimeType }));
          onRecorded(new File([wav], `${name}.wav`, { type: 'audio/wav' }));
        } catch (e) {
          setError(new Error(`The recording could not be read: ${e.message}`));
        }
        setState('idle');
      };
      const timer = setInterval(() => {
        const s = (Date.now() - began) / 1000;
        setSeconds(s);
        if (s >= MAX_SECONDS && recorder.state === 'recording') recorder.stop();
      }, 200);
      rec.current = { recorder, stream, timer };
      recorder.start(250);
      setSeconds(0);
      setState('recording');
    } catch (e) {
      setError(new Error(`The microphone is not available: ${e.message}`));
    }
  }

  return (
    <div class="recorder">
      {state === 'recording'
        ? <button type="button" class="danger" onClick={() => rec.current.recorder.stop()}>Stop recording</button>
        : <button type="button" class="secondary" disabled={state === 'processing'} onClick={start}>{label}</button>}
      {state === 'recording' && <span role="status" class="muted">Recording {clock(seconds)}</span>}
      {state === 'processing' && <span role="status" class="muted">Preparing the recording…</span>}
      <ErrorNote error={error} />
    </div>
  );
}
