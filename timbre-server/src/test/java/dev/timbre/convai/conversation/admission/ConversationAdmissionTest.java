package dev.timbre.convai.conversation.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.http.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConversationAdmissionTest {
    private static final CallLimits NO_BURST = new CallLimits(-1, 100_000, false);

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-03-01T23:59:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void callLimitsAreReadWithTheOpenApiDefaults() throws Exception {
        assertThat(CallLimits.of(Json.MAPPER.readTree("{}"))).isEqualTo(new CallLimits(-1, 100_000, true));
        assertThat(CallLimits.of(Json.MAPPER.readTree("{\"platform_settings\":{\"call_limits\":{\"agent_concurrency_limit\":2,"
                + "\"daily_limit\":5,\"bursting_enabled\":false}}}"))).isEqualTo(new CallLimits(2, 5, false));
    }

    @Test
    void theAgentsConcurrencyLimitRefusesTheNextAndAClosedTicketFreesItsPlace() {
        var admission = new ConversationAdmission(100, 0, Clock.systemUTC());
        CallLimits two = new CallLimits(2, 100_000, true);
        var first = admission.admit("a", two, null);
        admission.admit("a", two, null);
        assertThatThrownBy(() -> admission.admit("a", two, null)).isInstanceOfSatisfying(ConversationAdmission.Refused.class,
                r -> assertThat(r.errorType).isEqualTo("too_many_concurrent_requests"));
        admission.admit("b", two, null); // another agent is not affected
        first.close();
        first.close(); // given back once
        admission.admit("a", two, null);
        assertThat(admission.active()).isEqualTo(3);
    }

    @Test
    void burstingAgentsMayTakeTheServerToThreeTimesItsLimitOthersStopAtTheLimit() {
        var admission = new ConversationAdmission(4, 0, Clock.systemUTC());
        assertThat(admission.burstCapacity()).isEqualTo(12);
        for (int i = 0; i < 4; i++) admission.admit("plain", NO_BURST, null);
        assertThatThrownBy(() -> admission.admit("plain", NO_BURST, null)).isInstanceOf(ConversationAdmission.Refused.class);
        for (int i = 0; i < 8; i++) admission.admit("burst", CallLimits.DEFAULTS, null);
        assertThatThrownBy(() -> admission.admit("burst", CallLimits.DEFAULTS, null)).isInstanceOf(ConversationAdmission.Refused.class);
        assertThat(new ConversationAdmission(200, 0, Clock.systemUTC()).burstCapacity()).isEqualTo(300);
        assertThat(new ConversationAdmission(400, 0, Clock.systemUTC()).burstCapacity()).isEqualTo(400);
    }

    @Test
    void theDailyLimitCountsEveryConversationOfTheUtcDayAndRollsOver() {
        MovableClock clock = new MovableClock();
        var admission = new ConversationAdmission(100, 0, clock);
        CallLimits daily = new CallLimits(-1, 2, true);
        admission.admit("a", daily, null).close();
        admission.admit("a", daily, null).close();
        assertThatThrownBy(() -> admission.admit("a", daily, null)).isInstanceOfSatisfying(ConversationAdmission.Refused.class,
                r -> assertThat(r.errorType).isEqualTo("daily_limit_exceeded"));
        assertThatThrownBy(() -> admission.check("a", daily)).isInstanceOf(ConversationAdmission.Refused.class);
        clock.now = clock.now.plus(Duration.ofMinutes(2)); // the next UTC day
        admission.check("a", daily);
        admission.admit("a", daily, null);
    }

    @Test
    void theDayStartsFromTheConversationsAlreadyStoredForIt() {
        MovableClock clock = new MovableClock();
        java.util.List<String> asked = new java.util.ArrayList<>();
        long midnight = clock.now.atZone(java.time.ZoneOffset.UTC).toLocalDate().atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond();
        var admission = new ConversationAdmission(100, 0, clock, (agent, since) -> {
            asked.add(agent + "@" + since);
            return agent.equals("a") ? 1 : 0; // one stored before a restart
        });
        CallLimits daily = new CallLimits(-1, 2, true);
        admission.admit("a", daily, null).close();
        assertThatThrownBy(() -> admission.admit("a", daily, null)).isInstanceOfSatisfying(ConversationAdmission.Refused.class,
                r -> assertThat(r.errorType).isEqualTo("daily_limit_exceeded"));
        admission.admit("b", daily, null).close();
        admission.admit("b", daily, null).close();
        assertThat(asked).containsExactly("a@" + midnight, "b@" + midnight); // once per agent a day
    }

    @Test
    void anAddressMayOpenItsAllowancePerMinuteAndAKeyedConnectionIsExempt() {
        MovableClock clock = new MovableClock();
        var admission = new ConversationAdmission(100, 3, clock);
        for (int i = 0; i < 3; i++) admission.admit("a", NO_BURST, "203.0.113.7").close();
        assertThatThrownBy(() -> admission.admit("a", NO_BURST, "203.0.113.7")).isInstanceOfSatisfying(ConversationAdmission.Refused.class,
                r -> assertThat(r.errorType).isEqualTo(ConversationAdmission.RATE_LIMITED));
        admission.admit("a", NO_BURST, "203.0.113.8").close();
        admission.admit("a", NO_BURST, null).close();
        clock.now = clock.now.plus(Duration.ofSeconds(20)); // a third of a minute: one more
        admission.admit("a", NO_BURST, "203.0.113.7").close();
        assertThatThrownBy(() -> admission.admit("a", NO_BURST, "203.0.113.7")).isInstanceOf(ConversationAdmission.Refused.class);
        assertThat(admission.active()).isZero();
    }

    @Test
    void aDrainingServerRefusesNewConversationsAndLetsTheRunningOnesEnd() {
        var admission = new ConversationAdmission(10, 0, Clock.systemUTC());
        var running = admission.admit("a", NO_BURST, null);
        admission.drain();
        assertThat(admission.draining()).isTrue();
        assertThatThrownBy(() -> admission.admit("a", NO_BURST, "203.0.113.9")).isInstanceOf(ConversationAdmission.Refused.class)
                .hasMessageContaining("shutting down")
                .satisfies(e -> assertThat(((ConversationAdmission.Refused) e).errorType).isEqualTo(ConversationAdmission.DRAINING));
        assertThat(admission.active()).isEqualTo(1);
        running.close();
        assertThat(admission.active()).isZero();
    }
}
