package dev.timbre.convai.phonenumbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** {@code convai_phone_numbers} (V24) on H2 and PostgreSQL: order, agent join, unique numbers, agent deletion unassigns. */
@Tag("integration")
class PhoneNumberRepositoryTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void round_trips_numbers_and_follows_their_agent(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            PhoneNumberRepository repo = new PhoneNumberRepository(db.jdbi());
            AgentsService agents = new AgentsService(new AgentRepository(db.jdbi()), Clock.systemUTC());
            String agent = agents.create((ObjectNode) Json.MAPPER.readTree("{\"name\":\"Desk\"}"));
            ObjectNode config = (ObjectNode) Json.MAPPER.readTree("{\"inbound_trunk\":null,\"outbound_trunk\":{\"address\":\"sip.example.com\"}}");
            repo.insert(new StoredPhoneNumber("phnum_a", "+1001", "A", "sip_trunk", true, false, null, null, config, "cipher", 10));
            repo.insert(new StoredPhoneNumber("phnum_b", "+1002", "B", "twilio", true, true, null, null, Json.MAPPER.createObjectNode(), "c2", 11));
            assertThat(repo.list()).extracting(StoredPhoneNumber::phoneNumberId).containsExactly("phnum_a", "phnum_b");
            StoredPhoneNumber a = repo.find("phnum_a").orElseThrow();
            assertThat(a.config()).isEqualTo(config);
            assertThat(a.supportsOutbound()).isFalse();
            assertThat(a.secrets()).isEqualTo("cipher");
            assertThat(repo.findByNumber("+1002").orElseThrow().phoneNumberId()).isEqualTo("phnum_b");
            assertThatThrownBy(() -> repo.insert(new StoredPhoneNumber("phnum_c", "+1001", "C", "twilio", true, true, null, null,
                    Json.MAPPER.createObjectNode(), "c", 12))).isInstanceOf(org.jdbi.v3.core.JdbiException.class);

            assertThat(repo.update(new StoredPhoneNumber("phnum_a", "+1001", "A2", "sip_trunk", true, false, agent, null, config, "cipher2", 10))).isTrue();
            StoredPhoneNumber assigned = repo.find("phnum_a").orElseThrow();
            assertThat(assigned.agentName()).isEqualTo("Desk");
            assertThat(assigned.label()).isEqualTo("A2");
            assertThat(assigned.secrets()).isEqualTo("cipher2");
            agents.delete(agent);
            assertThat(repo.find("phnum_a").orElseThrow().agentId()).isNull();
            assertThat(repo.update(new StoredPhoneNumber("phnum_none", "+9", "x", "twilio", true, true, null, null, config, "c", 1))).isFalse();
            assertThat(repo.delete("phnum_b")).isTrue();
            assertThat(repo.find("phnum_b")).isEmpty();
        }
    }
}
