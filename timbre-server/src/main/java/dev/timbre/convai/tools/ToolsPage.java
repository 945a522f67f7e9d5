package dev.timbre.convai.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code ToolsResponseModel}: every tool on one page ({@code has_more} is required by the SDK). */
public record ToolsPage(List<ToolResponse> tools, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor, boolean hasMore) {
    public ToolsPage(List<ToolResponse> tools) {
        this(tools, null, false);
    }
}
