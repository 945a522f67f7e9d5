// Web app: time to first audio. For each run a fresh signed-in tab opens the Speech page (#/speech), the text is
// filled in and Generate clicked as soon as the page has loaded and the voices are listed; the figure is the <audio>
// element's first `playing` event, measured in the page (performance.now(), whose origin is the navigation start):
//   click → first audio         Generate's click to `playing` (request, first chunk, MediaSource, decoder start)
//   navigation → first audio    navigation start to `playing` (page load, voices/models, the above)
// The reference, in the same run and alternating with it: node's time from sending the same request
// (POST /v1/text-to-speech/{voice}/stream/with-timestamps, mp3_44100_128) to its first body byte.
// Usage (from the repository root, e2e's node_modules installed):
//   BASE_URL=http://127.0.0.1:8080 ELEVENLABS_API_KEY=… node bench/web-first-audio.mjs [runs=10]
// Prints a Markdown table (paste it into docs/benchmarks.md, "Web app: time to first audio").
import { launchBrowser, openApp } from '../e2e/lib/browser.mjs';
import { API_KEY, BASE_URL } from '../e2e/lib/common.mjs';

const RUNS = Number(process.argv[2] || 10);
const TEXT = 'The first move is what sets everything in motion.';

async function firstVoice() {
  const r = await fetch(`${BASE_URL}/v2/voices?page_size=1`, { headers: { 'xi-api-key': API_KEY } });
  const v = (await r.json()).voices[0];
  return v;
}

/** Node's time to the first byte of the streaming request the page makes. */
async function apiFirstByte(voiceId) {
  const t0 = performance.now();
  const r = await fetch(`${BASE_URL}/v1/text-to-speech/${voiceId}/stream/with-timestamps?output_format=mp3_44100_128`, {
    method: 'POST', headers: { 'xi-api-key': API_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ text: TEXT, model_id: 'eleven_multilingual_v2' }),
  });
  const reader = r.body.getReader();
  const first = await reader.read();
  const t = performance.now() - t0;
  if (r.status !== 200 || first.done) throw new Error(`stream failed: ${r.status}`);
  while (!(await reader.read()).done) { /* drain */ }
  return t;
}

/** One page run: { click, nav } in ms. */
async function pageRun(browser, voiceName) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.addInitScript((k) => {
    sessionStorage.setItem('timbre.apiKey', k);
    document.addEventListener('click', (e) => {
      if (e.target.closest && e.target.closest('button[type=submit]')) window.__click = performance.now();
    }, true);
    // Media events do not bubble, but a capturing listener on the document still sees them.
    document.addEventListener('playing', () => { if (!window.__playing) window.__playing = performance.now(); }, true);
  }, API_KEY);
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/#/speech`);
  await page.getByLabel('Text', { exact: true }).fill(TEXT);
  await page.getByRole('radio', { name: voiceName }).check();
  await page.getByRole('button', { name: 'Generate' }).click();
  await page.waitForFunction(() => window.__playing, null, { timeout: 60_000, polling: 10 });
  const { click, playing, response, chunk } = await page.evaluate(() => {
    const mark = (n) => (performance.getEntriesByName(n)[0] || {}).startTime;
    return { click: window.__click, playing: window.__playing, response: mark('speech:response'), chunk: mark('speech:first-chunk') };
  });
  await context.close();
  return { click: playing - click, nav: playing, response: response - click, chunk: chunk - click };
}

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const rank = (p) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  return { p50: rank(50), p95: rank(95), min: s[0], max: s[s.length - 1] };
}

const voice = await firstVoice();
const browser = await launchBrowser();
const load = (await import('node:os')).loadavg()[0].toFixed(2);
await pageRun(browser, voice.name); // warm-up: page assets, JIT, engine
await apiFirstByte(voice.voice_id);
const clicks = [];
const navs = [];
const ttfb = [];
const responses = [];
const chunks = [];
for (let i = 0; i < RUNS; i++) {
  const p = await pageRun(browser, voice.name);
  clicks.push(p.click);
  navs.push(p.nav);
  responses.push(p.response);
  chunks.push(p.chunk);
  ttfb.push(await apiFirstByte(voice.voice_id));
}
await browser.close();

const row = (name, xs) => {
  const s = stats(xs);
  return `| ${name} | ${s.p50.toFixed(0)} ms | ${s.p95.toFixed(0)} ms | ${s.min.toFixed(0)}–${s.max.toFixed(0)} ms |`;
};
console.log(`${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${RUNS} runs, voice ${voice.name}, load average ${load} at start\n`);
console.log('| measure | p50 | p95 | range |');
console.log('|---|---|---|---|');
console.log(row('page: click Generate → first audio (`playing`)', clicks));
console.log(row('page: navigation start → first audio', navs));
console.log(row('page: click → response headers', responses));
console.log(row('page: click → first chunk parsed', chunks));
console.log(row('API from node: request → first byte (reference)', ttfb));
