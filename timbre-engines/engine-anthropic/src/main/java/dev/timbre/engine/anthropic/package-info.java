/**
 * LLM provider {@code anthropic}: a chat client for Anthropic's Messages API.
 *
 * <p>{@link dev.timbre.engine.anthropic.AnthropicLanguageModel}, built by the server from configuration
 * ({@code convai.llm}):
 * <ul>
 *   <li>request: {@code POST {base}/v1/messages}, {@code x-api-key}, {@code anthropic-version: 2023-06-01},
 *       {@code stream: true}, {@code max_tokens} 1024 unless the request sets it, {@code extraBody} merged in;</li>
 *   <li>mapping: system messages → top-level {@code system}; assistant tool calls → {@code tool_use} blocks; tool
 *       results → {@code tool_result} blocks of a user message; consecutive same-role messages are merged (the API
 *       requires alternation);</li>
 *   <li>SSE events: {@code content_block_delta} ({@code text_delta} → text, {@code input_json_delta} → tool
 *       arguments), {@code content_block_stop} (a finished {@code tool_use} → one tool call), {@code message_delta}
 *       (stop reason, output tokens), {@code message_stop}; an {@code error} event fails the reply;</li>
 *   <li>timeouts: connect 10 s, response headers 60 s by default; failures are {@code EngineException}s (retryable
 *       as in {@code dev.timbre.engine.HttpChatStream}).</li>
 * </ul>
 *
 * <p>Threading: one instance serves all agents; each reply runs on its own daemon thread ({@code anthropic-chat-N}).
 * Nothing is sent anywhere unless this provider is configured.
 */
package dev.timbre.engine.anthropic;
