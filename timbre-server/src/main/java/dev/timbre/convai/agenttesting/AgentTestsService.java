package dev.timbre.convai.agenttesting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.common.Ids;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Agent tests (E39–E44): create, read, update, delete, list (newest first, name search, cursor paging) and summaries by
 * id. Deleting a test leaves the runs that used it (they keep its id) and any agent's {@code platform_settings.testing}
 * entry as they are, as the OpenAPI says nothing more. Thread-safe.
 */
public final class AgentTestsService {
    public static final int MAX_PAGE_SIZE = 100;

    private final AgentTestRepository repository;
    private final Clock clock;

    AgentTestsService(AgentTestRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** {@code CreateUnitTestResponseModel}. */
    public record Created(String id) {}

    public Created create(ObjectNode body) {
        ObjectNode definition = UnitTestChecks.definition(body);
        long now = clock.instant().getEpochSecond();
        String id = Ids.random();
        repository.insert(new StoredTest(id, definition.get("name").asText(), definition, now, now));
        return new Created(id);
    }

    /** {@code GetUnitTestResponseModel} (with the SDKs' {@code type}); 404 {@code test_not_found}. */
    public ObjectNode get(String testId) {
        return view(stored(testId));
    }

    public ObjectNode update(String testId, ObjectNode body) {
        stored(testId);
        ObjectNode definition = UnitTestChecks.definition(body);
        if (!repository.update(testId, definition.get("name").asText(), definition, clock.instant().getEpochSecond())) throw notFound(testId);
        return get(testId);
    }

    public void delete(String testId) {
        if (!repository.delete(testId)) throw notFound(testId);
    }

    Optional<StoredTest> find(String testId) {
        return repository.find(testId);
    }

    public TestSummary.Page list(String cursor, int pageSize, String search) {
        Long before = null;
        if (cursor != null) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw ApiException.invalid("Invalid cursor", "value_error", "query", "cursor");
            }
        }
        List<AgentTestRepository.Row> rows = repository.page(before, search == null || search.isBlank() ? null : search.strip(), pageSize + 1);
        boolean more = rows.size() > pageSize;
        List<AgentTestRepository.Row> page = more ? rows.subList(0, pageSize) : rows;
        return new TestSummary.Page(page.stream().map(r -> summary(r.test())).toList(),
                more ? Long.toString(page.get(page.size() - 1).seq()) : null, more);
    }

    /** Summaries of {@code testIds}, in their order; 404 for the first unknown id. */
    public TestSummary.ByIds summaries(List<String> testIds) {
        Map<String, TestSummary> out = new LinkedHashMap<>();
        for (String id : testIds) out.put(id, summary(stored(id)));
        return new TestSummary.ByIds(out);
    }

    static TestSummary summary(StoredTest t) {
        return new TestSummary(t.testId(), t.name(), t.definition().path("type").asText("llm"), null, t.createdAtUnix(), t.updatedAtUnix());
    }

    private static ObjectNode view(StoredTest t) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("id", t.testId());
        t.definition().fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
        return out;
    }

    private StoredTest stored(String testId) {
        return repository.find(testId).orElseThrow(() -> notFound(testId));
    }

    static ApiException notFound(String testId) {
        return ApiException.notFound("test_not_found", "Test with id '" + testId + "' not found");
    }

    /** The {@code {"test_id"}} objects of a list body, checked (strings, no duplicates when {@code unique}). */
    static List<String> ids(JsonNode list, String field, boolean unique, Object... loc) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = field == null ? list.get(i) : list.get(i).path(field);
            Object[] where = field == null ? append(loc, i) : append(append(loc, i), field);
            if (!n.isTextual()) throw ApiException.validation(List.of(UnitTestChecks.at("Input should be a valid string", "string_type", where)));
            if (unique && out.contains(n.asText())) {
                throw ApiException.validation(List.of(UnitTestChecks.at("Duplicate test id '" + n.asText() + "'", "value_error", where)));
            }
            out.add(n.asText());
        }
        return out;
    }

    private static Object[] append(Object[] a, Object last) {
        Object[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = last;
        return out;
    }
}
