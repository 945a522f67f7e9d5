// The Voices page (placeholder until it is built).
export default function Voices() {
  return <section><h1>Voices</h1><p class="muted">Coming soon.</p></section>;
}
