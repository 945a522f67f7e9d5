// The Transcribe page (placeholder until it is built).
export default function Transcribe() {
  return <section><h1>Transcribe</h1><p class="muted">Coming soon.</p></section>;
}
