package dev.timbre.convai.agenttesting;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.convai.agents.AgentChecks;
import dev.timbre.http.ApiException;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/convai/test-invocations} (get, resubmit: E46, E47) and, as {@link #runTests}, {@code POST
 * /v1/convai/agents/{agent_id}/run-tests} (E45), a second group on {@code /v1/convai/agents}.
 */
public final class TestInvocationsRoutes implements EndpointGroup {
    static final int MAX_TESTS = 100;

    private final TestInvocationsService service;

    TestInvocationsRoutes(TestInvocationsService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        get("/{test_invocation_id}", ctx -> ctx.json(service.get(invocationId(ctx))));
        post("/{test_invocation_id}/resubmit", ctx -> {
            String id = invocationId(ctx);
            ObjectNode body = AgentChecks.body(ctx, false);
            List<String> runIds = AgentTestsService.ids(list(body, "test_run_ids"), null, false, "test_run_ids");
            JsonNode agent = body.get("agent_id");
            if (agent == null || agent.isNull()) throw ApiException.invalid("Field required", "missing", "body", "agent_id");
            if (!agent.isTextual()) throw ApiException.invalid("Input should be a valid string", "string_type", "body", "agent_id");
            service.resubmit(id, runIds, agent.asText(), override(body));
            ctx.json(Map.of());
        });
    }

    /** The {@code run-tests} route, mounted on {@code /v1/convai/agents}. */
    public EndpointGroup runTests() {
        return () -> post("/{agent_id}/run-tests", ctx -> {
            String agentId = Params.id(ctx, "agent_id", "agent_not_found", "Agent");
            ObjectNode body = AgentChecks.body(ctx, false);
            List<String> testIds = AgentTestsService.ids(list(body, "tests"), "test_id", false, "tests");
            ctx.json(service.run(agentId, testIds, override(body)));
        });
    }

    /** A required list of 1 to 100 items. */
    private static JsonNode list(ObjectNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) throw ApiException.invalid("Field required", "missing", "body", field);
        if (!n.isArray()) throw ApiException.invalid("Input should be a valid list", "list_type", "body", field);
        if (n.isEmpty()) throw ApiException.invalid("List should have at least 1 item after validation, not 0", "too_short", "body", field);
        if (n.size() > MAX_TESTS) throw ApiException.invalid("List should have at most 100 items after validation, not " + n.size(), "too_long", "body", field);
        for (int i = 0; i < n.size(); i++) {
            if (field.equals("tests") && !n.get(i).isObject()) throw ApiException.invalid("Input should be a valid dictionary", "dict_type", "body", field, i);
        }
        return n;
    }

    /** {@code agent_config_override}: null, or an object with {@code conversation_config} and {@code platform_settings} objects. */
    private static JsonNode override(ObjectNode body) {
        JsonNode o = body.get("agent_config_override");
        if (o == null || o.isNull()) return null;
        if (!o.isObject()) throw ApiException.invalid("Input should be a valid dictionary", "dict_type", "body", "agent_config_override");
        for (String f : List.of("conversation_config", "platform_settings")) {
            JsonNode x = o.get(f);
            if (x == null || x.isNull()) throw ApiException.invalid("Field required", "missing", "body", "agent_config_override", f);
            if (!x.isObject()) throw ApiException.invalid("Input should be a valid dictionary", "dict_type", "body", "agent_config_override", f);
        }
        return o;
    }

    private static String invocationId(io.javalin.http.Context ctx) {
        return Params.id(ctx, "test_invocation_id", "test_invocation_not_found", "Test invocation");
    }
}
