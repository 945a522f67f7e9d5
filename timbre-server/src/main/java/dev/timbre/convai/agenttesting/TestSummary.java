package dev.timbre.convai.agenttesting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** {@code UnitTestSummaryResponseModel}: {@code type} is {@code llm} or {@code tool} (the SDKs read it). */
public record TestSummary(String id, String name, String type, JsonNode accessInfo, long createdAtUnixSecs, long lastUpdatedAtUnixSecs) {

    /** {@code GetTestsPageResponseModel}. */
    public record Page(List<TestSummary> tests, String nextCursor, boolean hasMore) {}

    /** {@code GetTestsSummariesByIdsResponseModel}: by test id. */
    public record ByIds(Map<String, TestSummary> tests) {}
}
