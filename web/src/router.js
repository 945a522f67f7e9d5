// Hash routes: #/speech, #/agents/agent_123/conversations … → { page: 'agents', rest: ['agent_123', 'conversations'] }.
// useRoute() re-renders on hashchange; navigate() sets the hash.
import { useEffect, useState } from 'preact/hooks';

export function parseRoute(hash = location.hash) {
  const parts = hash.replace(/^#\/?/, '').split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
  return { page: parts[0] || 'speech', rest: parts.slice(1) };
}

export function useRoute() {
  const [route, setRoute] = useState(parseRoute());
  useEffect(() => {
    const on = () => setRoute(parseRoute());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function navigate(...parts) {
  location.hash = '#/' + parts.map(encodeURIComponent).join('/');
}
