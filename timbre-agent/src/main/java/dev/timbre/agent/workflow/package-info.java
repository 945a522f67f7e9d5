/**
 * Agent workflows: a graph of nodes the conversation moves through (the agents API's {@code workflow}, the seed's
 * {@code AgentWorkflowRequestModel}). {@link dev.timbre.agent.workflow.Workflow} is the graph,
 * {@link dev.timbre.agent.workflow.WorkflowRun} the cursor one conversation moves; the session
 * ({@code dev.timbre.agent.session.WorkflowStage}) does what entering a node means. No HTTP, no server.
 *
 * <p>Supported:
 * <ul>
 *   <li>Nodes: {@code start} (one; where the conversation begins), {@code override_agent} (a subagent: prompt replaced
 *       and/or {@code additional_prompt} appended, LLM, temperature, max tokens, tools replaced and/or
 *       {@code additional_tool_ids} added, knowledge, TTS voice reported to the listener — always applied to the base
 *       agent), {@code tool} (runs its tools with empty arguments, then leaves by result), {@code standalone_agent}
 *       (transfers to the agent, as {@code transfer_to_agent}; the target's own workflow then runs),
 *       {@code phone_number} (transfers the call as {@code transfer_to_number} does, through the same path; success ends
 *       the call, a refusal is recorded as an error; outside phone calls it is recorded as an error) and
 *       {@code end} (ends the call).</li>
 *   <li>Edges: forward and backward conditions {@code unconditional}, {@code expression} (AST over the dynamic
 *       variables: literals, {@code dynamic_variable}, and/or, eq/neq/gt/lt/gte/lte; an {@code llm} AST node is
 *       false), {@code result} (success/failure of a tool node) and {@code llm}.</li>
 *   <li>LLM conditions: the current node's LLM edges are offered to the LLM as system tools (one per edge, the
 *       condition as description); calling one moves the conversation, and the LLM continues in the new node.</li>
 *   <li>The non-LLM edges are evaluated ({@link dev.timbre.agent.workflow.WorkflowRun#automatic}) at the start
 *       node when the conversation begins, after each finished agent turn, and after a tool node ran; entering a
 *       subagent stops there until its first turn. At most
 *       {@code WorkflowStage.MAX_MOVES_PER_TURN} moves between two user messages (loops stop there).</li>
 *   <li>Every move is in the transcript as a {@code workflow} tool call and result whose {@code result.steps} holds
 *       the {@code edge} steps (edge id, target node id).</li>
 * </ul>
 * Not supported: {@code edge_order} (edges are tried in map order), {@code prevent_subagent_loops}, the node's
 * ASR/TTS/turn/VAD overrides other than the voice id.
 */
package dev.timbre.agent.workflow;
