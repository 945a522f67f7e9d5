package dev.timbre.convai.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.convai.agents.AgentRepository;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.conversations.AudioFlags;
import dev.timbre.convai.conversations.ConversationAudio;
import dev.timbre.convai.conversations.ConversationRepository;
import dev.timbre.convai.conversations.ConversationsService;
import dev.timbre.convai.conversations.StoredConversation;
import dev.timbre.db.Database;
import dev.timbre.http.Json;
import dev.timbre.storage.FileSystemBlobStore;
import dev.timbre.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Retention on a real database and blob store, with a fixed clock and back-dated conversations. */
@Tag("integration")
class ConversationRetentionTest {
    static final long NOW = 2_000_000_000L;
    static final long DAY = 86_400;

    @TempDir
    Path dir;

    static StoredConversation conversation(String id, String agentId, String status, long start) {
        return new StoredConversation(id, agentId, "A", "u", status, start, 10, 0, "success", List.of(), Json.MAPPER.createObjectNode(),
                null, null, null, null, 0, 0, null, false, "", null, null, start, start, 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void deletes_old_finished_conversations_and_the_audio_of_agents_that_ask(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
            AgentsService agents = new AgentsService(new AgentRepository(db.jdbi()), clock);
            String keep2 = agents.create((com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(
                    "{\"name\":\"two days\",\"platform_settings\":{\"privacy\":{\"retention_days\":2}}}"));
            String forever = agents.create((com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(
                    "{\"name\":\"forever, no audio\",\"platform_settings\":{\"privacy\":{\"retention_days\":-1,\"delete_audio\":true}}}"));
            String plain = agents.create((com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree("{\"name\":\"defaults\"}"));
            FileSystemBlobStore blobs = new FileSystemBlobStore(Files.createDirectories(dir.resolve("blobs")));
            ConversationRepository repo = new ConversationRepository(db.jdbi());
            ConversationsService conversations = new ConversationsService(repo, new ConversationAudio(blobs), clock);
            String[][] rows = {
                {"c_old", keep2, "done", String.valueOf(NOW - 3 * DAY)},
                {"c_old_failed", keep2, "failed", String.valueOf(NOW - 10 * DAY)},
                {"c_old_running", keep2, "in-progress", String.valueOf(NOW - 3 * DAY)},
                {"c_new", keep2, "done", String.valueOf(NOW - DAY)},
                {"c_forever", forever, "done", String.valueOf(NOW - 400 * DAY)},
                {"c_forever_running", forever, "in-progress", String.valueOf(NOW - 400 * DAY)},
                {"c_plain", plain, "done", String.valueOf(NOW - 400 * DAY)}};
            for (String[] r : rows) {
                repo.insert(conversation(r[0], r[1], r[2], Long.parseLong(r[3])));
                blobs.put(ConversationAudio.key(r[0]), new byte[] {1, 2, 3});
                repo.saveAudio(r[0], new AudioFlags(true, true, true));
            }

            ConversationRetention.Result result = new ConversationRetention(db.jdbi(), conversations, clock, Duration.ofHours(1)).runOnce();

            assertThat(result).isEqualTo(new ConversationRetention.Result(2, 1));
            assertThat(repo.find("c_old")).isEmpty();
            assertThat(repo.find("c_old_failed")).isEmpty();
            assertThat(blobs.exists(ConversationAudio.key("c_old"))).isFalse();
            assertThat(repo.find("c_old_running")).as("running conversations are never touched").isPresent();
            assertThat(repo.find("c_new")).isPresent();
            assertThat(blobs.exists(ConversationAudio.key("c_new"))).isTrue();
            assertThat(repo.find("c_forever").orElseThrow().audio()).isEqualTo(AudioFlags.NONE);
            assertThat(blobs.exists(ConversationAudio.key("c_forever"))).isFalse();
            assertThat(repo.find("c_forever_running").orElseThrow().audio().hasAudio()).isTrue();
            assertThat(repo.find("c_plain").orElseThrow().audio().hasAudio()).isTrue();
            assertThat(new ConversationRetention(db.jdbi(), conversations, clock, Duration.ofHours(1)).runOnce())
                    .isEqualTo(new ConversationRetention.Result(0, 0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void the_schedule_runs_a_pass_at_start(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
            AgentsService agents = new AgentsService(new AgentRepository(db.jdbi()), clock);
            String agent = agents.create((com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(
                    "{\"name\":\"zero\",\"platform_settings\":{\"privacy\":{\"retention_days\":0}}}"));
            ConversationRepository repo = new ConversationRepository(db.jdbi());
            repo.insert(conversation("c_done", agent, "done", NOW - 5));
            ConversationsService conversations = new ConversationsService(repo, clock);
            try (ConversationRetention job = new ConversationRetention(db.jdbi(), conversations, clock, Duration.ofMillis(50)).start()) {
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (repo.find("c_done").isPresent() && System.nanoTime() < deadline) Thread.sleep(20);
            }
            assertThat(repo.find("c_done")).isEmpty();
        }
    }
}
