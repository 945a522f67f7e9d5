package dev.timbre.convai.agenttesting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Crash safety: runs a stopped server left pending are run by the next one. */
@Tag("integration")
class AgentTestingRestartTest {

    @Test
    void pending_runs_resume_at_start_up() throws Exception {
        TestServer first = TestServer.start();
        AgentTestingApiTest.server = first;
        String agent = AgentTestingApiTest.agent(AgentTestingApiTest.SHOP);
        String test = AgentTestingApiTest.responseTest("Survives", "/shipped/", null, null);
        // as a server that stopped after storing the invocation and before running it leaves it
        new TestRunRepository(first.timbre().database().jdbi()).insert(new TestRunRepository.Invocation("inv_left", agent, 1),
                List.of(new StoredRun("run_left", "inv_left", 0, test, agent, StoredRun.PENDING, null, null, null, 1)));
        first.close();

        try (TestServer second = TestServer.start(c -> c.withDataDir(first.dataDir()))) {
            AgentTestingApiTest.server = second;
            JsonNode run = AgentTestingApiTest.waitFor("inv_left").get("test_runs").get(0);
            assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("passed");
            assertThat(run.at("/agent_responses/0/message").asText()).isEqualTo("Your order has shipped. Anything else?");
        }
    }
}
