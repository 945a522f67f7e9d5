// The Agents page (placeholder until it is built).
export default function Agents() {
  return <section><h1>Agents</h1><p class="muted">Coming soon.</p></section>;
}
