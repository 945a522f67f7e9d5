package dev.timbre.user;

import java.util.List;
import java.util.Map;

/** {@code UsageCharactersResponseModel}: bucket start times (UTC ms) and, per breakdown label, one value per bucket. */
public record CharacterStatsResponse(List<Long> time, Map<String, List<Double>> usage) {}
