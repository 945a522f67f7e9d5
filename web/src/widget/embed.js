// The embeddable <elevenlabs-convai agent-id="…"> element (placeholder until the widget is built).
if (!customElements.get('elevenlabs-convai')) {
  customElements.define('elevenlabs-convai', class extends HTMLElement {
    connectedCallback() { this.textContent = 'Timbre agent widget'; }
  });
}
