// The widget's markup: the launcher (collapsed) and the panel (terms, transcript, feedback, controls, text input),
// built as plain DOM for the element's shadow root. `w` is the element (its actions and ids), `s` its settings
// (config.js), `st` its state.

export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function avatar(s) {
  const a = s.avatar;
  if ((a.type === 'image' && a.url) || (a.type === 'url' && a.custom_url)) {
    return h('img', { class: 'avatar', src: a.type === 'image' ? a.url : a.custom_url, alt: '' });
  }
  return h('span', { class: 'avatar orb', style: `--c1:${a.color_1 || '#2792dc'};--c2:${a.color_2 || '#9ce6e6'}`, 'aria-hidden': 'true' });
}

export function launcher(w, s) {
  return h('div', { class: 'launcher' }, avatar(s), h('span', { class: 'label', text: s.texts.main_label }),
    h('button', { type: 'button', class: 'primary', onClick: () => { w.set({ open: true }); if (!s.textOnly) w.start('voice'); } },
      s.textOnly ? s.texts.start_chat : s.texts.start_call),
    s.textInput && !s.textOnly ? h('button', { type: 'button', class: 'secondary', 'aria-label': s.texts.start_chat,
      onClick: () => { w.focusInput = true; w.set({ open: true }); } }, s.texts.start_chat) : null);
}

export function panel(w, s, st) {
  const live = st.phase === 'live' || st.phase === 'connecting';
  const header = h('div', { class: 'header' }, avatar(s),
    h('div', { class: 'title' }, h('strong', { text: s.texts.main_label }),
      h('span', { class: 'status', role: 'status', 'aria-live': 'polite', text: st.status || '' })),
    s.alwaysExpanded ? null : h('button', { type: 'button', class: 'icon', 'aria-label': s.texts.collapse,
      onClick: () => w.set({ open: false }) }, '×'));
  const parts = [header];
  if (!st.termsAccepted) {
    const terms = h('div', { class: 'terms', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': `${w.uid}-terms` });
    const body = h('div', { id: `${w.uid}-terms`, class: 'terms-text' });
    body.innerHTML = s.termsHtml; // made by the server from the agent's terms_text: escaped, a small Markdown subset
    terms.append(body, h('div', { class: 'row' },
      h('button', { type: 'button', class: 'primary', onClick: () => w.acceptTerms() }, s.texts.accept_terms),
      h('button', { type: 'button', class: 'secondary', onClick: () => w.set({ pendingStart: null, open: s.alwaysExpanded }) },
        s.texts.dismiss_terms)));
    parts.push(terms);
    return h('div', { class: 'panel', role: 'region', 'aria-label': s.texts.main_label }, parts);
  }
  if (st.error) parts.push(h('p', { class: 'error', role: 'alert', text: st.error }));
  const log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation' },
    st.messages.map((m) => h('p', { class: `msg ${m.role === 'user' ? 'user' : 'agent'}`, text: m.text })));
  parts.push(log);
  if (st.ended) parts.push(h('p', { class: 'muted ended', text: st.ended }));
  if (st.feedback === 'ask' || st.feedback === 'sending') {
    parts.push(h('div', { class: 'feedback', role: 'group', 'aria-label': s.texts.feedback_question },
      h('span', { text: s.texts.feedback_question }),
      h('button', { type: 'button', class: 'secondary', 'aria-label': s.texts.like, disabled: st.feedback === 'sending',
        onClick: () => w.rate(true) }, '👍'),
      h('button', { type: 'button', class: 'secondary', 'aria-label': s.texts.dislike, disabled: st.feedback === 'sending',
        onClick: () => w.rate(false) }, '👎')));
  } else if (st.feedback === 'sent') {
    parts.push(h('p', { class: 'muted', role: 'status', text: s.texts.feedback_thanks }));
  } else if (st.feedback === 'failed') {
    parts.push(h('p', { class: 'error', role: 'alert', text: s.texts.error_occurred }));
  }
  if (st.phase === 'live' && st.mode === 'voice' && s.feedbackMode === 'during') {
    parts.push(h('div', { class: 'row' },
      h('button', { type: 'button', class: 'secondary', 'aria-label': s.texts.like, onClick: () => w.conversation?.sendFeedback(true) }, '👍'),
      h('button', { type: 'button', class: 'secondary', 'aria-label': s.texts.dislike, onClick: () => w.conversation?.sendFeedback(false) }, '👎')));
  }
  const controls = h('div', { class: 'row controls' });
  if (live) {
    if (st.mode === 'voice' && s.micMuting) {
      controls.append(h('button', { type: 'button', class: 'secondary', 'aria-pressed': st.muted ? 'true' : 'false',
        onClick: () => w.toggleMute() }, st.muted ? s.texts.unmute_microphone : s.texts.mute_microphone));
    }
    controls.append(h('button', { type: 'button', class: 'danger', onClick: () => w.end() }, s.texts.end_call));
  } else if (!s.textOnly) {
    controls.append(h('button', { type: 'button', class: 'primary', onClick: () => w.start('voice') },
      st.ended ? s.texts.new_call : s.texts.start_call));
  }
  if (controls.childElementCount) parts.push(controls);
  if (s.textInput) {
    const inputId = `${w.uid}-input`;
    const placeholder = st.phase === 'live' ? s.texts.input_placeholder
      : s.textOnly ? s.texts.input_placeholder_text_only : s.texts.input_placeholder_new_conversation;
    const input = h('input', { id: inputId, type: 'text', autocomplete: 'off', maxlength: '2000', placeholder,
      disabled: st.phase === 'connecting' });
    parts.push(h('form', { class: 'input', onSubmit: (e) => { e.preventDefault(); const v = input.value; input.value = ''; w.focusInput = true; w.send(v); } },
      h('label', { for: inputId, class: 'visually-hidden', text: s.texts.input_label }), input,
      h('button', { type: 'submit', class: 'primary', disabled: st.phase === 'connecting' }, s.texts.send)));
  }
  if (!s.disableBanner) parts.push(h('p', { class: 'banner', text: 'Powered by Timbre' }));
  return h('div', { class: 'panel', role: 'region', 'aria-label': s.texts.main_label }, parts);
}
