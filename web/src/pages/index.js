// The top-level pages, in navigation order. Each module's default export is a component taking { rest } (the
// route's parts after the page id, e.g. ['agent_123'] for #/agents/agent_123).
import Speech from './speech.jsx';
import Voices from './voices.jsx';
import Transcribe from './transcribe.jsx';
import History from './history.jsx';
import Agents from './agents.jsx';
import Settings from './settings.jsx';

export const PAGES = [
  { id: 'speech', title: 'Speech', component: Speech },
  { id: 'voices', title: 'Voices', component: Voices },
  { id: 'transcribe', title: 'Transcribe', component: Transcribe },
  { id: 'history', title: 'History', component: History },
  { id: 'agents', title: 'Agents', component: Agents },
  { id: 'settings', title: 'Settings', component: Settings },
];
