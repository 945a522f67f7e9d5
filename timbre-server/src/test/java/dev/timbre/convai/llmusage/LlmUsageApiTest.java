package dev.timbre.convai.llmusage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.RepositoryRoot;
import dev.timbre.testing.TestServer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class LlmUsageApiTest {
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    static Map<String, Double> prices(JsonNode response) {
        Map<String, Double> out = new HashMap<>();
        response.get("llm_prices").forEach(p -> out.put(p.get("llm").asText(), p.get("price_per_minute").asDouble()));
        return out;
    }

    @Test
    void prices_every_llm_of_the_openapi_in_its_order() throws Exception {
        JsonNode spec = dev.timbre.http.Json.MAPPER.readTree(Files.readString(RepositoryRoot.path().resolve("spec/openapi.json")));
        List<String> llms = new ArrayList<>();
        spec.at("/components/schemas/LLM/enum").forEach(v -> llms.add(v.asText()));
        assertThat(LlmPrices.bundled().all()).extracting(LlmPrices.Price::llm).containsExactlyElementsOf(llms);
    }

    @Test
    void public_calculation_grows_with_the_knowledge_base_and_rag_caps_it() {
        TestServer.Response small = server.postJson("/v1/convai/llm-usage/calculate", "{\"prompt_length\": 2000, \"number_of_pages\": 0, \"rag_enabled\": false}");
        assertThat(small.status()).as(small.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/llm-usage/calculate", small);
        Map<String, Double> none = prices(small.json());
        // ElevenLabs' guide: gpt-4o-mini about $0.001 a minute without a knowledge base, gpt-4o about $0.01
        assertThat(none.get("gpt-4o-mini")).isBetween(0.0005, 0.0015);
        assertThat(none.get("gpt-4o")).isBetween(0.008, 0.015);
        assertThat(none.get("custom-llm")).isZero();
        assertThat(none.get("gpt-oss-20b")).isEqualTo(0.0015);

        Map<String, Double> big = prices(server.postJson("/v1/convai/llm-usage/calculate",
                "{\"prompt_length\": 2000, \"number_of_pages\": 100, \"rag_enabled\": false}").json());
        Map<String, Double> rag = prices(server.postJson("/v1/convai/llm-usage/calculate",
                "{\"prompt_length\": 2000, \"number_of_pages\": 100, \"rag_enabled\": true}").json());
        assertThat(big.get("gpt-4o")).isGreaterThan(10 * none.get("gpt-4o"));
        assertThat(rag.get("gpt-4o")).isGreaterThan(none.get("gpt-4o")).isLessThan(big.get("gpt-4o"));
    }

    @Test
    void the_agent_calculation_takes_the_agents_own_values() {
        String doc = server.postJson("/v1/convai/knowledge-base/text", "{\"text\": \"" + "word ".repeat(3000) + "\"}").json().get("id").asText();
        String agent = server.postJson("/v1/convai/agents/create", "{\"conversation_config\": {\"agent\": {\"prompt\": {\"prompt\": \""
                + "p".repeat(2000) + "\", \"knowledge_base\": [{\"type\": \"text\", \"name\": \"d\", \"id\": \"" + doc + "\"}]}}}}")
                .json().get("agent_id").asText();
        TestServer.Response own = server.postJson("/v1/convai/agent/" + agent + "/llm-usage/calculate", "{}");
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/agent/{agent_id}/llm-usage/calculate", own);
        Map<String, Double> explicit = prices(server.postJson("/v1/convai/llm-usage/calculate",
                "{\"prompt_length\": 2000, \"number_of_pages\": 5, \"rag_enabled\": false}").json());
        assertThat(prices(own.json())).isEqualTo(explicit); // 15,000 bytes of text = 5 pages
        Map<String, Double> overridden = prices(server.postJson("/v1/convai/agent/" + agent + "/llm-usage/calculate",
                "{\"number_of_pages\": 0}").json());
        assertThat(overridden.get("gpt-4o")).isLessThan(explicit.get("gpt-4o"));
        assertThat(server.postJson("/v1/convai/agent/agent_nope/llm-usage/calculate", "{}").status()).isEqualTo(404);
    }

    @Test
    void missing_or_bad_fields_are_422() {
        for (String body : List.of("", "{}", "{\"prompt_length\": 1, \"number_of_pages\": 1}", "{\"prompt_length\": \"x\", \"number_of_pages\": 1, \"rag_enabled\": true}",
                "{\"prompt_length\": -1, \"number_of_pages\": 1, \"rag_enabled\": true}")) {
            TestServer.Response r = server.postJson("/v1/convai/llm-usage/calculate", body);
            assertThat(r.status()).as(body + " → " + r).isEqualTo(422);
            OpenApiContract.assertConforms("POST", "/v1/convai/llm-usage/calculate", r);
        }
    }
}
