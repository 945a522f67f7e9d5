/**
 * What an agent's tools are, as the agent runtime sees them, and the one SPI the server implements to run webhook
 * tools. No HTTP here.
 *
 * <ul>
 *   <li>{@link dev.timbre.agent.tools.AgentTool}: a tool offered to the LLM: its {@code ToolSpec}, {@link
 *       dev.timbre.agent.tools.ToolKind}, the system type ({@code end_call}, {@code language_detection},
 *       {@code transfer_to_agent}, {@code skip_turn}, {@code transfer_to_number}, {@code play_keypad_touch_tone},
 *       {@code voicemail_detection}), whether a client tool expects a result, a response timeout (default 20 s;
 *       past it the result is a timeout error), system {@code params}, and the server's opaque {@code config}.</li>
 *   <li>{@link dev.timbre.agent.tools.ToolKind}: SYSTEM (built into the runtime), CLIENT ({@code client_tool_call}
 *       out, {@code client_tool_result} back), WEBHOOK and MCP (run by the server); {@code wireName()} is the
 *       {@code tool_type} of socket events and the transcript.</li>
 *   <li>{@link dev.timbre.agent.tools.ToolRunner}: runs webhook tools; implemented by the server (live
 *       conversations, and mocks for simulated ones); {@code NONE} answers every call with an error.
 *       Blocking and thread-safe; the session calls it off its event loop. Should not throw: a failure is an
 *       {@code isError} result (a throw is taken as one). Arguments arrive with dynamic variables substituted.</li>
 *   <li>{@link dev.timbre.agent.tools.JsonText}: tool arguments as plain Java values (insertion-ordered Map, List,
 *       String, Number, Boolean, null); the runtime's only use of Jackson. Stateless, thread-safe.</li>
 * </ul>
 */
package dev.timbre.agent.tools;
