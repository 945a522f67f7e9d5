package dev.timbre.convai.tools;

import java.util.List;

/** {@code ToolsResponseModel}. */
public record ToolsPage(List<ToolResponse> tools) {}
