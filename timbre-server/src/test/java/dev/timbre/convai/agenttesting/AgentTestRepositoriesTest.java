package dev.timbre.convai.agenttesting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.db.Database;
import dev.timbre.http.Json;
import dev.timbre.testing.TestDatabases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** V23's tables through both repositories, on H2 and PostgreSQL. */
class AgentTestRepositoriesTest {

    static ObjectNode definition(String name) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(("{'name':'" + name + "','chat_history':[{'role':'user','message':'hé','time_in_call_secs':0}]}")
                .replace('\'', '"'));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void tests_page_newest_first_and_search_names_literally(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            AgentTestRepository tests = new AgentTestRepository(db.jdbi());
            for (String n : List.of("Refund 100%", "refund_policy", "Greeting")) tests.insert(new StoredTest("id_" + n.length(), n, definition(n), 10, 10));
            assertThat(tests.page(null, null, 10)).extracting(r -> r.test().name()).containsExactly("Greeting", "refund_policy", "Refund 100%");
            assertThat(tests.page(null, "REFUND", 10)).extracting(r -> r.test().name()).containsExactly("refund_policy", "Refund 100%");
            assertThat(tests.page(null, "100%", 10)).extracting(r -> r.test().name()).containsExactly("Refund 100%");
            assertThat(tests.page(null, "d_p", 10)).extracting(r -> r.test().name()).containsExactly("refund_policy");
            var first = tests.page(null, null, 1);
            assertThat(tests.page(first.get(0).seq(), null, 10)).hasSize(2);
            assertThat(tests.find("id_8").orElseThrow().definition().at("/chat_history/0/message").asText()).isEqualTo("hé");
            assertThat(tests.update("id_8", "Hello", definition("Hello"), 20)).isTrue();
            assertThat(tests.find("id_8").orElseThrow().updatedAtUnix()).isEqualTo(20);
            assertThat(tests.delete("id_8")).isTrue();
            assertThat(tests.delete("id_8")).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void runs_go_from_pending_to_a_verdict_and_back(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            TestRunRepository runs = new TestRunRepository(db.jdbi());
            ObjectNode override = (ObjectNode) Json.MAPPER.readTree("{\"conversation_config\":{},\"platform_settings\":{}}");
            runs.insert(new TestRunRepository.Invocation("inv1", "agent1", 5), List.of(
                    new StoredRun("run1", "inv1", 0, "t1", "agent1", StoredRun.PENDING, override, null, null, 5),
                    new StoredRun("run2", "inv1", 1, "t2", "agent1", StoredRun.PENDING, null, null, null, 5)));
            assertThat(runs.pending()).extracting(StoredRun::testRunId).containsExactly("run1", "run2");
            assertThat(runs.run("run1").orElseThrow().agentConfigOverride()).isEqualTo(override);
            ObjectNode result = (ObjectNode) Json.MAPPER.readTree("{\"result\":\"success\",\"rationale\":{\"messages\":[],\"summary\":\"s\"}}");
            assertThat(runs.finish("run1", StoredRun.PASSED, Json.MAPPER.createArrayNode(), result, 9)).isTrue();
            assertThat(runs.finish("run1", StoredRun.FAILED, null, null, 9)).as("only a pending run finishes").isFalse();
            assertThat(runs.pending()).extracting(StoredRun::testRunId).containsExactly("run2");
            StoredRun done = runs.run("run1").orElseThrow();
            assertThat(done.status()).isEqualTo("passed");
            assertThat(done.conditionResult().at("/rationale/summary").asText()).isEqualTo("s");
            runs.reset(List.of("run1"), "agent2", null, 11);
            StoredRun again = runs.run("run1").orElseThrow();
            assertThat(again.status()).isEqualTo("pending");
            assertThat(again.agentId()).isEqualTo("agent2");
            assertThat(again.conditionResult()).isNull();
            assertThat(runs.runs("inv1")).extracting(StoredRun::position).containsExactly(0, 1);
            runs.deleteInvocation("inv1");
            assertThat(runs.runs("inv1")).isEmpty();
            assertThat(runs.invocation("inv1")).isEmpty();
        }
    }
}
