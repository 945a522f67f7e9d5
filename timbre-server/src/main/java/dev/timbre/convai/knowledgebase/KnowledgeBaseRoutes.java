package dev.timbre.convai.knowledgebase;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.http.MultipartForm;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /v1/convai/knowledge-base}: list; create from URL, text or file (and the older combined multipart
 * {@code POST /}); get, rename, delete; dependent agents; content (HTML); one chunk.
 */
public final class KnowledgeBaseRoutes implements EndpointGroup {
    private static final Set<String> TYPES = Set.of("file", "url", "text");
    private static final Set<String> SORT_BY = Set.of("name", "created_at", "updated_at", "size");

    private final KnowledgeBaseService service;
    private final long maxUploadBytes;

    public KnowledgeBaseRoutes(KnowledgeBaseService service, long maxUploadBytes) {
        this.service = service;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public void addEndpoints() {
        get(this::list);
        post(this::addCombined);
        post("/url", ctx -> {
            DocumentRequests r = DocumentRequests.read(ctx);
            ctx.json(service.createUrl(r.required("url"), r.name()));
        });
        post("/text", ctx -> {
            DocumentRequests r = DocumentRequests.read(ctx);
            ctx.json(service.createText(r.required("text"), r.name()));
        });
        post("/file", ctx -> {
            MultipartForm form = MultipartForm.read(ctx, maxUploadBytes);
            ctx.json(createFile(form));
        });
        get("/{documentation_id}", ctx -> ctx.json(service.get(id(ctx))));
        patch("/{documentation_id}", ctx -> {
            String id = id(ctx);
            ctx.json(service.rename(id, DocumentRequests.name(DocumentRequests.read(ctx).required("name"))));
        });
        delete("/{documentation_id}", ctx -> {
            service.delete(id(ctx), Params.queryBool(ctx, "force", false));
            ctx.json(Map.of());
        });
        get("/{documentation_id}/dependent-agents", ctx -> ctx.json(service.dependentAgents(id(ctx),
                Params.query(ctx, "cursor").orElse(null), Params.queryInt(ctx, "page_size", 30, 1, KnowledgeBaseService.MAX_PAGE_SIZE))));
        get("/{documentation_id}/content", ctx -> {
            String html = service.content(id(ctx));
            ctx.contentType("text/html; charset=utf-8");
            ctx.result(html.getBytes(StandardCharsets.UTF_8));
        });
        get("/{documentation_id}/chunk/{chunk_id}", ctx -> {
            String id = id(ctx);
            String chunk = Params.id(ctx, "chunk_id", "chunk_not_found", "Chunk");
            ctx.json(service.chunk(id, chunk));
        });
    }

    private void list(Context ctx) {
        int pageSize = Params.queryInt(ctx, "page_size", 30, 1, KnowledgeBaseService.MAX_PAGE_SIZE);
        int offset = Params.query(ctx, "cursor").map(c -> Params.parseInt(c, 0, Integer.MAX_VALUE, "query", "cursor")).orElse(0);
        List<String> types = Params.queryAll(ctx, "types").stream()
                .flatMap(t -> java.util.Arrays.stream(t.split(","))).map(String::strip)
                .map(t -> Params.oneOf(t, TYPES, "query", "types")).distinct().toList();
        String sortBy = Params.queryEnum(ctx, "sort_by", SORT_BY).orElse("created_at");
        boolean ascending = Params.queryEnum(ctx, "sort_direction", Set.of("asc", "desc")).map("asc"::equals).orElse(false);
        Params.queryBool(ctx, "show_only_owned_documents", false); // one user: every document is the caller's
        Params.queryBool(ctx, "use_typesense", false);
        ctx.json(service.list(new DocumentQuery(Params.query(ctx, "search").orElse(null), types, sortBy, ascending, offset, pageSize)));
    }

    /** {@code POST /v1/convai/knowledge-base}: multipart with a {@code url} or a {@code file}. */
    private void addCombined(Context ctx) {
        MultipartForm form = MultipartForm.read(ctx, maxUploadBytes);
        java.util.Optional<String> url = form.field("url");
        if (url.isPresent()) {
            ctx.json(service.createUrl(url.get(), DocumentRequests.name(form.field("name").orElse(null))));
            return;
        }
        ctx.json(createFile(form));
    }

    private DocumentViews.Added createFile(MultipartForm form) {
        MultipartForm.File f = form.requiredFile("file");
        return service.createFile(f.filename(), f.contentType(), f.data(), DocumentRequests.name(form.field("name").orElse(null)));
    }

    private static String id(Context ctx) {
        return Params.id(ctx, "documentation_id", "document_not_found", "Document");
    }
}
