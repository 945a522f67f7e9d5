// The server's engines and LLM providers with their status, from Timbre's own GET /v1/timbre/engines (not an
// ElevenLabs endpoint; needs workspace_read). "Check again" asks anew (LLM reachability is kept 30 s on the server).
import { api } from '../../api.js';
import { ErrorNote, useAsync } from '../../components/ui.jsx';

const STATUS_TEXT = {
  ok: 'All engines loaded; the database answers.',
  loading: 'Engines are still loading…',
  engines_failed: 'The default text-to-speech engine failed to load.',
  database_unavailable: 'The database does not answer.',
};

function Health({ healthy, state, error }) {
  if (state === 'loading') return <span class="muted">Loading…</span>;
  return healthy ? <span class="ok">Healthy</span> : <span class="error">{state === 'failed' ? 'Failed' : 'Unhealthy'}{error ? `: ${error}` : ''}</span>;
}

function ms(v) {
  if (v == null) return '—';
  return v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${v} ms`;
}

function SpeechEngines({ title, id, engines, tts }) {
  return (
    <>
      <h3 id={id}>{title}</h3>
      {engines.length === 0 ? <p class="muted">None configured.</p> : (
        <div class="table-wrap">
          <table aria-labelledby={id}>
            <thead><tr><th scope="col">Engine</th><th scope="col">Description</th>{tts && <th scope="col">Voices</th>}<th scope="col">Load time</th><th scope="col">Status</th></tr></thead>
            <tbody>
              {engines.map((e) => (
                <tr>
                  <td><strong class="engine-name">{e.name}</strong>{e.is_default && tts && <span class="muted"> (default)</span>}</td>
                  <td>{e.description || '—'}</td>
                  {tts && <td>{e.voices ?? '—'}</td>}
                  <td>{ms(e.load_ms)}</td>
                  <td><Health healthy={e.healthy} state={e.state} error={e.error} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function Engines() {
  const status = useAsync(() => api.get('/v1/timbre/engines'));
  const s = status.data;
  return (
    <div class="settings-section">
      <div class="row section-head">
        <h2>Engines and language models</h2>
        <button class="secondary" onClick={status.reload} disabled={status.loading}>Check again</button>
      </div>
      <ErrorNote error={status.error && (status.error.status === 401
        ? `${status.error.message} (the engine status needs a key with workspace_read)` : status.error)} />
      {status.loading && !s && <p class="muted" role="status">Checking…</p>}
      {s && (
        <>
          <p class={s.status === 'ok' ? 'ok' : 'error'} role="status">{STATUS_TEXT[s.status] || s.status}</p>
          <div class="card">
            <SpeechEngines title="Text to speech" id="engines-tts" engines={s.text_to_speech} tts />
            <SpeechEngines title="Speech to text" id="engines-stt" engines={s.speech_to_text} />
            <h3>Voice activity and embeddings</h3>
            <dl class="facts">
              <dt>Voice activity detection</dt>
              <dd><strong>{s.voice_activity.name}</strong> — {s.voice_activity.description}</dd>
              <dt>Embeddings (knowledge-base search)</dt>
              <dd><strong>{s.embeddings.model_id}</strong> — {s.embeddings.where === 'remote' ? 'on a remote server' : 'in process'},
                {s.embeddings.loaded ? ' loaded' : ' loads on first use'}</dd>
            </dl>
          </div>
          <div class="card">
            <h3 id="engines-llm">Language models for agents</h3>
            <p class="muted">Tried in this order: the first provider whose pattern matches an agent's <code>llm</code> answers.</p>
            <div class="table-wrap">
              <table aria-labelledby="engines-llm">
                <thead><tr><th scope="col">Provider</th><th scope="col">Kind</th><th scope="col">Server</th><th scope="col">Model</th><th scope="col">Serves</th><th scope="col">Reachable</th></tr></thead>
                <tbody>
                  {s.language_models.map((m) => (
                    <tr>
                      <td><strong>{m.name}</strong></td>
                      <td>{m.built_in ? 'built-in rule model (scripted replies, not an AI)' : m.kind === 'openai' ? 'OpenAI-compatible' : m.kind}</td>
                      <td>{m.url ? <code class="wrap">{m.url}</code> : '—'}</td>
                      <td>{m.model || (m.built_in ? '—' : "the agent's llm")}</td>
                      <td>{m.serves.join(', ')}</td>
                      <td>{m.reachable
                        ? <span class="ok">{m.built_in ? 'Built in' : `Yes (${ms(m.latency_ms)})`}</span>
                        : <span class="error">No{m.error ? `: ${m.error}` : ''}</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </>
      )}
    </div>
  );
}
