package dev.timbre.convai.mcpservers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.convai.agents.AgentRepository;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.db.Database;
import dev.timbre.http.Json;
import dev.timbre.testing.TestDatabases;
import java.time.Clock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code convai_mcp_servers} (V22) on H2 and PostgreSQL. */
@Tag("integration")
class McpServerRepositoryTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void round_trips_servers_in_creation_order_and_finds_the_agents_that_name_one(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            McpServerRepository repo = new McpServerRepository(db.jdbi());
            ObjectNode config = (ObjectNode) Json.MAPPER.readTree("{\"name\":\"a\",\"url\":\"https://x.example.com\",\"tool_approval_hashes\":[]}");
            repo.insert(new StoredMcpServer("mcp_a_1", "a", config, 10, 10));
            repo.insert(new StoredMcpServer("mcp_b", "b", config.deepCopy().put("name", "b"), 11, 11));
            assertThat(repo.list()).extracting(StoredMcpServer::mcpServerId).containsExactly("mcp_a_1", "mcp_b");
            assertThat(repo.find("mcp_a_1").orElseThrow().config()).isEqualTo(config);
            assertThat(repo.update(new StoredMcpServer("mcp_a_1", "a", config.deepCopy().put("approval_policy", "auto_approve_all"), 10, 20))).isTrue();
            StoredMcpServer back = repo.find("mcp_a_1").orElseThrow();
            assertThat(back.approvalPolicy()).isEqualTo("auto_approve_all");
            assertThat(back.updatedAtUnix()).isEqualTo(20);
            assertThat(repo.update(new StoredMcpServer("mcp_none", "x", config, 1, 1))).isFalse();
            assertThat(repo.find("mcp_none")).isEmpty();

            AgentsService agents = new AgentsService(new AgentRepository(db.jdbi()), Clock.systemUTC());
            String uses = agents.create((ObjectNode) Json.MAPPER.readTree(
                    "{\"name\":\"u\",\"conversation_config\":{\"agent\":{\"prompt\":{\"mcp_server_ids\":[\"mcp_a_1\"]}}}}"));
            agents.create((ObjectNode) Json.MAPPER.readTree("{\"name\":\"other\",\"conversation_config\":{\"agent\":{\"prompt\":{\"prompt\":\"mcp_aX1\"}}}}"));
            assertThat(repo.agentsMentioning("mcp_a_1")).extracting(a -> a.agentId()).containsExactly(uses);
        }
    }
}
