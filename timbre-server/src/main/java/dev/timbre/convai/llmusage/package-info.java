/**
 * {@code /v1/convai/llm-usage/calculate} and {@code /v1/convai/agent/{agent_id}/llm-usage/calculate}: the expected
 * LLM cost per minute of conversation for every LLM the OpenAPI names.
 *
 * <ul>
 *   <li>{@link dev.timbre.convai.llmusage.LlmPrices}: the bundled price table ({@code llm-prices.tsv}: USD per million
 *       input/output tokens, or per minute), sources in its header.</li>
 *   <li>{@link dev.timbre.convai.llmusage.LlmUsage}: the per-minute model (4 LLM calls a minute; prompt at 4
 *       characters a token; 750 tokens a knowledge-base page in the prompt, at most 1,500 retrieved with RAG; 500
 *       tokens of history and 60 out per call).</li>
 *   <li>{@link dev.timbre.convai.llmusage.LlmUsageRoutes}: the public body needs all of prompt_length,
 *       number_of_pages, rag_enabled (422 otherwise); the agent's takes each from the agent when absent (pages from
 *       {@link dev.timbre.convai.knowledgebase.AgentKnowledge}).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe. Estimates only: nothing here meters real usage.
 */
package dev.timbre.convai.llmusage;
