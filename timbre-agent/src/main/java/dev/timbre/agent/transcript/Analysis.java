package dev.timbre.agent.transcript;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The post-call analysis: the seed's {@code ConversationHistoryAnalysisCommonModel}.
 *
 * @param callSuccessful {@code success}, {@code failure} or {@code unknown}
 * @param evaluationCriteriaResults by criterion id
 * @param dataCollectionResults by data collection item id
 */
public record Analysis(Map<String, CriterionResult> evaluationCriteriaResults,
                       Map<String, DataCollectionResult> dataCollectionResults, String callSuccessful,
                       String transcriptSummary, String callSummaryTitle) {
    public Analysis {
        evaluationCriteriaResults = evaluationCriteriaResults == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evaluationCriteriaResults));
        dataCollectionResults = dataCollectionResults == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dataCollectionResults));
        Objects.requireNonNull(callSuccessful, "callSuccessful");
        transcriptSummary = transcriptSummary == null ? "" : transcriptSummary;
    }

    /** {@code ConversationHistoryEvaluationCriteriaResultCommonModel}; {@code result} is success/failure/unknown. */
    public record CriterionResult(String criteriaId, String result, String rationale) {}

    /**
     * {@code DataCollectionResultCommonModel}: {@code value} is a string, number, boolean or null;
     * {@code jsonSchema} the item's schema as JSON-like values (may be null).
     */
    public record DataCollectionResult(String dataCollectionId, Object value, Map<String, Object> jsonSchema, String rationale) {}
}
