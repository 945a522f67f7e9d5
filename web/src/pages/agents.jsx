// The Agents page: #/agents (list), #/agents/new and #/agents/<id> (builder), #/agents/<id>/call (a live voice call
// in the browser), #/agents/<id>/conversations and #/agents/<id>/conversations/<conversation_id>.
import './agents/agents.css';
import { AgentList } from './agents/list.jsx';
import { AgentBuilder } from './agents/builder.jsx';
import { AgentCall } from './agents/call.jsx';
import { ConversationList, ConversationPage } from './agents/conversations.jsx';

export default function Agents({ rest = [] }) {
  const [id, sub, convId] = rest;
  if (!id) return <AgentList />;
  if (id === 'new') return <AgentBuilder key="new" agentId={null} />;
  if (sub === 'call') return <AgentCall agentId={id} />;
  if (sub === 'conversations' && convId) return <ConversationPage agentId={id} conversationId={convId} />;
  if (sub === 'conversations') return <ConversationList agentId={id} />;
  return <AgentBuilder key={id} agentId={id} />;
}
