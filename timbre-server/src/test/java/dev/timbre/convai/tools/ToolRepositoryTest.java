package dev.timbre.convai.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.db.Database;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.testing.TestDatabases;
import java.time.Clock;
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
}
