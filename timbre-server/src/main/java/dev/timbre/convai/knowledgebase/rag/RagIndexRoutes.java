package dev.timbre.convai.knowledgebase.rag;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.http.ApiException;
import dev.timbre.http.JsonBody;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;

/**
 * Under {@code /v1/convai/knowledge-base}: {@code POST|GET /{documentation_id}/rag-index} (compute, list),
 * {@code GET /rag-index} (overview), {@code DELETE /{documentation_id}/rag-index/{rag_index_id}}. Mount before the
 * documents' routes: {@code GET /rag-index} must win over {@code GET /{documentation_id}}.
 */
public final class RagIndexRoutes implements EndpointGroup {
    private final RagIndexService service;

    public RagIndexRoutes(RagIndexService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        get("/rag-index", ctx -> ctx.json(service.overview()));
        post("/{documentation_id}/rag-index", ctx -> {
            String id = document(ctx);
            ctx.json(service.compute(id, model(ctx)));
        });
        get("/{documentation_id}/rag-index", ctx -> ctx.json(service.list(document(ctx))));
        delete("/{documentation_id}/rag-index/{rag_index_id}", ctx -> {
            String id = document(ctx);
            String index = Params.id(ctx, "rag_index_id", "rag_index_not_found", "RAG index");
            ctx.json(service.delete(id, index));
        });
    }

    private static String model(Context ctx) {
        RagIndexRequest r = JsonBody.read(ctx, RagIndexRequest.class);
        if (r.model() == null) throw ApiException.invalid("Field required", "missing", "body", "model");
        if (!RagIndexService.MODELS.contains(r.model())) {
            throw ApiException.invalid("Input should be 'e5_mistral_7b_instruct' or 'multilingual_e5_large_instruct'", "enum", "body", "model");
        }
        return r.model();
    }

    private static String document(Context ctx) {
        return Params.id(ctx, "documentation_id", "document_not_found", "Document");
    }
}
