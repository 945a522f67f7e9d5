package dev.timbre.convai.postcall;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * A model's answer for a data collection item as the item's type: {@code string} (any scalar as text), {@code number}
 * (a double), {@code integer} (a long; a whole-valued number or numeric text is accepted), {@code boolean} (also
 * {@code "true"/"false"/"yes"/"no"}). JSON null or a missing value is a valid "not found" (empty); anything else that
 * does not fit the type is invalid.
 */
final class DataValues {
    /** The typed value; {@code value} null means "not in the conversation". */
    record Typed(Object value) {}

    private DataValues() {}

    /** Empty when {@code v} does not fit {@code type}. */
    static Optional<Typed> typed(JsonNode v, String type) {
        if (v == null || v.isNull() || v.isMissingNode()) return Optional.of(new Typed(null));
        if (v.isContainerNode()) return Optional.empty();
        String text = v.asText().strip();
        switch (type) {
            case "string":
                return Optional.of(new Typed(v.asText()));
            case "boolean":
                if (v.isBoolean()) return Optional.of(new Typed(v.booleanValue()));
                return switch (text.toLowerCase(Locale.ROOT)) {
                    case "true", "yes" -> Optional.of(new Typed(true));
                    case "false", "no" -> Optional.of(new Typed(false));
                    default -> Optional.empty();
                };
            case "number":
                return decimal(v, text).map(d -> new Typed(d.doubleValue()));
            case "integer":
                return decimal(v, text).flatMap(d -> {
                    try {
                        return Optional.of(new Typed(d.longValueExact()));
                    } catch (ArithmeticException e) {
                        return Optional.empty();
                    }
                });
            default:
                return Optional.empty();
        }
    }

    private static Optional<BigDecimal> decimal(JsonNode v, String text) {
        if (v.isNumber()) return Optional.of(v.decimalValue());
        if (!v.isTextual()) return Optional.empty();
        try {
            return Optional.of(new BigDecimal(text.replace(",", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
