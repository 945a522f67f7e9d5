/**
 * {@code /v1/convai/agents}: agent configurations (create, read, list, update, delete, duplicate, share link) and
 * simulated conversations against them. {@code AgentsService.find} is how the rest of the server reads an agent.
 *
 * <p>Agents:
 * <ul>
 *   <li>{@link dev.timbre.convai.agents.AgentsRoutes}: {@code POST /create}, list ({@code page_size} 1–100, default
 *       30; {@code search}, {@code sort_by} name/created_at, {@code archived}; keyset cursor), get, PATCH, delete,
 *       {@code /duplicate}, {@code /link}. {@link dev.timbre.convai.agents.AgentChecks}: shape checks (422 list), and
 *       the {@code workflow} graph's ({@link dev.timbre.convai.agents.WorkflowChecks}: edges between existing nodes,
 *       one start, all reachable, a way to end, conditions parse); unknown fields are allowed and kept.
 *       {@link dev.timbre.convai.agents.WorkflowView} fills a returned workflow's node defaults.</li>
 *   <li>{@link dev.timbre.convai.agents.AgentsService}: the configuration a client sends is stored verbatim as JSON
 *       (ids {@code agent_…}); PATCH deep-merges ({@link dev.timbre.convai.agents.JsonMerge}: objects merge, arrays
 *       and scalars replace); reads lay it over the documented defaults ({@link dev.timbre.convai.agents.AgentDefaults},
 *       {@code agent-defaults.json}) in {@link dev.timbre.convai.agents.AgentView}, so unknown fields round-trip.</li>
 *   <li>{@link dev.timbre.convai.agents.AgentRepository}: table {@code agents} (V6) with name, tags, archived,
 *       created time and {@code seq} columns for listing; configuration and tags as JSON text.</li>
 * </ul>
 *
 * <p>Simulation ({@code POST …/{agent_id}/simulate-conversation} and {@code …/stream}, a second route group on the
 * same prefix):
 * <ul>
 *   <li>{@link dev.timbre.convai.agents.SimulationRoutes}: the stream is {@code application/x-ndjson}: one
 *       {@code {"simulated_conversation":[…]}} line per finished turn, then {@code {"analysis":{…}}}; a failure after
 *       the first line is one {@code {"detail":{status,message}}} line.
 *       {@link dev.timbre.convai.agents.SimulationChecks}: body → {@link dev.timbre.convai.agents.SimulationRequest},
 *       every problem one 422 entry.</li>
 *   <li>{@link dev.timbre.convai.agents.SimulationService}: the agent's own text-only {@code ConversationSession}
 *       (profile via {@link dev.timbre.convai.agents.SimulatedAgentProfile}) driven by
 *       {@link dev.timbre.convai.agents.SimulationRun} against {@link dev.timbre.convai.agents.SimulatedUser} (the
 *       user's LLM, roles swapped, {@code end_call} to hang up) until end_call, hang-up, the agent's time limit or
 *       {@code new_turns_limit} messages (capped at 200, counted by {@link dev.timbre.convai.agents.UserTurns});
 *       partial history goes into the prompt ({@link dev.timbre.convai.agents.SimulationHistory}); then
 *       {@code postcall.ConversationAnalyser}. {@link dev.timbre.convai.agents.SimulationTools}: webhook and client
 *       tools answer from {@code tool_mock_config} (default {@code "Tool Called."}); system tools run. Nothing is
 *       stored. An LLM failure → 503 {@code llm_error} when retryable, else 502.</li>
 * </ul>
 *
 * <p>Threading: a simulation occupies the request's thread for the whole conversation; the session runs on its own
 * loop thread and only queues events for the driving thread.
 */
package dev.timbre.convai.agents;
