package dev.timbre.convai.knowledgebase;

import java.util.List;

/**
 * The list's filters and order: {@code search} a name prefix (null for all), {@code types} empty for all,
 * {@code sortBy} name | created_at | updated_at | size, {@code offset} from the cursor.
 */
public record DocumentQuery(String search, List<String> types, String sortBy, boolean ascending, int offset, int pageSize) {}
