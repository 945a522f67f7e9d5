// The Voices page's screens, loaded on first visit (a chunk of its own, not in the app's main bundle).
import './voices.css';
export { Library } from './library.jsx';
export { VoiceDetail } from './detail.jsx';
export { Clone } from './clone.jsx';
export { Design } from './design.jsx';
export { Pvc } from './pvc.jsx';
export { Dictionaries } from './dictionaries.jsx';
