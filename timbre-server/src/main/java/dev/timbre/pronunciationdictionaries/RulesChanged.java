package dev.timbre.pronunciationdictionaries;

/** {@code PronunciationDictionaryRulesResponseModel}: the version a rules change made. */
public record RulesChanged(String id, String versionId, int versionRulesNum) {}
