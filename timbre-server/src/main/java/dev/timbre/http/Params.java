package dev.timbre.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads query and form parameters and path ids, turning bad values into 422 violations with a FastAPI-style
 * {@code loc} such as {@code ["query","page_size"]}.
 */
public final class Params {
    private Params() {}

    public static Optional<String> query(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    public static List<String> queryAll(Context ctx, String name) {
        return ctx.queryParams(name).stream().filter(s -> !s.isEmpty()).toList();
    }

    public static int queryInt(Context ctx, String name, int dflt, int min, int max) {
        return query(ctx, name).map(v -> parseInt(v, min, max, "query", name)).orElse(dflt);
    }

    public static Optional<Long> queryLong(Context ctx, String name) {
        return query(ctx, name).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw ApiException.invalid("Input should be a valid integer, unable to parse string as an integer", "int_parsing", "query", name);
            }
        });
    }

    public static boolean queryBool(Context ctx, String name, boolean dflt) {
        return query(ctx, name).map(v -> parseBool(v, "query", name)).orElse(dflt);
    }

    public static Optional<String> queryEnum(Context ctx, String name, Set<String> allowed) {
        return query(ctx, name).map(v -> oneOf(v, allowed, "query", name));
    }

    public static String oneOf(String v, Set<String> allowed, String where, String name) {
        if (!allowed.contains(v)) {
            throw ApiException.invalid("Input should be " + String.join(", ", allowed.stream().sorted().map(s -> "'" + s + "'").toList()), "enum", where, name);
        }
        return v;
    }

    public static int parseInt(String v, int min, int max, String where, String name) {
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("Input should be a valid integer, unable to parse string as an integer", "int_parsing", where, name);
        }
        if (n < min) throw ApiException.invalid("Input should be greater than or equal to " + min, "greater_than_equal", where, name);
        if (n > max) throw ApiException.invalid("Input should be less than or equal to " + max, "less_than_equal", where, name);
        return n;
    }

    public static boolean parseBool(String v, String where, String name) {
        return switch (v.trim().toLowerCase()) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw ApiException.invalid("Input should be a valid boolean, unable to interpret input", "bool_parsing", where, name);
        };
    }

    /** A path id that is safe to use in storage keys; anything else cannot name an item, so it is a 404. */
    public static String id(Context ctx, String name, String notFoundCode, String what) {
        String id = ctx.pathParam(name);
        if (!dev.timbre.common.Ids.isSafe(id)) throw ApiException.notFound(notFoundCode, what + " '" + abbreviate(id) + "' not found");
        return id;
    }

    private static String abbreviate(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
