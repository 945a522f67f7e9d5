package dev.timbre.convai.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.ToolCallEntry;
import dev.timbre.agent.transcript.ToolResultEntry;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.db.Database;
import dev.timbre.http.Json;
import dev.timbre.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConversationRepositoryTest {

    static StoredConversation row(String id, String agentId, String userId, long start, String callSuccessful) {
        ObjectNode metadata = Json.MAPPER.createObjectNode().put("main_language", "en");
        return new StoredConversation(id, agentId, "Agent " + agentId, userId, "done", start, 12, 0, callSuccessful, List.of(),
                metadata, null, null, null, null, 0, 0, null, true, "", null, null, start, start, 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void round_trips_every_column_and_the_transcript_records(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ConversationRepository repo = new ConversationRepository(db.jdbi());
            ToolCallEntry call = new ToolCallEntry("webhook", "req-1", "get_weather", "{\"city\":\"Oslo\"}", true,
                    Map.of("type", "webhook", "method", "GET", "url", "https://x/Oslo"));
            ToolResultEntry result = new ToolResultEntry("webhook", "req-1", "get_weather", "{\"temp\":3}", false, true, 0.25);
            List<TranscriptEntry> transcript = List.of(
                    TranscriptEntry.user("Weather in Oslo? ✓", 1, "text"),
                    new TranscriptEntry("agent", "It is 3 degrees.", 2, List.of(call), List.of(result), "like", true, "It is 3 degrees. Bring", null));
            ObjectNode analysis = Json.MAPPER.createObjectNode().put("call_successful", "success").put("transcript_summary", "s");
            ObjectNode clientData = Json.MAPPER.createObjectNode().put("user_id", "u1");
            StoredConversation c = new StoredConversation("conv_1", "agent_a", "A", "u1", "processing", 1000, 42, 2, "success",
                    transcript, Json.MAPPER.createObjectNode().put("main_language", "de"), analysis, clientData, "sum", "title",
                    1, 0, "like", false, "end_call tool was called.", 1008, "policy", 999, 1001, 0);
            repo.insert(c);

            StoredConversation back = repo.find("conv_1").orElseThrow();
            assertThat(back.transcript()).isEqualTo(transcript);
            assertThat(back).usingRecursiveComparison().ignoringFields("seq").isEqualTo(c);
            assertThat(back.seq()).isPositive();
            assertThat(repo.find("missing")).isEmpty();

            StoredConversation changed = new StoredConversation("conv_1", "agent_a", "A", "u1", "failed", 1000, 50, 0, "failure",
                    List.of(), back.metadata(), null, clientData, null, null, 0, 2, "dislike", false, "", null, null, 999, 2000, back.seq());
            assertThat(repo.update(changed)).isTrue();
            assertThat(repo.find("conv_1").orElseThrow()).usingRecursiveComparison().isEqualTo(changed);
            assertThat(repo.update(row("other", "a", null, 1, "unknown"))).isFalse();

            assertThat(repo.delete("conv_1")).isTrue();
            assertThat(repo.delete("conv_1")).isFalse();
            assertThat(repo.find("conv_1")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void keeps_the_audio_flags_and_turn_metrics(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ConversationRepository repo = new ConversationRepository(db.jdbi());
            StoredConversation c = row("conv_a", "agent_a", null, 100, "unknown");
            repo.insert(c);
            assertThat(repo.find("conv_a").orElseThrow().audio()).isEqualTo(AudioFlags.NONE);

            assertThat(repo.saveAudio("conv_a", new AudioFlags(true, true, false))).isTrue();
            assertThat(repo.saveAudio("missing", new AudioFlags(true, true, true))).isFalse();
            StoredConversation back = repo.find("conv_a").orElseThrow();
            assertThat(back.audio()).isEqualTo(new AudioFlags(true, true, false));

            List<TranscriptEntry> voice = List.of(TranscriptEntry.user("hello", 0, "audio"),
                    TranscriptEntry.agent("hi", 1).withTurnMetrics(Map.of("convai_llm_service_ttfb", 0.42)));
            assertThat(repo.update(ConversationChange.of(back).transcript(voice).build(java.time.Clock.systemUTC()))).isTrue();
            StoredConversation updated = repo.find("conv_a").orElseThrow();
            assertThat(updated.audio()).as("an update keeps the flags").isEqualTo(new AudioFlags(true, true, false));
            assertThat(updated.transcript().get(1).turnMetrics()).containsExactly(Map.entry("convai_llm_service_ttfb", 0.42));

            StoredConversation flagged = new StoredConversation("conv_b", "agent_a", "A", null, "done", 100, 0, 0, "unknown", List.of(),
                    c.metadata(), null, null, null, null, 0, 0, null, false, "", null, null, 100, 100, 0, new AudioFlags(true, false, true));
            repo.insert(flagged);
            assertThat(repo.find("conv_b").orElseThrow().audio()).isEqualTo(new AudioFlags(true, false, true));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void lists_newest_first_with_filters_and_keyset_paging(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ConversationRepository repo = new ConversationRepository(db.jdbi());
            repo.insert(row("c1", "agent_a", "u1", 100, "success"));
            repo.insert(row("c2", "agent_b", "u2", 200, "failure"));
            repo.insert(row("c3", "agent_a", "u1", 200, "unknown"));
            repo.insert(row("c4", "agent_a", null, 300, "success"));

            assertThat(ids(repo.list(ConversationQuery.firstPage(10), null, 10))).containsExactly("c4", "c3", "c2", "c1");
            assertThat(ids(repo.list(query("agent_a", null, null, null, null), null, 10))).containsExactly("c4", "c3", "c1");
            assertThat(ids(repo.list(query(null, "success", null, null, null), null, 10))).containsExactly("c4", "c1");
            assertThat(ids(repo.list(query(null, null, 300L, null, null), null, 10))).containsExactly("c3", "c2", "c1");
            assertThat(ids(repo.list(query(null, null, null, 100L, null), null, 10))).containsExactly("c4", "c3", "c2");
            assertThat(ids(repo.list(query(null, null, null, null, "u1"), null, 10))).containsExactly("c3", "c1");
            assertThat(ids(repo.list(query("agent_a", "success", 301L, 99L, null), null, 10))).containsExactly("c4", "c1");

            // keyset paging: same start time is ordered by insertion, newest first
            List<StoredConversation> first = repo.list(ConversationQuery.firstPage(2), null, 2);
            assertThat(ids(first)).containsExactly("c4", "c3");
            StoredConversation last = first.get(1);
            List<StoredConversation> rest = repo.list(ConversationQuery.firstPage(2), new ConversationRepository.After(last.startTimeUnix(), last.seq()), 10);
            assertThat(ids(rest)).containsExactly("c2", "c1");

            // what an agent's daily limit starts from after a restart
            assertThat(repo.countStartedSince("agent_a", 200)).isEqualTo(2);
            assertThat(repo.countStartedSince("agent_a", 0)).isEqualTo(3);
            assertThat(repo.countStartedSince("agent_b", 201)).isZero();
            assertThat(repo.countStartedSince("nobody", 0)).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void keeps_the_phone_call_through_updates_and_finds_it_by_call_sid(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ConversationRepository repo = new ConversationRepository(db.jdbi());
            PhoneCallRecord twilio = new PhoneCallRecord("inbound", "phnum_1", "+15550002222", "+15550001111", "twilio", "CA42", "MZ7");
            StoredConversation base = row("conv_p", "agent_a", null, 100, "unknown");
            StoredConversation c = new StoredConversation(base.conversationId(), base.agentId(), base.agentName(), null, "in-progress",
                    100, 0, 0, "unknown", List.of(), base.metadata(), null, null, null, null, 0, 0, null, false, "", null, null,
                    100, 100, 0, AudioFlags.NONE, twilio);
            repo.insert(c);
            repo.insert(row("conv_web", "agent_a", null, 100, "unknown"));
            assertThat(repo.find("conv_p").orElseThrow().phoneCall()).isEqualTo(twilio);
            assertThat(repo.find("conv_web").orElseThrow().phoneCall()).isNull();

            StoredConversation ended = ConversationChange.of(repo.find("conv_p").orElseThrow()).status("done").duration(31)
                    .termination("Call transferred to +15550009999.").build(java.time.Clock.systemUTC());
            assertThat(repo.update(ended)).isTrue();
            assertThat(repo.find("conv_p").orElseThrow().phoneCall()).as("an update keeps the call").isEqualTo(twilio);

            assertThat(repo.idByCallSid("CA42")).contains("conv_p");
            assertThat(repo.idByCallSid("CA43")).isEmpty();
            PhoneCallRecord sip = PhoneCallRecord.of("sip_trunk", "outbound", "phnum_2", "+15550002222", "+15550003333", "abc@10.0.0.1", null);
            StoredConversation out = new StoredConversation("conv_s", "agent_a", "A", null, "in-progress", 100, 0, 0, "unknown", List.of(),
                    base.metadata(), null, null, null, null, 0, 0, null, false, "", null, null, 100, 100, 0, AudioFlags.NONE, sip);
            repo.insert(out);
            PhoneCallRecord back = repo.find("conv_s").orElseThrow().phoneCall();
            assertThat(back).isEqualTo(sip);
            assertThat(back.agentNumber()).isEqualTo("+15550002222");
            assertThat(back.externalNumber()).isEqualTo("+15550003333");
            assertThat(back.type()).isEqualTo("sip_trunking");
            assertThat(back.streamSid()).isNull();
            assertThat(repo.idByCallSid("abc@10.0.0.1")).contains("conv_s");
        }
    }

    static ConversationQuery query(String agentId, String success, Long before, Long after, String userId) {
        return new ConversationQuery(10, agentId, success, before, after, userId, false, null);
    }

    static List<String> ids(List<StoredConversation> rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.conversationId()));
        return ids;
    }
}
