package dev.timbre.convai.knowledgebase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.common.Ids;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.knowledgebase.extract.DocumentFiles;
import dev.timbre.convai.knowledgebase.extract.Extracted;
import dev.timbre.convai.knowledgebase.extract.ExtractionException;
import dev.timbre.convai.knowledgebase.extract.ExtractionLimits;
import dev.timbre.convai.tools.AgentReference;
import dev.timbre.convai.tools.DependentAgentsPage;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Knowledge-base documents: create (text, file, URL: extracted, chunked and stored whole), read, list, rename, delete
 * (refused while agents use the document unless forced, which also removes it from those agents), content, chunks.
 * Thread-safe; blocking (extraction, database, the URL fetch).
 */
public final class KnowledgeBaseService {
    public static final int MAX_PAGE_SIZE = 100;

    private final KnowledgeBaseRepository repository;
    private final AgentsService agents;
    private final UrlPages pages;
    private final ExtractionLimits limits;
    private final String userId;
    private final DocumentViews.AccessInfo accessInfo;
    private final Clock clock;

    public KnowledgeBaseService(KnowledgeBaseRepository repository, AgentsService agents, UrlPages pages, ExtractionLimits limits,
                                String userId, String creatorName, Clock clock) {
        this.repository = repository;
        this.agents = agents;
        this.pages = pages;
        this.limits = limits;
        this.userId = userId;
        this.accessInfo = new DocumentViews.AccessInfo(true, creatorName, "", "admin");
        this.clock = clock;
    }

    public DocumentViews.Added createText(String text, String name) {
        Extracted e = extracted(() -> DocumentFiles.text(text, limits));
        return store("text", name != null ? name : defaultName(e.text()), null, null, "text/plain", e);
    }

    public DocumentViews.Added createFile(String filename, String contentType, byte[] data, String name) {
        Extracted e = extracted(() -> DocumentFiles.extract(filename, contentType, data, limits));
        String fallback = filename != null && !filename.isBlank() ? filename : e.title() != null ? e.title() : defaultName(e.text());
        return store("file", name != null ? name : fallback, null, filename != null && !filename.isBlank() ? filename : fallback,
                DocumentFiles.mimeType(filename, contentType), e);
    }

    public DocumentViews.Added createUrl(String url, String name) {
        Extracted e = pages.fetch(url, limits);
        return store("url", name != null ? name : e.title() != null ? e.title() : url, url.strip(), null, "text/html", e);
    }

    public DocumentViews.Document get(String documentId) {
        StoredDocument d = stored(documentId);
        return new DocumentViews.Document(d.documentId(), d.name(), metadata(d), DocumentViews.SUPPORTED_USAGES, accessInfo,
                d.extractedInnerHtml(), d.type(), "url".equals(d.type()) ? d.url() : null,
                "file".equals(d.type()) ? (d.filename() != null ? d.filename() : d.name()) : null);
    }

    /** The stored document for other areas (prompt documents, RAG); empty when there is none. */
    public java.util.Optional<StoredDocument> find(String documentId) {
        return repository.find(documentId);
    }

    public DocumentViews.Page list(DocumentQuery q) {
        List<StoredDocument> rows = repository.list(q);
        boolean more = rows.size() > q.pageSize();
        if (more) rows = rows.subList(0, q.pageSize());
        java.util.Map<String, List<JsonNode>> users = dependentsOfAll();
        List<DocumentViews.Summary> docs = rows.stream().map(d -> new DocumentViews.Summary(d.documentId(), d.name(), metadata(d),
                DocumentViews.SUPPORTED_USAGES, accessInfo, users.getOrDefault(d.documentId(), List.of()), d.type(),
                "url".equals(d.type()) ? d.url() : null)).toList();
        return new DocumentViews.Page(docs, more ? Integer.toString(q.offset() + q.pageSize()) : null, more);
    }

    public DocumentViews.Document rename(String documentId, String name) {
        stored(documentId);
        if (!repository.rename(documentId, clip(printable(name)), clock.instant().getEpochSecond())) throw notFound(documentId);
        return get(documentId);
    }

    /**
     * Deletes the document. Without {@code force}, a document that agents use is refused (400
     * {@code document_in_use}, naming them); with it, the document's locators are first removed from those agents.
     */
    public void delete(String documentId, boolean force) {
        stored(documentId);
        List<AgentReference> using = agentsUsing(documentId, 0, Integer.MAX_VALUE);
        if (!using.isEmpty() && !force) {
            throw ApiException.badRequest("document_in_use", "Document with id '" + documentId + "' is used by agents: "
                    + String.join(", ", using.stream().map(a -> a.name() + " (" + a.agentId() + ")").toList())
                    + ". Remove it from them first, or delete with force=true.");
        }
        for (AgentReference a : using) {
            ObjectNode patch = Json.MAPPER.createObjectNode();
            patch.putObject("conversation_config").putObject("agent").putObject("prompt")
                    .set("knowledge_base", Locators.without(a.config(), documentId));
            agents.update(a.agentId(), patch);
        }
        if (!repository.delete(documentId)) throw notFound(documentId);
    }

    /** Agents whose locators name the document, in creation order; the cursor is the last agent's creation sequence. */
    public DocumentViews.DependentAgents dependentAgents(String documentId, String cursor, int pageSize) {
        stored(documentId);
        List<AgentReference> found = agentsUsing(documentId, DependentAgentsPage.afterSeq(cursor), pageSize + 1);
        boolean more = found.size() > pageSize;
        List<AgentReference> page = more ? found.subList(0, pageSize) : found;
        return new DocumentViews.DependentAgents(page.stream().map(a -> (JsonNode) a.identifier()).toList(),
                more ? Long.toString(page.get(page.size() - 1).seq()) : null, more);
    }

    /** The extracted content as HTML ({@code GET …/content}). */
    public String content(String documentId) {
        return stored(documentId).extractedInnerHtml();
    }

    public DocumentViews.Chunk chunk(String documentId, String chunkId) {
        StoredDocument d = stored(documentId);
        StoredChunk c = repository.chunk(documentId, chunkId).orElseThrow(() -> ApiException.notFound("chunk_not_found",
                "Chunk with id '" + chunkId + "' not found in document '" + documentId + "'"));
        return new DocumentViews.Chunk(c.chunkId(), d.name(), c.content());
    }

    private DocumentViews.Added store(String type, String name, String url, String filename, String mimeType, Extracted e) {
        long now = clock.instant().getEpochSecond();
        String id = Ids.random();
        String shortName = clip(printable(name));
        StoredDocument d = new StoredDocument(id, shortName, type, url, mimeType, e.text(), e.html(),
                e.text().getBytes(StandardCharsets.UTF_8).length, userId, now, now, clip(printable(filename)));
        List<StoredChunk> chunks = new ArrayList<>();
        List<String> parts = Chunks.split(e.text());
        for (int i = 0; i < parts.size(); i++) chunks.add(new StoredChunk(id + "_" + i, id, i, parts.get(i)));
        repository.insert(d, chunks);
        return new DocumentViews.Added(id, shortName);
    }

    /** Agents that use the document, in creation order, after {@code afterSeq}, at most {@code limit}. */
    private List<AgentReference> agentsUsing(String documentId, long afterSeq, int limit) {
        List<AgentReference> found = new ArrayList<>();
        int batchSize = 200;
        while (found.size() < limit) {
            List<AgentReference> batch = repository.agentsMentioning(documentId, afterSeq, batchSize);
            batch.stream().filter(a -> Locators.uses(a.config(), documentId)).limit(limit - found.size()).forEach(found::add);
            if (batch.size() < batchSize) break;
            afterSeq = batch.get(batch.size() - 1).seq();
        }
        return found;
    }

    /** Document id → identifiers of the agents that use it, for the list. */
    private java.util.Map<String, List<JsonNode>> dependentsOfAll() {
        java.util.Map<String, List<JsonNode>> out = new java.util.HashMap<>();
        long after = 0;
        int batchSize = 200;
        while (true) {
            List<AgentReference> batch = repository.agentsMentioning("knowledge_base", after, batchSize);
            for (AgentReference a : batch) {
                for (String id : Locators.of(a.config()).stream().map(l -> l.get("id").asText()).distinct().toList()) {
                    out.computeIfAbsent(id, k -> new ArrayList<>()).add(a.identifier());
                }
            }
            if (batch.size() < batchSize) return out;
            after = batch.get(batch.size() - 1).seq();
        }
    }

    

    private DocumentViews.Metadata metadata(StoredDocument d) {
        return new DocumentViews.Metadata(d.createdAtUnix(), d.updatedAtUnix(), d.sizeBytes());
    }

    StoredDocument stored(String documentId) {
        return repository.find(documentId).orElseThrow(() -> notFound(documentId));
    }

    static ApiException notFound(String documentId) {
        return ApiException.notFound("document_not_found", "Document with id '" + documentId + "' not found");
    }

    /** Without control characters (PostgreSQL text cannot hold NUL); null stays null. */
    private static String printable(String s) {
        return s == null ? null : s.replaceAll("[\\x00-\\x1F\\x7F]", " ");
    }

    /** At most 1,000 characters, the name columns' size. */
    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private static String defaultName(String text) {
        String first = text.strip().split("\n", 2)[0];
        return first.length() > 50 ? first.substring(0, 50).strip() + "…" : first;
    }

    private interface Extraction {
        Extracted run() throws ExtractionException;
    }

    /** Runs an extraction; a refused source is a 400 (413 when over a bound). */
    private static Extracted extracted(Extraction extraction) {
        try {
            return extraction.run();
        } catch (ExtractionException e) {
            throw refused(e);
        }
    }

    static ApiException refused(ExtractionException e) {
        return switch (e.kind()) {
            case TOO_LARGE -> ApiException.tooLarge(e.getMessage());
            case UNSUPPORTED -> ApiException.badRequest("unsupported_file_type", e.getMessage());
            case EMPTY -> ApiException.badRequest("document_empty", e.getMessage());
            case UNREADABLE -> ApiException.badRequest("document_unreadable", e.getMessage());
        };
    }
}
