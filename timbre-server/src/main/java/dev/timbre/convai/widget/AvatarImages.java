package dev.timbre.convai.widget;

import java.util.Optional;

/** The image types an agent's widget avatar may be, recognised by their first bytes (never by name or declared type). */
enum AvatarImages {
    PNG("png", "image/png"), JPEG("jpg", "image/jpeg"), GIF("gif", "image/gif"), WEBP("webp", "image/webp");

    final String extension;
    final String contentType;

    AvatarImages(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** The type whose signature {@code data} starts with; empty for anything else. */
    static Optional<AvatarImages> sniff(byte[] data) {
        if (starts(data, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return Optional.of(PNG);
        if (starts(data, 0, 0xFF, 0xD8, 0xFF)) return Optional.of(JPEG);
        if (starts(data, 0, 'G', 'I', 'F', '8', '7', 'a') || starts(data, 0, 'G', 'I', 'F', '8', '9', 'a')) return Optional.of(GIF);
        if (starts(data, 0, 'R', 'I', 'F', 'F') && starts(data, 8, 'W', 'E', 'B', 'P')) return Optional.of(WEBP);
        return Optional.empty();
    }

    /** The type of a stored avatar's file name ({@code <hash>.<extension>}); empty for another name. */
    static Optional<AvatarImages> ofFileName(String name) {
        if (name == null || !name.matches("[0-9a-f]{16}\\.[a-z]{3,4}")) return Optional.empty();
        String ext = name.substring(name.indexOf('.') + 1);
        for (AvatarImages t : values()) if (t.extension.equals(ext)) return Optional.of(t);
        return Optional.empty();
    }

    private static boolean starts(byte[] data, int offset, int... signature) {
        if (data.length < offset + signature.length + 4) return false; // a real image is longer than its signature
        for (int i = 0; i < signature.length; i++) if ((data[offset + i] & 0xFF) != signature[i]) return false;
        return true;
    }
}
