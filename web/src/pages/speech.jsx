// The Speech page (placeholder until it is built).
export default function Speech() {
  return <section><h1>Speech</h1><p class="muted">Coming soon.</p></section>;
}
