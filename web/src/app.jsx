// The shell: the key screen until a key works, then the navigation and the current page (hash routes, router.js).
// Pages live in pages/ (one module per top-level page, default export a component taking { rest }).
import { useState } from 'preact/hooks';
import { api, apiKey } from './api.js';
import { useRoute } from './router.js';
import { ErrorNote } from './components/ui.jsx';
import { PAGES } from './pages/index.js';

export function App() {
  const [key, setKey] = useState(apiKey.get());
  if (!key) return <KeyScreen onKey={setKey} />;
  return <Shell onLogout={() => { apiKey.clear(); setKey(null); }} />;
}

function KeyScreen({ onKey }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  async function submit(e) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    apiKey.set(value.trim());
    try {
      await api.get('/v1/user');
      onKey(value.trim());
    } catch (err) {
      apiKey.clear();
      setError(err.status === 401 ? 'That key was not accepted.' : err.message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <main class="key-screen">
      <h1>Timbre</h1>
      <p>Enter an API key to use this server. It is kept in this tab only.</p>
      <form onSubmit={submit}>
        <label for="api-key">API key</label>
        <input id="api-key" type="password" autocomplete="off" required value={value} onInput={(e) => setValue(e.target.value)} />
        <button type="submit" disabled={busy || !value.trim()}>Sign in</button>
      </form>
      <ErrorNote error={error} />
      <p class="muted"><a href="/docs">API reference</a></p>
    </main>
  );
}

function Shell({ onLogout }) {
  const route = useRoute();
  const [menuOpen, setMenuOpen] = useState(false);
  const current = PAGES.find((p) => p.id === route.page) || PAGES[0];
  const Page = current.component;
  return (
    <div class="shell">
      <header class="topbar">
        <a class="brand" href="#/speech">Timbre</a>
        <button class="menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen(!menuOpen)}>Menu</button>
        <nav id="main-nav" class={menuOpen ? 'open' : ''} aria-label="Main">
          {PAGES.map((p) => (
            <a href={`#/${p.id}`} aria-current={p.id === current.id ? 'page' : undefined} onClick={() => setMenuOpen(false)}>{p.title}</a>
          ))}
          <a href="/docs" target="_blank" rel="noopener">API</a>
          <button class="link" onClick={onLogout}>Sign out</button>
        </nav>
      </header>
      <main id="page" class={`page page-${current.id}`}>
        <Page rest={route.rest} />
      </main>
    </div>
  );
}
