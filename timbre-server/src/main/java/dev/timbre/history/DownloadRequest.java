package dev.timbre.history;

import java.util.List;

/** Body of {@code POST /v1/history/download}. {@code output_format}: null or {@code default} keeps the stored audio; {@code wav} transcodes. */
public record DownloadRequest(List<String> historyItemIds, String outputFormat) {}
