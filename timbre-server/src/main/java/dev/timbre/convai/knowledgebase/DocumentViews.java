package dev.timbre.convai.knowledgebase;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The wire shapes of {@code /v1/convai/knowledge-base} (the OpenAPI's model names in each record's comment). */
public final class DocumentViews {
    private DocumentViews() {}

    /** Every document can be put into the prompt or retrieved (RAG). */
    static final List<String> SUPPORTED_USAGES = List.of("prompt", "auto");

    /** {@code AddKnowledgeBaseResponseModel}. */
    public record Added(String id, String name) {}

    /** {@code KnowledgeBaseDocumentMetadataResponseModel}. */
    public record Metadata(long createdAtUnixSecs, long lastUpdatedAtUnixSecs, long sizeBytes) {}

    /** {@code ResourceAccessInfo}: a single-user server, so the caller is always the creator and admin. */
    public record AccessInfo(boolean isCreator, String creatorName, String creatorEmail, String role) {}

    /**
     * {@code GetKnowledgeBase{URL,File,Text}ResponseModel}: {@code url} only for type url; {@code filename} only for
     * type file (not in this OpenAPI, but the current SDKs require it there).
     */
    public record Document(String id, String name, Metadata metadata, List<String> supportedUsages, AccessInfo accessInfo,
                           String extractedInnerHtml, String type, @JsonInclude(JsonInclude.Include.NON_NULL) String url,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String filename) {}

    /** {@code GetKnowledgeBaseSummary{URL,File,Text}ResponseModel}. */
    public record Summary(String id, String name, Metadata metadata, List<String> supportedUsages, AccessInfo accessInfo,
                          List<JsonNode> dependentAgents, String type, @JsonInclude(JsonInclude.Include.NON_NULL) String url) {}

    /** {@code GetKnowledgeBaseListResponseModel}. */
    public record Page(List<Summary> documents, String nextCursor, boolean hasMore) {}

    /** {@code GetKnowledgeBaseDependentAgentsResponseModel}: {@code DependentAvailableAgentIdentifier}s. */
    public record DependentAgents(List<JsonNode> agents, String nextCursor, boolean hasMore) {}

    /** {@code KnowledgeBaseDocumentChunkResponseModel}: {@code name} is the document's. */
    public record Chunk(String id, String name, String content) {}

    /** {@code GetAgentKnowledgebaseSizeResponseModel}. */
    public record AgentSize(double numberOfPages) {}
}
