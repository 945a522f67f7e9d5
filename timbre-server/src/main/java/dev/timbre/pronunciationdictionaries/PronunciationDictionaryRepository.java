package dev.timbre.pronunciationdictionaries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.timbre.http.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for {@code pronunciation_dictionaries} and {@code pronunciation_dictionary_versions}. Thread-safe. */
public final class PronunciationDictionaryRepository {
    private static final String COLUMNS = "d.dictionary_id, d.name, d.description, d.created_by, d.creation_time_unix, "
            + "d.archived_time_unix, d.latest_version_id, v.rules_num";
    private static final String FROM = " FROM pronunciation_dictionaries d JOIN pronunciation_dictionary_versions v "
            + "ON v.version_id = d.latest_version_id";
    private static final TypeReference<List<PronunciationRule>> RULES = new TypeReference<>() {};

    private final Jdbi jdbi;

    public PronunciationDictionaryRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A stored dictionary with the size of its latest version. */
    record Stored(String id, String name, String description, String createdBy, long creationTimeUnix, Long archivedTimeUnix,
                  String latestVersionId, int latestRulesNum) {}

    /** One version's rules. */
    record Version(String dictionaryId, String versionId, List<PronunciationRule> rules) {}

    /** Inserts a dictionary with its first version, in one transaction. */
    void create(Stored d, List<PronunciationRule> rules) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO pronunciation_dictionaries (dictionary_id, name, description, created_by, creation_time_unix, "
                            + "latest_version_id) VALUES (:id, :name, :description, :createdBy, :creationTimeUnix, :latestVersionId)")
                    .bind("id", d.id()).bind("name", d.name()).bind("description", d.description()).bind("createdBy", d.createdBy())
                    .bind("creationTimeUnix", d.creationTimeUnix()).bind("latestVersionId", d.latestVersionId()).execute();
            insertVersion(h, d.id(), d.latestVersionId(), rules, d.creationTimeUnix());
        });
    }

    /** Stores {@code rules} as a new version and makes it the latest. */
    void addVersion(String dictionaryId, String versionId, List<PronunciationRule> rules, long nowUnix) {
        jdbi.useTransaction(h -> {
            insertVersion(h, dictionaryId, versionId, rules, nowUnix);
            h.createUpdate("UPDATE pronunciation_dictionaries SET latest_version_id = :v WHERE dictionary_id = :id")
                    .bind("v", versionId).bind("id", dictionaryId).execute();
        });
    }

    private static void insertVersion(org.jdbi.v3.core.Handle h, String dictionaryId, String versionId, List<PronunciationRule> rules, long nowUnix) {
        h.createUpdate("INSERT INTO pronunciation_dictionary_versions (version_id, dictionary_id, rules, rules_num, creation_time_unix) "
                        + "VALUES (:v, :d, :rules, :n, :t)")
                .bind("v", versionId).bind("d", dictionaryId).bind("rules", json(rules)).bind("n", rules.size()).bind("t", nowUnix)
                .execute();
    }

    void update(String id, String name, Long archivedTimeUnix) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE pronunciation_dictionaries SET name = :name, archived_time_unix = :archived "
                        + "WHERE dictionary_id = :id")
                .bind("id", id).bind("name", name).bind("archived", archivedTimeUnix).execute());
    }

    Optional<Stored> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + FROM + " WHERE d.dictionary_id = :id")
                .bind("id", id).map((rs, ctx) -> stored(rs)).findOne());
    }

    /** The version {@code versionId} of dictionary {@code dictionaryId}, if both exist and belong together. */
    Optional<Version> version(String dictionaryId, String versionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT dictionary_id, version_id, rules FROM pronunciation_dictionary_versions "
                        + "WHERE version_id = :v AND dictionary_id = :d")
                .bind("v", versionId).bind("d", dictionaryId)
                .map((rs, ctx) -> new Version(rs.getString(1), rs.getString(2), rules(rs.getString(3)))).findOne());
    }

    /**
     * A page of dictionaries, archived ones left out.
     *
     * @param byName sort by name (then id), else by creation time (then insertion order)
     */
    List<Stored> list(boolean byName, boolean ascending, int offset, int limit) {
        String dir = ascending ? " ASC" : " DESC";
        String order = byName ? "d.name" + dir + ", d.dictionary_id" + dir : "d.creation_time_unix" + dir + ", d.seq" + dir;
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + FROM + " WHERE d.archived_time_unix IS NULL ORDER BY "
                        + order + " LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset).map((rs, ctx) -> stored(rs)).list());
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        long archived = rs.getLong("archived_time_unix");
        Long archivedUnix = rs.wasNull() ? null : archived;
        return new Stored(rs.getString("dictionary_id"), rs.getString("name"), rs.getString("description"), rs.getString("created_by"),
                rs.getLong("creation_time_unix"), archivedUnix, rs.getString("latest_version_id"), rs.getInt("rules_num"));
    }

    private static String json(List<PronunciationRule> rules) {
        try {
            return Json.MAPPER.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<PronunciationRule> rules(String json) {
        try {
            return Json.MAPPER.readValue(json, RULES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rules are not readable", e);
        }
    }
}
