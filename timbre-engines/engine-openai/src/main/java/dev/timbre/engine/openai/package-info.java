/**
 * LLM provider {@code openai}: a chat client for any server that speaks OpenAI's streamed
 * {@code POST /v1/chat/completions} (OpenAI, Groq, vLLM, Ollama, LocalAI, an agent's {@code custom_llm}…).
 *
 * <p>{@link dev.timbre.engine.openai.OpenAiChatLanguageModel}, built by the server from configuration
 * ({@code convai.llm}):
 * <ul>
 *   <li>endpoint: the configured base with {@code /chat/completions} under {@code /v1} ({@code
 *       dev.timbre.engine.ServiceEndpoint}); {@code Authorization: Bearer} when a key is set, extra headers, the
 *       request's {@code extraBody} merged into the JSON body, {@code stream: true};</li>
 *   <li>reads SSE {@code data:} chunks to {@code [DONE]}: {@code delta.content} → text deltas; {@code
 *       delta.tool_calls} fragments assembled by {@code index} and reported as whole calls at the end; {@code usage}
 *       when sent; an {@code {"error":…}} data line fails the reply;</li>
 *   <li>timeouts: connect 10 s, response headers 60 s by default (configurable); HTTP/1.1;</li>
 *   <li>errors: {@code EngineException}, retryable for unreachable server, timeout, 408/429/5xx and a broken stream.</li>
 * </ul>
 *
 * <p>Threading: one instance serves all agents; each reply runs on its own daemon thread ({@code openai-chat-N});
 * closing the stream closes the body and ends the read. Jackson is used inside only. Nothing is sent anywhere unless
 * this provider is configured.
 */
package dev.timbre.engine.openai;
