package dev.timbre.convai.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A tool's {@code assignments} are checked on create and kept as given. */
@Tag("integration")
class ToolAssignmentsApiTest {
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    static String tool(String assignments) {
        return "{\"tool_config\":{\"type\":\"webhook\",\"name\":\"orders\",\"description\":\"finds orders\","
                + "\"api_schema\":{\"url\":\"https://api.example.com/orders\",\"method\":\"GET\",\"auth_connection\":{\"auth_connection_id\":\"crm\"}},"
                + "\"assignments\":" + assignments + "}}";
    }

    @Test
    void assignmentsRoundTrip() {
        TestServer.Response r = server.postJson("/v1/convai/tools",
                tool("[{\"dynamic_variable\":\"order_id\",\"value_path\":\"order.id\",\"source\":\"response\"}]"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/tools", r);
        assertThat(r.json().at("/tool_config/assignments/0/value_path").asText()).isEqualTo("order.id");
        assertThat(r.json().at("/tool_config/api_schema/auth_connection/auth_connection_id").asText()).isEqualTo("crm");
    }

    @Test
    void badAssignmentsAre422() {
        String[][] cases = {
                {"{}", "assignments"},
                {"[{\"value_path\":\"a\"}]", "dynamic_variable"},
                {"[{\"dynamic_variable\":\"x\"}]", "value_path"},
                {"[{\"dynamic_variable\":\"system__agent_id\",\"value_path\":\"a\"}]", "dynamic_variable"},
                {"[{\"dynamic_variable\":\"x\",\"value_path\":\"a\",\"source\":\"request\"}]", "source"},
        };
        for (String[] c : cases) {
            TestServer.Response r = server.postJson("/v1/convai/tools", tool(c[0]));
            assertThat(r.status()).as(c[0] + " → " + r).isEqualTo(422);
            assertThat(r.json().at("/detail/0/loc").toString()).contains("\"" + c[1] + "\"");
        }
    }
}
