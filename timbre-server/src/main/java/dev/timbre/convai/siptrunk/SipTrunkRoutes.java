package dev.timbre.convai.siptrunk;

import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.JsonBody;
import io.javalin.apibuilder.EndpointGroup;

/** {@code /v1/convai/sip-trunk}: {@code POST /outbound-call}. */
public final class SipTrunkRoutes implements EndpointGroup {
    private final SipTrunkService service;

    public SipTrunkRoutes(SipTrunkService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        post("/outbound-call", ctx -> ctx.json(service.outboundCall(JsonBody.read(ctx, JsonNode.class))));
    }
}
