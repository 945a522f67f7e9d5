package dev.timbre.convai.llmusage;

import java.util.List;

/**
 * Expected LLM cost per minute of conversation, per model. The model of a minute:
 * <ul>
 *   <li>{@link #CALLS_PER_MINUTE} LLM requests (a reply about every 15 s);</li>
 *   <li>each sends the system prompt ({@code prompt_length / 4} tokens), the knowledge base and
 *       {@link #HISTORY_TOKENS} of conversation, and gets {@link #OUTPUT_TOKENS} back;</li>
 *   <li>the knowledge base is {@link #PAGE_TOKENS} per page in the prompt without RAG; with RAG only the retrieved
 *       chunks, at most {@link #RAG_TOKENS}.</li>
 * </ul>
 * A per-minute priced model costs its price whatever the input. Prices are rounded to 1e-6 USD. Stateless.
 */
public final class LlmUsage {
    static final int CHARS_PER_TOKEN = 4;
    static final int CALLS_PER_MINUTE = 4;
    static final int HISTORY_TOKENS = 500;
    static final int OUTPUT_TOKENS = 60;
    /** A page (3,000 bytes of text, as the knowledge base counts them) in tokens. */
    static final int PAGE_TOKENS = 750;
    static final int RAG_TOKENS = 1_500;

    private final LlmPrices prices;

    public LlmUsage(LlmPrices prices) {
        this.prices = prices;
    }

    /** {@code LLMUsageCalculatorResponseModel}. */
    public record Response(List<LlmPrice> llmPrices) {}

    /**
     * {@code LLMUsageCalculatorLLMResponseModel}; {@code price_per_message} (one LLM call: a minute's price over
     * {@link #CALLS_PER_MINUTE}) is not in this OpenAPI, but the current SDKs require it.
     */
    public record LlmPrice(String llm, double pricePerMinute, double pricePerMessage) {}

    public Response calculate(long promptLength, long numberOfPages, boolean ragEnabled) {
        double knowledge = ragEnabled ? Math.min((double) numberOfPages * PAGE_TOKENS, RAG_TOKENS) : (double) numberOfPages * PAGE_TOKENS;
        double input = (double) promptLength / CHARS_PER_TOKEN + knowledge + HISTORY_TOKENS;
        return new Response(prices.all().stream().map(p -> {
            double perMinute = p.perMinute() != null ? p.perMinute()
                    : CALLS_PER_MINUTE * (input * p.inputPerMillion() + OUTPUT_TOKENS * p.outputPerMillion()) / 1e6;
            return new LlmPrice(p.llm(), round(perMinute), round(perMinute / CALLS_PER_MINUTE));
        }).toList());
    }

    private static double round(double usd) {
        return Math.round(usd * 1e6) / 1e6;
    }
}
