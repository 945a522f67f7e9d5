package dev.timbre.convai.postcall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.Analysis;
import dev.timbre.agent.transcript.Analysis.CriterionResult;
import dev.timbre.agent.transcript.Analysis.DataCollectionResult;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.LanguageModel;
import dev.timbre.engine.rules.RuleLanguageModel;
import dev.timbre.http.Json;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The post-call analysis of one conversation. Up to three questions to the agent's language model (JSON answers, read
 * leniently): the evaluation criteria, the data collection items, and a summary + title + verdict. A concern whose
 * answer fails or is junk falls back on its own; with the built-in rule model (not an AI) or an empty transcript no
 * question is asked: criteria are {@code unknown}, data values null, the summary extractive ({@link ExtractiveSummary}).
 * {@code call_successful}: failure if any criterion failed, success if all succeeded, the model's verdict when there are
 * no criteria, else unknown. Thread-safe; blocks the caller for the model's answers.
 */
public final class ConversationAnalyser {
    private static final Logger log = LoggerFactory.getLogger(ConversationAnalyser.class);
    private static final Set<String> RESULTS = Set.of("success", "failure", "unknown");
    /** Transcript characters sent per question. */
    static final int MAX_TRANSCRIPT_CHARS = 24_000;

    private final Duration timeout;

    /** @param timeout how long one question to the model may take */
    public ConversationAnalyser(Duration timeout) {
        this.timeout = timeout;
    }

    public Analysis analyse(List<TranscriptEntry> transcript, AnalysisSettings settings, LanguageModel model) {
        String noModel = model == null || RuleLanguageModel.PROVIDER.equals(model.info().provider())
                ? "the agent uses the built-in rule model, which is not an AI"
                : transcript.isEmpty() ? "the conversation has no messages" : null;
        String text = TranscriptText.render(transcript, MAX_TRANSCRIPT_CHARS);

        Optional<ObjectNode> criteriaReply = settings.criteria().isEmpty() || noModel != null ? Optional.empty()
                : ask(model, AnalysisPrompts.CRITERIA, AnalysisPrompts.criteria(settings, text), "evaluation criteria");
        Map<String, CriterionResult> criteria = new LinkedHashMap<>();
        for (AnalysisSettings.Criterion c : settings.criteria()) {
            criteria.put(c.id(), criteriaReply.map(r -> criterion(r, c.id())).orElseGet(() -> new CriterionResult(c.id(), "unknown",
                    "No language model could evaluate this criterion: " + (noModel != null ? noModel : "the model's answer was unusable") + ".")));
        }

        Optional<ObjectNode> dataReply = settings.dataCollection().isEmpty() || noModel != null ? Optional.empty()
                : ask(model, AnalysisPrompts.DATA, AnalysisPrompts.data(settings, text), "data collection");
        Map<String, DataCollectionResult> data = new LinkedHashMap<>();
        for (AnalysisSettings.DataItem item : settings.dataCollection().values()) {
            data.put(item.id(), dataReply.map(r -> dataValue(r, item)).orElseGet(() -> new DataCollectionResult(item.id(), null, schema(item),
                    "No language model could extract this value: " + (noModel != null ? noModel : "the model's answer was unusable") + ".")));
        }

        Optional<ObjectNode> summaryReply = noModel != null ? Optional.empty()
                : ask(model, AnalysisPrompts.SUMMARY, AnalysisPrompts.summary(settings, text), "summary");
        String summary = summaryReply.map(r -> r.path("summary")).filter(JsonNode::isTextual).map(JsonNode::asText)
                .filter(s -> !s.isBlank()).orElseGet(() -> ExtractiveSummary.summary(transcript));
        String title = summaryReply.map(r -> r.path("title")).filter(JsonNode::isTextual).map(n -> n.asText().strip())
                .filter(s -> !s.isBlank() && s.length() <= 120).orElseGet(() -> ExtractiveSummary.title(transcript));
        String verdict = summaryReply.map(r -> r.path("call_successful").asText("").toLowerCase(java.util.Locale.ROOT))
                .filter(RESULTS::contains).orElse("unknown");
        return new Analysis(criteria, data, callSuccessful(criteria, verdict), summary, title);
    }

    static String callSuccessful(Map<String, CriterionResult> criteria, String modelVerdict) {
        if (criteria.isEmpty()) return modelVerdict;
        if (criteria.values().stream().anyMatch(c -> c.result().equals("failure"))) return "failure";
        if (criteria.values().stream().allMatch(c -> c.result().equals("success"))) return "success";
        return "unknown";
    }

    private Optional<ObjectNode> ask(LanguageModel model, String system, String user, String concern) {
        try {
            Optional<ObjectNode> o = LenientJson.object(ModelQuery.ask(model, system, user, timeout));
            if (o.isEmpty()) log.info("the language model's {} answer held no JSON object; using the fallback", concern);
            return o;
        } catch (EngineException e) {
            log.warn("the language model failed on the {} question: {}", concern, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            log.warn("the language model failed on the {} question", concern, e);
            return Optional.empty();
        }
    }

    private static CriterionResult criterion(ObjectNode reply, String id) {
        JsonNode r = entry(reply, "results", id, "criteria_id");
        String result = r.path("result").asText("").strip().toLowerCase(java.util.Locale.ROOT);
        String rationale = r.path("rationale").asText("").strip();
        if (!RESULTS.contains(result)) {
            return new CriterionResult(id, "unknown", "The language model gave no valid result for this criterion.");
        }
        return new CriterionResult(id, result, rationale.isEmpty() ? "No rationale given." : rationale);
    }

    private static DataCollectionResult dataValue(ObjectNode reply, AnalysisSettings.DataItem item) {
        JsonNode r = entry(reply, "values", item.id(), "data_collection_id");
        String rationale = r.path("rationale").asText("").strip();
        Optional<DataValues.Typed> v = DataValues.typed(r.isObject() ? r.get("value") : null, item.type());
        if (v.isEmpty()) {
            return new DataCollectionResult(item.id(), null, schema(item),
                    "The language model's value was not a valid " + item.type() + ": " + r.path("value").toString());
        }
        return new DataCollectionResult(item.id(), v.get().value(), schema(item),
                rationale.isEmpty() ? (v.get().value() == null ? "Not found in the conversation." : "No rationale given.") : rationale);
    }

    /** The entry for {@code id}: {@code {wrapper: {id: {...}}}}, {@code {id: {...}}} or {@code {wrapper: [{idField: id, ...}]}}. */
    private static JsonNode entry(ObjectNode reply, String wrapper, String id, String idField) {
        JsonNode w = reply.has(wrapper) ? reply.get(wrapper) : reply;
        if (w.isArray()) {
            for (JsonNode e : w) if (id.equals(e.path(idField).asText(null)) || id.equals(e.path("id").asText(null))) return e;
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        return w.path(id);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(AnalysisSettings.DataItem item) {
        return Json.MAPPER.convertValue(item.schema(), Map.class);
    }
}
