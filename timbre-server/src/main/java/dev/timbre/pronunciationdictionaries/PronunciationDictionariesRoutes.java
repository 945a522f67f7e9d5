package dev.timbre.pronunciationdictionaries;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.http.ApiException;
import dev.timbre.http.JsonBody;
import dev.timbre.http.MultipartForm;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** {@code /v1/pronunciation-dictionaries}: add from file or rules, list, get, update, add/remove rules, download. */
public final class PronunciationDictionariesRoutes implements EndpointGroup {
    private final PronunciationDictionariesService service;
    private final long maxUploadBytes;

    public PronunciationDictionariesRoutes(PronunciationDictionariesService service, long maxUploadBytes) {
        this.service = service;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public void addEndpoints() {
        get(this::list);
        post("/add-from-file", this::addFromFile);
        post("/add-from-rules", ctx -> ctx.json(service.createFromRules(JsonBody.read(ctx, DictionaryRequests.FromRules.class))));
        get("/{pronunciation_dictionary_id}", ctx -> ctx.json(service.get(id(ctx, "pronunciation_dictionary_id"))));
        patch("/{pronunciation_dictionary_id}", ctx -> ctx.json(service.update(id(ctx, "pronunciation_dictionary_id"),
                ctx.body().isBlank() ? new DictionaryRequests.Update(null, null) : JsonBody.read(ctx, DictionaryRequests.Update.class))));
        post("/{pronunciation_dictionary_id}/add-rules", ctx -> ctx.json(service.addRules(id(ctx, "pronunciation_dictionary_id"),
                JsonBody.read(ctx, DictionaryRequests.AddRules.class).rules())));
        post("/{pronunciation_dictionary_id}/remove-rules", ctx -> ctx.json(service.removeRules(id(ctx, "pronunciation_dictionary_id"),
                JsonBody.read(ctx, DictionaryRequests.RemoveRules.class).ruleStrings())));
        get("/{dictionary_id}/{version_id}/download", this::download);
    }

    private void list(Context ctx) {
        int pageSize = Params.queryInt(ctx, "page_size", 30, 1, PronunciationDictionariesService.MAX_PAGE_SIZE);
        boolean byName = Params.queryEnum(ctx, "sort", Set.of("creation_time_unix", "name")).map("name"::equals).orElse(false);
        boolean ascending = Params.query(ctx, "sort_direction").map(d -> switch (d.toLowerCase(java.util.Locale.ROOT)) {
            case "ascending", "asc" -> true;
            case "descending", "desc" -> false;
            default -> throw ApiException.invalid("Input should be 'ascending' or 'descending'", "enum", "query", "sort_direction");
        }).orElse(false);
        ctx.json(service.list(Params.query(ctx, "cursor").orElse(null), pageSize, byName, ascending));
    }

    private void addFromFile(Context ctx) {
        MultipartForm form = MultipartForm.read(ctx, maxUploadBytes);
        String name = form.required("name");
        List<MultipartForm.File> files = form.files("file");
        List<PronunciationRule> rules = files.isEmpty() ? List.of() : PlsLexicon.parse(files.get(0).data());
        ctx.json(service.create(name, form.field("description").orElse(null), rules));
    }

    private void download(Context ctx) {
        String dictionary = id(ctx, "dictionary_id");
        String version = Params.id(ctx, "version_id", "pronunciation_dictionary_version_not_found", "Pronunciation dictionary version");
        String pls = service.download(dictionary, version);
        ctx.header("Content-Disposition", "attachment; filename=\"" + dictionary + "_" + version + ".pls\"");
        ctx.contentType("text/plain; charset=utf-8");
        ctx.result(pls.getBytes(StandardCharsets.UTF_8));
    }

    private static String id(Context ctx, String name) {
        return Params.id(ctx, name, "pronunciation_dictionary_not_found", "Pronunciation dictionary");
    }
}
