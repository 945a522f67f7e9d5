package dev.timbre.convai.widget;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.http.ApiException;
import dev.timbre.http.ApiKeyAuth;
import dev.timbre.http.MediaType;
import dev.timbre.http.MultipartForm;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;

/**
 * The agent widget's HTTP side, mounted at {@code /}: {@code GET /v1/convai/agents/{agent_id}/widget} (key optional,
 * see {@link ApiKeyAuth#KEY_OPTIONAL}), {@code POST /v1/convai/agents/{agent_id}/avatar} (multipart
 * {@code avatar_file}), the public avatar images at {@link #AVATARS}{@code /{agent_id}/{file}} and the public
 * talk-to page {@code GET /talk-to?agent_id=…} ({@link TalkToPage}; its error pages are HTML for a browser, which asks for
 * {@code text/html}, and ElevenLabs error bodies for anything else).
 */
public final class WidgetRoutes implements EndpointGroup {
    /** Where uploaded avatars are served, publicly (the widget shows them on any site). */
    public static final String AVATARS = "/convai-widget/avatars";

    private final WidgetService service;

    public WidgetRoutes(WidgetService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        // mounted at "/": paths here are relative to it (a leading slash would route them as "//v1/…")
        get("v1/convai/agents/{agent_id}/widget", this::widget);
        post("v1/convai/agents/{agent_id}/avatar", this::uploadAvatar);
        get(AVATARS.substring(1) + "/{agent_id}/{file}", this::avatar);
        get("talk-to", this::talkTo);
    }

    private void widget(Context ctx) {
        String agentId = agentId(ctx);
        Visitor visitor = new Visitor(ApiKeyAuth.hasCaller(ctx), ctx.header("Origin"), Params.query(ctx, "conversation_signature").orElse(null));
        ctx.header("Cache-Control", "no-store").json(service.embed(agentId, visitor));
    }

    private void uploadAvatar(Context ctx) {
        String agentId = agentId(ctx);
        MultipartForm form = MultipartForm.read(ctx, WidgetService.MAX_AVATAR_BYTES);
        byte[] image = form.requiredFile("avatar_file").data();
        ctx.json(service.setAvatar(agentId, image, origin(ctx) + AVATARS));
    }

    private void avatar(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        var avatar = service.avatar(ctx.pathParam("agent_id"), ctx.pathParam("file"))
                .orElseThrow(() -> ApiException.notFound("avatar_not_found", "No such avatar image"));
        // the file name is the image's hash: the same URL always holds the same bytes
        ctx.header("Cache-Control", "public, max-age=31536000, immutable")
                .header("Access-Control-Allow-Origin", "*")
                .header("Content-Security-Policy", "default-src 'none'; sandbox");
        MediaType.set(ctx, avatar.contentType());
        ctx.result(avatar.bytes());
    }

    private void talkTo(Context ctx) {
        String agentId = ctx.queryParam("agent_id");
        TalkToPage.Page page = TalkToPage.of(agentId, service.agent(agentId));
        String accept = ctx.header("Accept");
        if (page.status() != 200 && (accept == null || !accept.contains("text/html"))) {
            throw new ApiException(page.status(), page.code(), page.message()); // an API client: the usual error body
        }
        ctx.status(page.status())
                .header("Content-Security-Policy", TalkToPage.CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .contentType("text/html; charset=utf-8").result(page.html());
    }

    private static String agentId(Context ctx) {
        return Params.id(ctx, "agent_id", "agent_not_found", "Agent");
    }

    /** This server as the client reached it ({@code X-Forwarded-Proto} honoured behind a proxy). */
    private static String origin(Context ctx) {
        String proto = ctx.header("X-Forwarded-Proto");
        String scheme = proto != null ? proto.split(",")[0].trim() : ctx.scheme();
        String host = ctx.header("Host") != null ? ctx.header("Host") : ctx.host();
        return ("https".equalsIgnoreCase(scheme) ? "https" : "http") + "://" + host;
    }
}
