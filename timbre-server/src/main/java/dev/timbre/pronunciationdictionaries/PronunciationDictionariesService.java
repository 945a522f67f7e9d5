package dev.timbre.pronunciationdictionaries;

import dev.timbre.common.Ids;
import dev.timbre.http.ApiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pronunciation dictionaries as use cases: create (from rules or a PLS file), list, get, rename/archive, add and remove
 * rules (each a new version), download a version, and {@link #resolve} the locators of a synthesis. Thread-safe.
 */
public final class PronunciationDictionariesService {
    /** At most this many dictionaries per synthesis, as ElevenLabs allows. */
    public static final int MAX_LOCATORS = 3;
    static final int MAX_PAGE_SIZE = 100;
    private static final String OWNER = "admin";

    private final PronunciationDictionaryRepository repository;
    private final String userId;
    private final Clock clock;
    /**
     * Versions never change, so the compiled rules of a list of versions are kept for the syntheses that name them
     * again (every sentence of a socket or an agent): the 64 most recently used lists.
     */
    private final Map<List<String>, Pronunciations> compiled = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<String>, Pronunciations> eldest) {
                    return size() > CACHE_SIZE;
                }
            });
    private static final int CACHE_SIZE = 64;

    public PronunciationDictionariesService(PronunciationDictionaryRepository repository, String userId, Clock clock) {
        this.repository = repository;
        this.userId = userId;
        this.clock = clock;
    }

    /** One dictionary version named by a request. */
    public record Locator(String pronunciationDictionaryId, String versionId) {}

    AddedDictionary create(String name, String description, List<PronunciationRule> rules) {
        if (name == null || name.isBlank()) throw ApiException.invalid("Field required", "missing", "body", "name");
        if (rules.size() > PlsLexicon.MAX_RULES) throw tooManyRules();
        long now = clock.instant().getEpochSecond();
        var stored = new PronunciationDictionaryRepository.Stored(Ids.random(), name, description, userId, now, null, Ids.random(), rules.size());
        repository.create(stored, rules);
        return new AddedDictionary(stored.id(), name, userId, now, stored.latestVersionId(), rules.size(), description, OWNER);
    }

    AddedDictionary createFromRules(DictionaryRequests.FromRules body) {
        if (body.rules() == null) throw ApiException.invalid("Field required", "missing", "body", "rules");
        return create(body.name(), body.description(), validated(body.rules()));
    }

    /** The dictionary with the rules of its latest version. */
    DictionaryMetadata get(String id) {
        var d = find(id);
        return metadata(d).withRules(latest(d));
    }

    DictionaryPage list(String cursor, int pageSize, boolean byName, boolean ascending) {
        int offset = 0;
        if (cursor != null) {
            try {
                offset = Integer.parseInt(cursor);
            } catch (NumberFormatException e) {
                offset = -1;
            }
            if (offset < 0) throw ApiException.invalid("Invalid cursor", "value_error", "query", "cursor");
        }
        List<PronunciationDictionaryRepository.Stored> rows = repository.list(byName, ascending, offset, pageSize + 1);
        boolean more = rows.size() > pageSize;
        List<DictionaryMetadata> page = rows.stream().limit(pageSize).map(PronunciationDictionariesService::metadata).toList();
        return new DictionaryPage(page, more ? Integer.toString(offset + pageSize) : null, more);
    }

    DictionaryMetadata update(String id, DictionaryRequests.Update body) {
        var d = find(id);
        if (body.name() != null && body.name().isBlank()) {
            throw ApiException.invalid("String should have at least 1 character", "string_too_short", "body", "name");
        }
        String name = body.name() == null ? d.name() : body.name();
        Long archived = body.archived() == null ? d.archivedTimeUnix()
                : body.archived() ? (d.archivedTimeUnix() != null ? d.archivedTimeUnix() : clock.instant().getEpochSecond()) : null;
        repository.update(id, name, archived);
        return metadata(find(id));
    }

    /** A new version with {@code rules} added; a rule for a string the dictionary already has replaces it. */
    RulesChanged addRules(String id, List<PronunciationRule> rules) {
        if (rules == null) throw ApiException.invalid("Field required", "missing", "body", "rules");
        List<PronunciationRule> added = validated(rules);
        var d = find(id);
        Map<String, PronunciationRule> byString = new LinkedHashMap<>();
        for (PronunciationRule r : latest(d)) byString.put(r.stringToReplace(), r);
        for (PronunciationRule r : added) byString.put(r.stringToReplace(), r);
        return newVersion(d, new ArrayList<>(byString.values()));
    }

    /** A new version without the rules whose {@code string_to_replace} is one of {@code strings}. */
    RulesChanged removeRules(String id, List<String> strings) {
        if (strings == null) throw ApiException.invalid("Field required", "missing", "body", "rule_strings");
        Set<String> gone = new HashSet<>(strings);
        var d = find(id);
        return newVersion(d, latest(d).stream().filter(r -> !gone.contains(r.stringToReplace())).toList());
    }

    /** The rules of one version as a PLS lexicon. */
    String download(String dictionaryId, String versionId) {
        find(dictionaryId);
        return PlsLexicon.write(repository.version(dictionaryId, versionId).orElseThrow(() -> ApiException.notFound(
                "pronunciation_dictionary_version_not_found",
                "Version " + versionId + " of pronunciation dictionary " + dictionaryId + " was not found.")).rules());
    }

    /**
     * The rules a synthesis applies, in locator order; a 422 for more than {@link #MAX_LOCATORS} locators or one
     * without its ids, a 404 naming a dictionary or version that does not exist.
     *
     * @param where the request field that holds the locators, for error locations (e.g. {@code body})
     */
    public Pronunciations resolve(List<Locator> locators, String... where) {
        if (locators == null || locators.isEmpty()) return Pronunciations.NONE;
        List<Object> loc = new ArrayList<>(List.of((Object[]) where));
        loc.add("pronunciation_dictionary_locators");
        if (locators.size() > MAX_LOCATORS) {
            throw ApiException.invalid("List should have at most " + MAX_LOCATORS + " items after validation, not " + locators.size(),
                    "too_long", loc.toArray());
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < locators.size(); i++) {
            Locator l = locators.get(i);
            if (l == null || l.pronunciationDictionaryId() == null) throw locatorField(loc, i, "pronunciation_dictionary_id");
            String version = l.versionId();
            if (version == null) { // a locator without a version speaks the latest one
                version = repository.find(l.pronunciationDictionaryId()).map(PronunciationDictionaryRepository.Stored::latestVersionId)
                        .orElseThrow(() -> dictionaryNotFound(l.pronunciationDictionaryId()));
            }
            keys.add(l.pronunciationDictionaryId());
            keys.add(version);
        }
        Pronunciations known = compiled.get(keys);
        if (known != null) return known;
        List<List<PronunciationRule>> dictionaries = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += 2) {
            String id = keys.get(i), v = keys.get(i + 1);
            dictionaries.add(repository.version(id, v).orElseThrow(() -> ApiException.notFound("pronunciation_dictionary_not_found",
                    "Pronunciation dictionary " + id + " with version " + v + " was not found.")).rules());
        }
        Pronunciations p = Pronunciations.of(dictionaries);
        compiled.put(List.copyOf(keys), p);
        return p;
    }

    /** {@code PronunciationDictionaryVersionResponseModel}: one version named by a locator (Studio projects show theirs). */
    public record VersionInfo(String versionId, int versionRulesNum, String pronunciationDictionaryId, String dictionaryName,
                              String versionName, String permissionOnResource, String createdBy, long creationTimeUnix,
                              Long archivedTimeUnix) {}

    /**
     * The version {@code locator} names (its dictionary's latest when it names none); 404 for a dictionary or version
     * that does not exist. The creation time shown is the dictionary's.
     */
    public VersionInfo version(Locator locator) {
        var d = find(locator.pronunciationDictionaryId());
        String v = locator.versionId() == null ? d.latestVersionId() : locator.versionId();
        var version = repository.version(d.id(), v).orElseThrow(() -> ApiException.notFound("pronunciation_dictionary_not_found",
                "Pronunciation dictionary " + d.id() + " with version " + v + " was not found."));
        return new VersionInfo(v, version.rules().size(), d.id(), d.name(), v, OWNER, d.createdBy(), d.creationTimeUnix(),
                d.archivedTimeUnix());
    }

    private static ApiException locatorField(List<Object> loc, int index, String field) {
        List<Object> at = new ArrayList<>(loc);
        at.add(index);
        at.add(field);
        return ApiException.invalid("Field required", "missing", at.toArray());
    }

    private RulesChanged newVersion(PronunciationDictionaryRepository.Stored d, List<PronunciationRule> rules) {
        if (rules.size() > PlsLexicon.MAX_RULES) throw tooManyRules();
        String version = Ids.random();
        repository.addVersion(d.id(), version, rules, clock.instant().getEpochSecond());
        return new RulesChanged(d.id(), version, rules.size());
    }

    private List<PronunciationRule> latest(PronunciationDictionaryRepository.Stored d) {
        return repository.version(d.id(), d.latestVersionId()).orElseThrow().rules();
    }

    private static List<PronunciationRule> validated(List<PronunciationRule> rules) {
        List<PronunciationRule> out = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) == null) throw ApiException.invalid("Input should be a valid dictionary", "dict_type", "body", "rules", i);
            out.add(rules.get(i).validate(i));
        }
        return out;
    }

    private PronunciationDictionaryRepository.Stored find(String id) {
        return repository.find(id).orElseThrow(() -> dictionaryNotFound(id));
    }

    private static ApiException dictionaryNotFound(String id) {
        return ApiException.notFound("pronunciation_dictionary_not_found", "Pronunciation dictionary " + id + " was not found.");
    }

    private static ApiException tooManyRules() {
        return ApiException.badRequest("too_many_rules", "A dictionary holds at most " + PlsLexicon.MAX_RULES + " rules.");
    }

    private static DictionaryMetadata metadata(PronunciationDictionaryRepository.Stored d) {
        return new DictionaryMetadata(d.id(), d.latestVersionId(), d.latestRulesNum(), d.name(), OWNER, d.createdBy(),
                d.creationTimeUnix(), d.archivedTimeUnix(), d.description(), null);
    }
}
