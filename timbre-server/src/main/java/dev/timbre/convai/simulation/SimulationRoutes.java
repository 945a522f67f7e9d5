package dev.timbre.convai.simulation;

import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.convai.agents.AgentChecks;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.http.Json;
import dev.timbre.http.MediaType;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code POST /v1/convai/agents/{agent_id}/simulate-conversation} and {@code …/stream}, mounted as a second group on
 * {@code /v1/convai/agents}. The stream is newline-delimited JSON ({@code application/x-ndjson}): one
 * {@code {"simulated_conversation":[…]}} line per finished turn with the entries it added (the partial history, if
 * any, comes first), then one {@code {"analysis":{…}}} line; concatenating the lists gives the non-streamed
 * {@code simulated_conversation}. A failure after the first line is one {@code {"detail":{status,message}}} line.
 */
public final class SimulationRoutes implements EndpointGroup {
    private final SimulationService service;

    public SimulationRoutes(SimulationService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        post("/{agent_id}/simulate-conversation", this::simulate);
        post("/{agent_id}/simulate-conversation/stream", this::stream);
    }

    private void simulate(Context ctx) {
        String agentId = id(ctx);
        SimulationRequest request = SimulationChecks.request(AgentChecks.body(ctx, false));
        ctx.json(service.simulate(agentId, request, entries -> {}));
    }

    private void stream(Context ctx) throws IOException {
        String agentId = id(ctx);
        SimulationRequest request = SimulationChecks.request(AgentChecks.body(ctx, false));
        SimulationService.Prepared prepared = service.prepare(agentId, request); // 404 before the 200 starts
        MediaType.set(ctx, "application/x-ndjson");
        ctx.header("Cache-Control", "no-cache");
        OutputStream out = ctx.res().getOutputStream();
        SimulationService.Result result;
        try {
            result = service.run(prepared, entries -> line(out, Map.of("simulated_conversation", entries)));
        } catch (UncheckedIOException clientGone) {
            return; // the run was stopped when the write failed; nobody is left to tell
        } catch (dev.timbre.http.ApiException e) {
            line(out, Map.of("detail", Map.of("status", e.code(), "message", e.getMessage())));
            return;
        }
        try {
            line(out, Map.of("analysis", result.analysis()));
        } catch (UncheckedIOException clientGone) {
            // the simulation is complete; only the analysis line is lost
        }
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("agent_id");
        if (!dev.timbre.common.Ids.isSafe(id)) throw AgentsService.notFound(id.length() > 64 ? id.substring(0, 64) + "…" : id);
        return id;
    }

    /** Writes one JSON line and flushes it; a client that went away is an {@link UncheckedIOException}. */
    private static void line(OutputStream out, Object value) {
        try {
            out.write((Json.write(value) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
