package dev.timbre.convai.llmusage;

import dev.timbre.http.ApiException;

/**
 * {@code LLMUsageCalculatorPublicRequestModel} (all three required) and {@code LLMUsageCalculatorRequestModel} (each
 * optional, the agent's own value when absent).
 */
record UsageRequest(Long promptLength, Long numberOfPages, Boolean ragEnabled) {

    /** The public body: every field present and counts not negative, else a 422. */
    UsageRequest requireAll() {
        if (promptLength == null) throw missing("prompt_length");
        if (numberOfPages == null) throw missing("number_of_pages");
        if (ragEnabled == null) throw missing("rag_enabled");
        return checked();
    }

    UsageRequest checked() {
        if (promptLength != null && promptLength < 0) throw negative("prompt_length");
        if (numberOfPages != null && numberOfPages < 0) throw negative("number_of_pages");
        return this;
    }

    private static ApiException missing(String field) {
        return ApiException.invalid("Field required", "missing", "body", field);
    }

    private static ApiException negative(String field) {
        return ApiException.invalid("Input should be greater than or equal to 0", "greater_than_equal", "body", field);
    }
}
