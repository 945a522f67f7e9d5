package dev.timbre.studio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.http.MultipartForm;
import dev.timbre.http.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the multipart form of {@code POST /v1/studio/projects} into a {@link NewProject}; 422 for bad fields. */
final class ProjectForms {
    private static final Set<String> AUDIENCES = Set.of("children", "young adult", "adult", "all ages");
    private static final Set<String> FICTION = Set.of("fiction", "non-fiction");
    private static final Set<String> SOURCE_TYPES = Set.of("blank", "book", "article", "genfm", "video");

    private ProjectForms() {}

    static NewProject create(MultipartForm form) {
        String name = form.required("name");
        String preset = form.field("quality_preset").map(v -> Params.oneOf(v, StudioService.QUALITY_PRESETS, "body", "quality_preset"))
                .orElse("standard");
        String textNorm = form.field("apply_text_normalization")
                .map(v -> Params.oneOf(v, StudioService.TEXT_NORMALIZATION, "body", "apply_text_normalization")).orElse("auto");
        var details = new ProjectDetails(opt(form, "title"), opt(form, "author"), opt(form, "description"),
                form.values("genres", "genres[]"),
                form.field("target_audience").map(v -> Params.oneOf(v, AUDIENCES, "body", "target_audience")).orElse(null),
                opt(form, "language"), opt(form, "content_type"), opt(form, "original_publication_date"),
                form.field("mature_content").map(v -> Params.parseBool(v, "body", "mature_content")).orElse(false),
                opt(form, "isbn_number"),
                form.field("fiction").map(v -> Params.oneOf(v, FICTION, "body", "fiction")).orElse(null),
                form.field("source_type").map(v -> Params.oneOf(v, SOURCE_TYPES, "body", "source_type")).orElse(null),
                form.bool("acx_volume_normalization", false), opt(form, "callback_url"));
        form.bool("auto_assign_voices", false);
        return new NewProject(name, opt(form, "default_title_voice_id"), opt(form, "default_paragraph_voice_id"),
                opt(form, "default_model_id"), opt(form, "from_url"), document(form, "from_document"), opt(form, "from_content_json"),
                preset, details, form.bool("volume_normalization", false) || form.bool("acx_volume_normalization", false),
                locators(form.values("pronunciation_dictionary_locators", "pronunciation_dictionary_locators[]")), textNorm,
                form.bool("auto_convert", false), null);
    }

    /** The uploaded file of {@code field}, or null (an empty part, as the docs' examples send, counts as none). */
    static NewProject.Document document(MultipartForm form, String field) {
        return form.files(field).stream().filter(f -> f.data().length > 0).findFirst()
                .map(f -> new NewProject.Document(f.filename(), f.contentType(), f.data())).orElse(null);
    }

    static String opt(MultipartForm form, String field) {
        return form.field(field).filter(v -> !v.isBlank()).orElse(null);
    }

    /** Each value a JSON locator {@code {"pronunciation_dictionary_id", "version_id"}}. */
    static List<StudioViews.Locator> locators(List<String> values) {
        List<StudioViews.Locator> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            try {
                JsonNode n = Json.MAPPER.readTree(values.get(i));
                if (n == null || !n.isObject() || !n.path("pronunciation_dictionary_id").isTextual()) throw new java.io.IOException("shape");
                out.add(new StudioViews.Locator(n.get("pronunciation_dictionary_id").asText(),
                        n.path("version_id").isTextual() ? n.get("version_id").asText() : null));
            } catch (java.io.IOException e) {
                throw ApiException.invalid("Each locator must be a JSON object with pronunciation_dictionary_id and version_id",
                        "value_error", "body", "pronunciation_dictionary_locators", i);
            }
        }
        return out;
    }

    /** JSON locators of the dictionaries endpoint. */
    static List<StudioViews.Locator> locators(JsonNode list) {
        if (list == null || !list.isArray()) throw ApiException.invalid("Field required", "missing", "body", "pronunciation_dictionary_locators");
        List<StudioViews.Locator> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            if (!n.path("pronunciation_dictionary_id").isTextual()) {
                throw ApiException.invalid("Field required", "missing", "body", "pronunciation_dictionary_locators", i, "pronunciation_dictionary_id");
            }
            out.add(new StudioViews.Locator(n.get("pronunciation_dictionary_id").asText(),
                    n.path("version_id").isTextual() ? n.get("version_id").asText() : null));
        }
        return out;
    }
}
