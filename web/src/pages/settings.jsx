// The Settings page (placeholder until it is built).
export default function Settings() {
  return <section><h1>Settings</h1><p class="muted">Coming soon.</p></section>;
}
