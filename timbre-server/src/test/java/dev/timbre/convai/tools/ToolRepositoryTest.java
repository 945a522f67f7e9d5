package dev.timbre.convai.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.db.Database;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.testing.TestDatabases;
import dev.timbre.convai.agents.AgentRepository;
import dev.timbre.convai.agents.AgentsService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ToolRepositoryTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void stores_lists_replaces_and_deletes_tools(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ToolsService tools = new ToolsService(new ToolRepository(db.jdbi()), "Timbre", Clock.systemUTC());
            ObjectNode config = Json.MAPPER.createObjectNode().put("name", "n1").put("description", "d").put("unknown_field", "kept");
            config.putObject("api_schema").put("url", "https://x/y").putObject("request_headers").putObject("A").put("secret_id", "s");
            ToolResponse a = tools.create(config);
            ToolResponse b = tools.create(Json.MAPPER.createObjectNode().put("name", "n2").put("description", "d2"));

            assertThat(tools.get(a.id()).toolConfig().get("unknown_field").asText()).isEqualTo("kept");
            assertThat(tools.get(a.id()).toolConfig().at("/api_schema/request_headers/A/secret_id").asText()).isEqualTo("s");
            assertThat(tools.get(a.id()).toolConfig().get("type").asText()).isEqualTo("webhook");
            assertThat(tools.list().tools()).extracting(ToolResponse::id).containsExactly(a.id(), b.id());

            tools.update(a.id(), Json.MAPPER.createObjectNode().put("name", "renamed").put("description", "x"));
            StoredTool stored = tools.find(a.id()).orElseThrow();
            assertThat(stored.name()).isEqualTo("renamed");
            assertThat(stored.type()).isEqualTo("client");

            tools.delete(a.id());
            assertThat(tools.find(a.id())).isEmpty();
            assertThatThrownBy(() -> tools.get(a.id())).isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(404));
            assertThat(tools.list().tools()).extracting(ToolResponse::id).containsExactly(b.id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void calls_made_by_conversations_are_counted_in_the_usage_stats(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ToolsService tools = new ToolsService(new ToolRepository(db.jdbi()), "Timbre", Clock.systemUTC());
            ToolResponse t = tools.create(Json.MAPPER.createObjectNode().put("name", "w").put("description", "d")
                    .set("api_schema", Json.MAPPER.createObjectNode().put("url", "https://x/y")));
            assertThat(tools.get(t.id()).usageStats()).isEqualTo(new ToolResponse.UsageStats(0, 0.0));

            tools.recordCall(t.id(), 0.2);
            tools.recordCall(t.id(), 0.4);
            tools.recordCall("tool_gone", 1.0);

            ToolResponse.UsageStats stats = tools.get(t.id()).usageStats();
            assertThat(stats.totalCalls()).isEqualTo(2);
            assertThat(stats.avgLatencySecs()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(tools.list().tools().get(0).usageStats().totalCalls()).isEqualTo(2);
            ToolResponse updated = tools.update(t.id(), Json.MAPPER.createObjectNode().put("name", "w2").put("description", "d")
                    .set("api_schema", Json.MAPPER.createObjectNode().put("url", "https://x/z")));
            assertThat(updated.usageStats()).as("a new config keeps the tool's calls").isEqualTo(stats);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void dependent_agents_are_those_whose_prompt_names_the_tool_paged_in_creation_order(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ToolsService tools = new ToolsService(new ToolRepository(db.jdbi()), "Timbre", Clock.systemUTC());
            AgentsService agents = new AgentsService(new AgentRepository(db.jdbi()), Clock.systemUTC());
            String tool = tools.create(Json.MAPPER.createObjectNode().put("name", "t").put("description", "d")).id();
            String other = tools.create(Json.MAPPER.createObjectNode().put("name", "o").put("description", "d")).id();
            List<String> users = new ArrayList<>();
            for (int i = 0; i < 3; i++) users.add(agents.create(agentUsing("uses " + i, other, tool)));
            agents.create(agentUsing("other tool only", other));
            // the id elsewhere in the config is not a reference
            ObjectNode elsewhere = agentUsing("mentions it");
            elsewhere.put("description", "\"" + tool + "\"");
            agents.create(elsewhere);

            DependentAgentsPage first = tools.dependentAgents(tool, null, 2);
            assertThat(first.agents()).extracting(a -> a.get("id").asText()).containsExactly(users.get(0), users.get(1));
            assertThat(first.agents().get(0).get("name").asText()).isEqualTo("uses 0");
            assertThat(first.hasMore()).isTrue();
            DependentAgentsPage second = tools.dependentAgents(tool, first.nextCursor(), 2);
            assertThat(second.agents()).extracting(a -> a.get("id").asText()).containsExactly(users.get(2));
            assertThat(second.hasMore()).isFalse();
            assertThat(second.nextCursor()).isNull();
            assertThat(tools.dependentAgents(other, null, 10).agents()).hasSize(4);
        }
    }

    static ObjectNode agentUsing(String name, String... toolIds) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("name", name);
        var ids = body.putObject("conversation_config").putObject("agent").putObject("prompt").putArray("tool_ids");
        for (String id : toolIds) ids.add(id);
        return body;
    }
}
