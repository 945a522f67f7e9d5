// The History page (placeholder until it is built).
export default function History() {
  return <section><h1>History</h1><p class="muted">Coming soon.</p></section>;
}
