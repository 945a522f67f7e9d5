package dev.timbre.convai.llmusage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The price table ({@code llm-prices.tsv} next to this class): per LLM of the OpenAPI's enum, USD per million input
 * and output tokens, or a fixed USD per minute. Immutable once loaded.
 */
public final class LlmPrices {
    /** One row; {@code perMinute} is null for token-priced models, the token prices null otherwise. */
    public record Price(String llm, Double inputPerMillion, Double outputPerMillion, Double perMinute) {}

    private final List<Price> prices;

    private LlmPrices(List<Price> prices) {
        this.prices = List.copyOf(prices);
    }

    /** The table shipped with the server, in the enum's order. */
    public static LlmPrices bundled() {
        try (InputStream in = LlmPrices.class.getResourceAsStream("llm-prices.tsv")) {
            if (in == null) throw new IllegalStateException("llm-prices.tsv is missing from the class path");
            List<Price> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length != 4) throw new IllegalStateException("llm-prices.tsv: bad row: " + line);
                out.add(new Price(f[0], number(f[1]), number(f[2]), number(f[3])));
            }
            return new LlmPrices(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Price> all() {
        return prices;
    }

    private static Double number(String s) {
        return s.equals("-") ? null : Double.valueOf(s);
    }
}
