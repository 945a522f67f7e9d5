// <elevenlabs-convai>: a custom element with its own Shadow DOM (styles isolated from the page). It reads the
// agent's widget settings from the server, shows the terms before the first conversation, runs a voice call
// (microphone and speaker, mute, end) or a text chat (textOnly session, sendUserMessage) with @elevenlabs/client
// over the WebSocket, and asks for feedback after the call when the agent wants it.
import { Conversation } from '@elevenlabs/client';
import { settings, sessionOptions } from './config.js';
import { css } from './styles.js';
import { h, launcher, panel } from './view.js';

let ids = 0;

export class ConvaiWidget extends HTMLElement {
  static defaultServer = location.origin;
  static get observedAttributes() { return ['agent-id', 'server-url', 'variant']; }

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    this.uid = `convai-${++ids}`;
    this.widget = null; // widget_config from the server
    this.state = { phase: 'loading', open: false, mode: null, status: '', muted: false, error: null, messages: [],
      termsAccepted: false, feedback: null, conversationId: null, ended: null };
    this.conversation = null;
  }

  connectedCallback() { this.load(); }

  disconnectedCallback() { this.end(); }

  attributeChangedCallback(name, old, value) {
    if (this.isConnected && old !== null && old !== value) this.load();
  }

  /** The server: the server-url attribute, else the script's own origin. */
  get server() {
    return (this.getAttribute('server-url') || ConvaiWidget.defaultServer).replace(/\/+$/, '');
  }

  async load() {
    const agentId = this.getAttribute('agent-id');
    const signedUrl = this.getAttribute('signed-url');
    this.set({ phase: 'loading', error: null });
    if (!agentId && !signedUrl) return this.set({ phase: 'error', error: 'No agent-id attribute: the widget does not know which agent to call.' });
    let id = agentId;
    let signature = null;
    if (signedUrl) {
      try {
        const u = new URL(signedUrl);
        id = id || u.searchParams.get('agent_id');
        signature = u.searchParams.get('conversation_signature');
      } catch { return this.set({ phase: 'error', error: 'The signed-url attribute is not a URL.' }); }
    }
    this.agentId = id;
    const q = signature ? `?conversation_signature=${encodeURIComponent(signature)}` : '';
    try {
      const r = await fetch(`${this.server}/v1/convai/agents/${encodeURIComponent(id)}/widget${q}`, { credentials: 'omit' });
      const body = await r.json().catch(() => ({}));
      if (!r.ok) {
        const message = body && body.detail && body.detail.message;
        return this.set({ phase: 'error', error: message || `The agent could not be loaded (HTTP ${r.status}).` });
      }
      this.widget = body.widget_config || {};
    } catch {
      return this.set({ phase: 'error', error: `The agent's server (${this.server}) could not be reached.` });
    }
    const s = settings(this, this.widget);
    let accepted = !s.termsHtml;
    if (s.termsHtml && s.termsKey) {
      try { accepted = localStorage.getItem(s.termsKey) === 'accepted'; } catch { /* storage blocked: ask */ }
    }
    this.set({ phase: 'idle', open: s.expanded, termsAccepted: accepted });
  }

  set(patch) {
    Object.assign(this.state, patch);
    this.render();
  }

  get s() { return settings(this, this.widget || {}); }

  /** Starts a conversation: voice (microphone and speaker) or, with `text`, a text chat that begins with it. */
  async start(mode, text) {
    const s = this.s;
    if (!this.state.termsAccepted) return this.set({ open: true, pendingStart: { mode, text } });
    if (this.conversation || this.state.phase === 'connecting') return;
    const textOnly = mode === 'text' || s.textOnly;
    this.set({ phase: 'connecting', open: true, mode: textOnly ? 'text' : 'voice', error: null, messages: [], feedback: null,
      ended: null, status: s.texts.connecting_status, muted: false });
    const { overrides, dynamicVariables } = sessionOptions(this);
    if (textOnly) overrides.conversation = { textOnly: true };
    const signedUrl = this.getAttribute('signed-url');
    const options = {
      ...(signedUrl ? { signedUrl } : { agentId: this.agentId, origin: this.server.replace(/^http/, 'ws') }),
      connectionType: 'websocket',
      textOnly,
      overrides,
      dynamicVariables,
      libsampleratePath: `${this.server}/convai-widget-libsamplerate.worklet.js`, // never the CDN
      onConnect: ({ conversationId }) => this.set({ phase: 'live', conversationId, status: textOnly ? s.texts.chatting_status : s.texts.listening_status }),
      onDisconnect: (details) => this.disconnected(details),
      onError: (message) => this.set({ error: typeof message === 'string' ? message : s.texts.error_occurred }),
      onMessage: ({ message, source, role }) => this.message(role || (source === 'user' ? 'user' : 'agent'), message),
      onModeChange: ({ mode: m }) => {
        if (this.state.mode === 'voice') this.set({ status: m === 'speaking' ? s.texts.speaking_status : s.texts.listening_status });
      },
    };
    // a chat begun with a message: the agent's first message (if it has one) comes before it, as in the transcript
    const hasFirstMessage = !!(overrides.agent && overrides.agent.firstMessage) || !!(this.widget && this.widget.first_message);
    let greeted;
    const firstReply = new Promise((resolve) => { greeted = resolve; });
    const onMessage = options.onMessage;
    options.onMessage = (m) => { onMessage(m); if (m.role === 'agent' || m.source === 'ai') greeted(); };
    const call = { config: options };
    // ElevenLabs' hook for client tools: listeners may add to event.detail.config (e.g. clientTools)
    this.dispatchEvent(new CustomEvent('elevenlabs-convai:call', { detail: call, bubbles: true, composed: true }));
    try {
      this.conversation = await Conversation.startSession(call.config);
      if (text) {
        if (hasFirstMessage) await Promise.race([firstReply, new Promise((r) => setTimeout(r, 5000))]);
        if (!this.conversation) return;
        this.conversation.sendUserMessage(text);
        this.message('user', text);
      }
    } catch (e) {
      this.conversation = null;
      const reason = e && (e.reason || e.message);
      this.set({ phase: 'idle', error: reason ? String(reason) : s.texts.error_occurred, status: '' });
    }
  }

  disconnected(details) {
    const s = this.s;
    this.conversation = null;
    let error = this.state.error;
    let ended = null;
    if (details && details.reason === 'error') error = details.message || error || s.texts.error_occurred;
    else if (details && details.reason === 'agent') ended = s.texts.agent_ended_conversation;
    else ended = s.texts.user_ended_conversation;
    const hadTalk = this.state.messages.length > 0 && !error;
    this.set({ phase: 'idle', status: '', error, ended: error ? null : ended,
      feedback: hadTalk && s.feedbackMode !== 'none' && this.state.conversationId ? 'ask' : null });
  }

  message(role, text) {
    if (!text) return;
    this.state.messages.push({ role, text });
    this.render();
  }

  async end() {
    const c = this.conversation;
    if (c) {
      this.conversation = null;
      try { await c.endSession(); } catch { /* already closed */ }
    }
  }

  send(text) {
    const t = text.trim();
    if (!t) return;
    if (this.conversation && this.state.phase === 'live') {
      this.conversation.sendUserMessage(t);
      this.message('user', t);
    } else {
      this.start(this.s.supportsTextOnly ? 'text' : 'voice', t);
    }
  }

  toggleMute() {
    const muted = !this.state.muted;
    if (this.conversation) this.conversation.setMicMuted(muted);
    this.set({ muted });
  }

  acceptTerms() {
    const s = this.s;
    if (s.termsKey) try { localStorage.setItem(s.termsKey, 'accepted'); } catch { /* not remembered */ }
    const pending = this.state.pendingStart;
    this.set({ termsAccepted: true, pendingStart: null });
    if (pending) this.start(pending.mode, pending.text);
  }

  async rate(like) {
    const id = this.state.conversationId;
    this.set({ feedback: 'sending' });
    try {
      const r = await fetch(`${this.server}/v1/convai/conversations/${encodeURIComponent(id)}/feedback`, {
        method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ feedback: like ? 'like' : 'dislike' }),
      });
      this.set({ feedback: r.ok ? 'sent' : 'failed' });
    } catch {
      this.set({ feedback: 'failed' });
    }
  }

  render() {
    const s = this.s;
    const st = this.state;
    const c = s.colors;
    const vars = `--bg:${c.bg};--fg:${c.text};--btn:${c.accent || c.btn};--btn-fg:${c.btnText};--border:${c.border};`
      + `--focus:${c.focus};--radius:${s.radius}px;--btn-radius:${s.btnRadius}px`;
    const host = h('div', { class: `widget ${s.variant === 'expanded' ? 'page' : `floating ${s.placement} ${s.variant}`}`, style: vars, part: 'widget' });
    if (st.phase === 'loading') {
      host.append(h('p', { class: 'muted', role: 'status', text: 'Loading…' }));
    } else if (st.phase === 'error' && !this.widget) {
      host.append(h('div', { class: 'panel' }, h('p', { class: 'error', role: 'alert', text: st.error })));
    } else if (!st.open) {
      host.append(launcher(this, s));
    } else {
      host.append(panel(this, s, st));
    }
    // keep what the user is typing (and the focus) across re-renders
    const before = this.root.querySelector('input');
    const typed = before ? before.value : '';
    const focused = before && this.root.activeElement === before;
    this.root.replaceChildren(h('style', { text: css }), host);
    const input = this.root.querySelector('input');
    if (input) {
      if (typed) input.value = typed;
      if ((focused || this.focusInput) && !input.disabled) input.focus();
    }
    this.focusInput = false;
    const log = this.root.querySelector('.log');
    if (log) log.scrollTop = log.scrollHeight;
  }
}
