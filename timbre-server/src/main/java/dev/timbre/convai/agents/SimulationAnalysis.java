package dev.timbre.convai.agents;

import dev.timbre.agent.transcript.Analysis;
import dev.timbre.agent.transcript.TranscriptEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysis of a simulated conversation. INTEGRATOR: this is the stand-in until {@code convai.postcall}'s
 * analyser is merged; it judges nothing: {@code call_successful} and every criterion are {@code unknown}, the
 * summary is a plain count of the messages and how the simulation ended. Stateless.
 */
final class SimulationAnalysis {
    private SimulationAnalysis() {}

    static Analysis of(List<TranscriptEntry> transcript, List<SimulationRequest.Criterion> criteria, String endReason) {
        long user = transcript.stream().filter(e -> e.role().equals("user")).count();
        long agent = transcript.size() - user;
        Map<String, Analysis.CriterionResult> results = new LinkedHashMap<>();
        for (SimulationRequest.Criterion c : criteria) {
            results.put(c.id(), new Analysis.CriterionResult(c.id(), "unknown", "Not evaluated: no conversation analyser is configured."));
        }
        String summary = "Simulated conversation of " + transcript.size() + " messages (" + agent + " from the agent, " + user
                + " from the simulated user). It ended because: " + endReason;
        return new Analysis(results, Map.of(), "unknown", summary, "Simulated conversation");
    }
}
