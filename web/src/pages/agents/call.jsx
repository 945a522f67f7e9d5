// A live voice call with an agent in the browser: GET /v1/convai/conversation/get-signed-url, then
// @elevenlabs/client's Conversation over a WebSocket to this server (loaded only when a call starts, so the client
// library stays out of the main bundle). Microphone in, agent audio out, the transcript as it happens.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, socketUrl } from '../../api.js';
import { ErrorNote, useAsync } from '../../components/ui.jsx';
import { AgentTabs } from './tabs.jsx';
// The resampler worklet @elevenlabs/client loads when the browser cannot open an AudioContext at the call's sample
// rate; without this path it would fetch it from a CDN. `?url`: only the file's served URL is bundled here.

/**
 * The signed URL the server returned, pointed at the origin this page came from: the server builds it from the
 * request's Host, which behind a proxy may not be the address the browser reached.
 */
function sameOrigin(signedUrl) {
  const u = new URL(signedUrl);
  return socketUrl(u.pathname) + u.search;
}

export function AgentCall({ agentId }) {
  const agent = useAsync(() => api.get(`/v1/convai/agents/${encodeURIComponent(agentId)}`), [agentId]);
  const [status, setStatus] = useState('disconnected');
  const [mode, setMode] = useState('listening');
  const [muted, setMuted] = useState(false);
  const [lines, setLines] = useState([]);
  const [error, setError] = useState(null);
  const [conversationId, setConversationId] = useState(null);
  const [ended, setEnded] = useState(null);
  const conv = useRef(null);
  const startedAt = useRef(0);
  const logRef = useRef(null);

  const mounted = useRef(true);
  useEffect(() => () => { mounted.current = false; conv.current?.endSession(); conv.current = null; }, []);
  useEffect(() => { const el = logRef.current; if (el) el.scrollTop = el.scrollHeight; }, [lines]);

  async function start() {
    setError(null);
    setLines([]);
    setEnded(null);
    setConversationId(null);
    setMuted(false);
    setStatus('connecting');
    try {
      const { signed_url: signedUrl } = await api.get('/v1/convai/conversation/get-signed-url', { agent_id: agentId });
      const { Conversation } = await import('@elevenlabs/client');
      startedAt.current = performance.now();
      const at = () => (performance.now() - startedAt.current) / 1000;
      const session = await Conversation.startSession({
        signedUrl: sameOrigin(signedUrl),
        connectionType: 'websocket',
        libsampleratePath: '/convai-widget-libsamplerate.worklet.js', // the one copy the widget build emits; never the CDN
        onConnect: ({ conversationId: id }) => setConversationId(id),
        onStatusChange: ({ status: s }) => setStatus(s),
        onModeChange: ({ mode: m }) => setMode(m),
        onMessage: ({ message, role }) => setLines((l) => [...l, { role, message, at: at() }]),
        // The agent was interrupted: its last line becomes what was actually said.
        onAgentResponseCorrection: (e) => {
          const fixed = e?.corrected_agent_response;
          if (fixed == null) return;
          setLines((l) => {
            const i = l.map((x) => x.role).lastIndexOf('agent');
            return i < 0 ? l : l.map((x, j) => (j === i ? { ...x, message: fixed, cut: true } : x));
          });
        },
        onError: (message) => setError(typeof message === 'string' ? message : message?.message || 'The call failed'),
        onDisconnect: (d) => {
          conv.current = null;
          setStatus('disconnected');
          setEnded(d?.reason === 'error' ? `The call ended with an error${d.message ? ': ' + d.message : ''}.`
            : d?.reason === 'agent' ? 'The agent ended the call.' : 'The call ended.');
        },
      });
      // The page was left while the call was starting: end it rather than talk on unseen.
      if (!mounted.current) { session.endSession(); return; }
      conv.current = session;
    } catch (e) {
      conv.current = null;
      setStatus('disconnected');
      setError(e?.name === 'NotAllowedError' ? 'The microphone is blocked: allow it for this site to talk to the agent.' : e);
    }
  }

  async function end() {
    setStatus('disconnecting');
    await conv.current?.endSession();
  }

  function toggleMute() {
    conv.current?.setMicMuted(!muted);
    setMuted(!muted);
  }

  const live = status === 'connected';
  const name = agent.data?.name || 'Agent';
  return (
    <section>
      <AgentTabs agentId={agentId} current="call" />
      <h1>Talk to {name}</h1>
      <ErrorNote error={agent.error} />
      <div class="card call">
        <div class="row call-state">
          <span class={`dot ${live ? (mode === 'speaking' ? 'speaking' : 'listening') : ''}`} aria-hidden="true" />
          <span role="status" aria-live="polite" data-testid="call-status">
            {status === 'connected' ? `Connected — ${mode === 'speaking' ? 'agent speaking' : 'listening'}` : status === 'connecting' ? 'Connecting…' : status === 'disconnecting' ? 'Ending…' : 'Not connected'}
          </span>
          {muted && live && <span class="muted">(microphone muted)</span>}
        </div>
        {live && <Levels conv={conv} />}
        <div class="row">
          {!live && status !== 'connecting' && <button onClick={start}>Start call</button>}
          {(live || status === 'connecting') && <button class="danger" onClick={end} disabled={status !== 'connected'}>End call</button>}
          {live && <button class="secondary" aria-pressed={muted} onClick={toggleMute}>{muted ? 'Unmute' : 'Mute'}</button>}
        </div>
        <p class="muted small">Uses your microphone and speaker. {agent.data?.conversation_config?.agent?.first_message ? 'The agent speaks first.' : 'Say something to begin.'}</p>
        <ErrorNote error={error} />
        {ended && <p role="status">{ended} {conversationId && <a href={`#/agents/${encodeURIComponent(agentId)}/conversations/${encodeURIComponent(conversationId)}`}>Open this conversation</a>}</p>}
      </div>
      <h2 id="live-transcript">Transcript</h2>
      <ol class="transcript live" ref={logRef} aria-labelledby="live-transcript" aria-live="polite">
        {lines.length === 0 && <li class="muted">Nothing said yet.</li>}
        {lines.map((l) => (
          <li class={`line ${l.role}`}>
            <span class="who">{l.role === 'agent' ? name : 'You'}</span>
            <span class="when muted">{l.at.toFixed(1)} s</span>
            <p>{l.message}{l.cut && <span class="muted"> (interrupted)</span>}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Microphone and speaker levels (0–1) read from the session about ten times a second. */
function Levels({ conv }) {
  const [levels, setLevels] = useState({ input: 0, output: 0 });
  useEffect(() => {
    const t = setInterval(() => {
      const c = conv.current;
      if (c) setLevels({ input: c.getInputVolume?.() || 0, output: c.getOutputVolume?.() || 0 });
    }, 100);
    return () => clearInterval(t);
  }, []);
  return (
    <div class="levels">
      <label for="call-mic-level">Microphone</label>
      <meter id="call-mic-level" min="0" max="1" value={levels.input} />
      <label for="call-speaker-level">Agent</label>
      <meter id="call-speaker-level" min="0" max="1" value={levels.output} />
    </div>
  );
}
