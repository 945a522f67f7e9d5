package dev.timbre.voices;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The filters, order and page of {@code GET /v2/voices}, applied to the full voice list. Order is total (ties broken
 * by voice id), so the offset in {@code next_page_token} visits every voice exactly once while the list is unchanged.
 *
 * @param sort {@code name} or {@code created_at_unix} (default; premade voices, which have no creation time, count as oldest)
 * @param descending default: descending for {@code created_at_unix}, ascending for {@code name}
 * @param voiceType {@code default} = premade only; {@code personal}, {@code workspace}, {@code non-default} = all
 *                  but premade; {@code community} = none (there is no voice library)
 * @param fineTuningState applies to professional voices only; others pass, and there are none
 * @param collectionId collections do not exist here, so any value matches nothing
 * @param offset where the page starts: the decoded {@code next_page_token}
 */
public record VoiceSearch(String search, String sort, boolean descending, String voiceType, String category,
                          String fineTuningState, String collectionId, List<String> voiceIds, int pageSize, int offset) {

    public static final Set<String> SORTS = Set.of("created_at_unix", "name");
    public static final Set<String> DIRECTIONS = Set.of("asc", "desc");
    public static final Set<String> VOICE_TYPES = Set.of("personal", "community", "default", "workspace", "non-default");
    public static final Set<String> CATEGORIES = Set.of("premade", "cloned", "generated", "professional");
    public static final Set<String> FINE_TUNING_STATES = Set.of("draft", "not_verified", "not_started", "queued", "fine_tuning",
            "fine_tuned", "failed", "delayed");

    public VoicePages.Page apply(List<VoiceResponse> all) {
        java.util.Map<String, Integer> rank = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i++) rank.putIfAbsent(all.get(i).voiceId(), i);
        List<VoiceResponse> matching = all.stream().filter(this::matches).sorted(order(rank)).toList();
        int from = Math.min(offset, matching.size());
        int to = Math.min(from + pageSize, matching.size());
        boolean more = to < matching.size();
        return new VoicePages.Page(matching.subList(from, to), more, matching.size(), more ? Integer.toString(to) : null);
    }

    boolean matches(VoiceResponse v) {
        boolean premade = v.category().equals("premade");
        if (voiceType != null) {
            boolean ok = switch (voiceType) {
                case "default" -> premade;
                case "community" -> false;
                default -> !premade;
            };
            if (!ok) return false;
        }
        if (category != null && !category.equals(v.category())) return false;
        if (fineTuningState != null && v.category().equals("professional")
                && !v.fineTuning().state().containsValue(fineTuningState)) return false;
        if (collectionId != null) return false;
        if (voiceIds != null && !voiceIds.isEmpty() && !voiceIds.contains(v.voiceId())) return false;
        return search == null || searchable(v).contains(search.toLowerCase(Locale.ROOT));
    }

    private static String searchable(VoiceResponse v) {
        StringBuilder b = new StringBuilder(v.name()).append('\n').append(v.category());
        if (v.description() != null) b.append('\n').append(v.description());
        v.labels().forEach((k, val) -> b.append('\n').append(k).append('\n').append(val));
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** By the sort key; ties (premade voices have no creation time) keep the listing's order (default voice first). */
    private Comparator<VoiceResponse> order(java.util.Map<String, Integer> rank) {
        Comparator<VoiceResponse> primary = sort.equals("name")
                ? Comparator.comparing((VoiceResponse v) -> v.name().toLowerCase(Locale.ROOT)).thenComparing(VoiceResponse::name)
                : Comparator.comparing(VoiceResponse::createdAtUnix, Comparator.nullsFirst(Comparator.naturalOrder()));
        if (descending) primary = primary.reversed();
        return primary.thenComparing(v -> rank.getOrDefault(v.voiceId(), Integer.MAX_VALUE));
    }
}
