// The embeddable <elevenlabs-convai agent-id="…"> element: one script tag on any site,
//   <elevenlabs-convai agent-id="…"></elevenlabs-convai><script src="https://timbre.host/convai-widget-embed.js" async></script>
// The server is the script's own origin (read here, while the script runs), or the element's server-url attribute.
import { ConvaiWidget } from './element.js';

const script = document.currentScript;
let scriptOrigin = location.origin;
try {
  if (script && script.src) scriptOrigin = new URL(script.src, location.href).origin;
} catch { /* keep the page's origin */ }
ConvaiWidget.defaultServer = scriptOrigin;

if (!customElements.get('elevenlabs-convai')) customElements.define('elevenlabs-convai', ConvaiWidget);
