package dev.timbre.convai.conversation.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TurnOverheadTest {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final TurnOverhead.Turns turns = new TurnOverhead(registry).conversation();

    Timer leg(String leg) { return registry.get("timbre.agent.turn.overhead").tag("leg", leg).timer(); }

    @Test
    void aTurnCountsTheWayInPlusTheWayOutOnce() {
        turns.userMessage(1_000_000);
        turns.llmFirstOutput(3_000_000, 303_000_000);   // 2 ms in, then the LLM's 300 ms
        turns.firstPartSent(304_500_000);               // 1.5 ms out
        turns.firstPartSent(400_000_000);               // a later part of the same turn is not a new turn
        assertThat(leg("total").count()).isEqualTo(1);
        assertThat(leg("in").totalTime(TimeUnit.MICROSECONDS)).isEqualTo(2000);
        assertThat(leg("out").totalTime(TimeUnit.MICROSECONDS)).isEqualTo(1500);
        assertThat(leg("total").totalTime(TimeUnit.MICROSECONDS)).isEqualTo(3500);
    }

    @Test
    void turnsWithAToolRoundBeforeTheReplyAreLeftOut() {
        turns.userMessage(1_000_000);
        turns.llmFirstOutput(2_000_000, 50_000_000);    // the first round called a tool
        turns.llmFirstOutput(90_000_000, 140_000_000);  // the second answered
        turns.firstPartSent(141_000_000);
        assertThat(leg("total").count()).isZero();
    }

    @Test
    void partsWithoutAUserMessageAreNotTurns() {
        turns.llmFirstOutput(2_000_000, 50_000_000);
        turns.firstPartSent(51_000_000);
        assertThat(leg("total").count()).isZero();
    }
}
