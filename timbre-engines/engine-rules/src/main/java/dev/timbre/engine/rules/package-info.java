/**
 * The built-in offline chat "model" (LLM provider {@code rules}), <strong>not an AI</strong>: deterministic scripted
 * replies so an agent runs end to end with no model and no network. The default until a real LLM is configured.
 *
 * <p>{@link dev.timbre.engine.rules.RuleLanguageModel} answers the last message of the request, first match wins:
 * <ol>
 *   <li>no user message yet → empty reply (the agent's {@code first_message} greets);</li>
 *   <li>a tool result → {@code "Here is what I found: <result>"};</li>
 *   <li>system-prompt rules, one per line: {@code When the user says X, reply Y} and
 *       {@code If the user asks about X, call tool T} (X as whole words, case and punctuation ignored);</li>
 *   <li>goodbye/bye/see you/farewell → {@code "Goodbye!"} plus {@code end_call} when offered;</li>
 *   <li>keyword tool calls: a non-system tool whose name (or description) words appear in the message;</li>
 *   <li>otherwise a polite echo, {@code You said <text>. How can I help?}.</li>
 * </ol>
 *
 * <p>Replies stream word by word on a daemon thread per reply ({@code rules-chat-N}, a
 * {@code dev.timbre.engine.ThreadedChatStream}) with an optional delay per word; tool arguments are {@code {}} plus
 * a {@code reason} when the schema has one; no token usage is reported. Thread-safe, stateless between requests.
 */
package dev.timbre.engine.rules;
