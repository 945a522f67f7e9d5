package dev.timbre.convai.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.db.Database;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.testing.TestDatabases;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AgentRepositoryTest {

    static ObjectNode body(String name) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(("{'name':'" + name + "','tags':['t'],'conversation_config':{'agent':{'first_message':'hé 100%'},"
                + "'x':{'y':[1,null]}},'platform_settings':{'archived':" + name.startsWith("z") + "}}").replace('\'', '"'));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void stores_lists_updates_and_deletes(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            AgentsService agents = new AgentsService(new AgentRepository(db.jdbi()), Clock.systemUTC());
            List<String> ids = new ArrayList<>();
            for (String n : List.of("delta", "alpha", "zulu", "Charlie", "bravo_1")) ids.add(agents.create(body(n)));

            StoredAgent got = agents.find(ids.get(0));
            assertThat(got.name()).isEqualTo("delta");
            assertThat(got.tags()).containsExactly("t");
            assertThat(got.config().at("/conversation_config/agent/first_message").asText()).isEqualTo("hé 100%");
            assertThat(got.config().at("/conversation_config/x/y").toString()).isEqualTo("[1,null]");
            assertThat(got.config().has("name")).isFalse();

            List<String> seen = new ArrayList<>();
            String cursor = null;
            while (true) {
                AgentsPage page = agents.list(new AgentQuery(2, null, "name", true, cursor, null));
                page.agents().forEach(a -> seen.add(a.name()));
                if (!page.hasMore()) break;
                cursor = page.nextCursor();
            }
            assertThat(seen).containsExactly("Charlie", "alpha", "bravo_1", "delta", "zulu");

            List<String> newest = new ArrayList<>();
            cursor = null;
            while (true) {
                AgentsPage page = agents.list(new AgentQuery(3, null, "created_at", false, cursor, null));
                page.agents().forEach(a -> newest.add(a.agentId()));
                if (!page.hasMore()) break;
                cursor = page.nextCursor();
            }
            List<String> reversed = new ArrayList<>(ids);
            java.util.Collections.reverse(reversed);
            assertThat(newest).isEqualTo(reversed);

            assertThat(agents.list(new AgentQuery(10, "_", "name", true, null, null)).agents()).extracting(AgentSummary::name).containsExactly("bravo_1");
            assertThat(agents.list(new AgentQuery(10, "CHAR", "name", true, null, null)).agents()).hasSize(1);
            assertThat(agents.list(new AgentQuery(10, null, "name", true, null, true)).agents()).extracting(AgentSummary::name).containsExactly("zulu");

            ObjectNode patch = (ObjectNode) Json.MAPPER.readTree("{\"conversation_config\":{\"x\":{\"z\":2}},\"platform_settings\":{\"archived\":true}}");
            agents.update(ids.get(0), patch);
            StoredAgent updated = agents.find(ids.get(0));
            assertThat(updated.archived()).isTrue();
            assertThat(updated.config().at("/conversation_config/x").toString()).isEqualTo("{\"y\":[1,null],\"z\":2}");

            agents.delete(ids.get(0));
            assertThatThrownBy(() -> agents.find(ids.get(0))).isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(404));
            assertThat(agents.list(AgentQuery.firstPage(100)).agents()).hasSize(4);
        }
    }
}
