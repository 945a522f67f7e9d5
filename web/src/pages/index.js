// The top-level pages, in navigation order. Each module's default export is a component taking { rest } (the
// route's parts after the page id, e.g. ['agent_123'] for #/agents/agent_123). Speech (the first page) is in the
// main bundle; the others load when first opened, so the first page ships only its own code.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import Speech from './speech.jsx';

/** A page whose module loads on first render ("Loading…" until then, the error if it fails to load). */
function lazyPage(load) {
  let Component = null;
  let loading = null;
  return function LazyPage(props) {
    const [, setLoaded] = useState(false);
    const [error, setError] = useState(null);
    useEffect(() => {
      if (Component) return;
      loading ??= load().then((m) => { Component = m.default; });
      loading.then(() => setLoaded(true), (e) => { loading = null; setError(e); });
    }, []);
    if (Component) return h(Component, props);
    if (error) return h('p', { class: 'error', role: 'alert' }, `This page could not be loaded: ${error.message}`);
    return h('p', { class: 'muted', role: 'status' }, 'Loading…');
  };
}

export const PAGES = [
  { id: 'speech', title: 'Speech', component: Speech },
  { id: 'voices', title: 'Voices', component: lazyPage(() => import('./voices.jsx')) },
  { id: 'transcribe', title: 'Transcribe', component: lazyPage(() => import('./transcribe.jsx')) },
  { id: 'history', title: 'History', component: lazyPage(() => import('./history.jsx')) },
  { id: 'agents', title: 'Agents', component: lazyPage(() => import('./agents.jsx')) },
  { id: 'settings', title: 'Settings', component: lazyPage(() => import('./settings.jsx')) },
];
