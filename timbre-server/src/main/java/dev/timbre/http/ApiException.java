package dev.timbre.http;

import java.util.List;

/**
 * A request that ends in an ElevenLabs error body. {@code status} is the HTTP status; {@code code} goes to
 * {@code detail.status}; validation errors carry {@code violations} and are written as the 422 list shape.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final List<Violation> violations;
    private final Integer retryAfterSeconds;

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of(), null);
    }

    private ApiException(int status, String code, String message, List<Violation> violations, Integer retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.violations = violations;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429: the server is at capacity; the response carries {@code Retry-After}. */
    public static ApiException busy(String code, String message, int retryAfterSeconds) {
        return new ApiException(429, code, message, List.of(), retryAfterSeconds);
    }

    /** Seconds for a {@code Retry-After} header, or null for none. */
    public Integer retryAfterSeconds() { return retryAfterSeconds; }

    /** One entry of a 422 {@code detail} list: where ({@code loc}), what ({@code msg}), which kind ({@code type}). */
    public record Violation(List<Object> loc, String msg, String type) {
        /** A violation in the request body: {@code loc} is {@code ["body", …loc]}. */
        public static Violation inBody(String msg, String type, Object... loc) {
            List<Object> where = new java.util.ArrayList<>(loc.length + 1);
            where.add("body");
            where.addAll(List.of(loc));
            return new Violation(where, msg, type);
        }
    }

    public static ApiException validation(List<Violation> violations) {
        return new ApiException(422, "validation_error", violations.isEmpty() ? "Validation error" : violations.get(0).msg(), List.copyOf(violations), null);
    }

    public static ApiException invalid(String msg, String type, Object... loc) {
        return validation(List.of(new Violation(List.of(loc), msg, type)));
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException unauthorized(String code, String message) {
        return new ApiException(401, code, message);
    }

    public static ApiException forbidden(String code, String message) {
        return new ApiException(403, code, message);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(413, "payload_too_large", message);
    }

    public int status() { return status; }

    public String code() { return code; }

    public List<Violation> violations() { return violations; }

    public boolean isValidation() { return !violations.isEmpty(); }
}
