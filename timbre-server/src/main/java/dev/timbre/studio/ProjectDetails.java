package dev.timbre.studio;

import java.util.List;

/**
 * A project's descriptive fields, stored as one JSON column ({@code studio_projects.details}) and shown as the API
 * names them. {@code sourceType}: blank, book, article, genfm, video.
 */
public record ProjectDetails(String title, String author, String description, List<String> genres, String targetAudience,
                             String language, String contentType, String originalPublicationDate, Boolean matureContent,
                             String isbnNumber, String fiction, String sourceType, boolean acxVolumeNormalization,
                             String callbackUrl) {
    ProjectDetails withTitleAuthorIsbn(String newTitle, String newAuthor, String newIsbn) {
        return new ProjectDetails(newTitle, newAuthor, description, genres, targetAudience, language, contentType,
                originalPublicationDate, matureContent, newIsbn, fiction, sourceType, acxVolumeNormalization, callbackUrl);
    }
}
