package dev.timbre.abuse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Malformed JSON bodies for an operation: broken syntax, deep nesting, each field with the wrong type, huge values. */
final class JsonAbuse {
    private static final List<String> WRONG = List.of("null", "1", "-1", "1e999", "true", "\"\"", "\"x\"", "[]", "{}", "[1,2,3]",
            "{\"a\":{\"b\":[null]}}", "\"\\u0000\"", "\"\\ud83d\"", "123456789012345678901234567890", "-0", "0.0000001");

    private JsonAbuse() {}

    static byte[] broken(Random random, SpecOperation op) {
        String valid = new String(wrongTypes(random, op), StandardCharsets.UTF_8);
        String out = switch (random.nextInt(5)) {
            case 0 -> valid.substring(0, random.nextInt(Math.max(1, valid.length())));
            case 1 -> valid.replace(':', ',');
            case 2 -> "{\"text\": \"unterminated";
            case 3 -> "\u00ff\u00fe{" + valid;
            default -> valid + "}}}garbage";
        };
        return out.getBytes(random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.UTF_16);
    }

    /** Arrays or objects nested up to 100,000 deep (up to 500 KB), closed or not. */
    static byte[] nested(Random random) {
        int depth = List.of(100, 1_000, 5_000, 20_000, 100_000).get(random.nextInt(5));
        boolean objects = random.nextBoolean();
        StringBuilder s = new StringBuilder(depth * 7);
        for (int i = 0; i < depth; i++) s.append(objects ? "{\"a\":" : "[");
        if (random.nextBoolean()) {
            s.append('1');
            for (int i = 0; i < depth; i++) s.append(objects ? '}' : ']');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Each known field (or a few invented ones) set to a value of another type than the document declares. */
    static byte[] wrongTypes(Random random, SpecOperation op) {
        Map<String, String> fields = op.bodyFields().isEmpty() ? Map.of("text", "string", "name", "string", "conversation_config", "object") : op.bodyFields();
        StringBuilder s = new StringBuilder("{");
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (random.nextInt(4) == 0) continue;
            if (s.length() > 1) s.append(',');
            s.append('"').append(f.getKey()).append("\":").append(wrongFor(random, f.getValue()));
        }
        return s.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A body around 120 KB (a long string in one field) or 12 MB (past the server's body limit). */
    static byte[] oversized(Random random, SpecOperation op) {
        String field = op.bodyFields().isEmpty() ? "text" : op.bodyFields().keySet().iterator().next();
        int size = random.nextInt(40) == 0 ? 12 << 20 : 120_000;
        return ("{\"" + field + "\":\"" + "\u00e9a ".repeat(size / 4) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String wrongFor(Random random, String declared) {
        for (int i = 0; i < 4; i++) {
            String v = WRONG.get(random.nextInt(WRONG.size()));
            boolean same = switch (declared) {
                case "string" -> v.startsWith("\"");
                case "array" -> v.startsWith("[");
                case "object" -> v.startsWith("{");
                case "boolean" -> v.equals("true");
                default -> false;
            };
            if (!same) return v;
        }
        return "null";
    }
}
