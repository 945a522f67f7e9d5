package dev.timbre.user;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Reads {@code character_usage} summed into fixed-size time buckets and one breakdown dimension. Thread-safe. */
public final class CharacterStatsRepository {
    /** The breakdowns this table can answer, as SQL over its columns (never caller text). */
    static final Map<String, String> DIMENSIONS = Map.of(
            "none", "'All'",
            "voice", "COALESCE(voice_id, 'none')",
            "model", "COALESCE(model_id, 'none')",
            "api_keys", "COALESCE(api_key_id, 'none')",
            "all_api_keys", "COALESCE(api_key_id, 'none')",
            "product_type", "product",
            "has_api_key", "CASE WHEN api_key_id IS NULL THEN 'false' ELSE 'true' END");

    private final Jdbi jdbi;

    public CharacterStatsRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One bucket's total for one label; bucket i starts at {@code origin + i * bucketMs}. */
    public record Cell(long bucket, String label, long value) {}

    /**
     * Sums (characters, or charges with {@code countCharges}) of the charges in {@code [fromMs, toMs]}.
     *
     * @param breakdown a key of {@link #DIMENSIONS}
     */
    public List<Cell> cells(long fromMs, long toMs, long bucketMs, String breakdown, boolean countCharges) {
        String label = DIMENSIONS.get(breakdown);
        if (label == null) throw new IllegalArgumentException("unknown breakdown " + breakdown);
        String value = countCharges ? "1" : "characters";
        return jdbi.withHandle(h -> h.createQuery("SELECT bucket, label, SUM(v) AS total FROM (SELECT (date_ms - :from) / :size AS bucket, "
                        + label + " AS label, " + value + " AS v FROM character_usage WHERE date_ms >= :from AND date_ms <= :to) t "
                        + "GROUP BY bucket, label")
                .bind("from", fromMs).bind("to", toMs).bind("size", bucketMs)
                .map((rs, ctx) -> new Cell(rs.getLong(1), rs.getString(2), rs.getLong(3))).list());
    }
}
