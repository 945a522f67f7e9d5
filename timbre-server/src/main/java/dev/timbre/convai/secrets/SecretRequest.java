package dev.timbre.convai.secrets;

/** {@code PostWorkspaceSecretRequest} ({@code type} "new") and {@code PatchWorkspaceSecretRequest} ({@code type} "update"). */
public record SecretRequest(String type, String name, String value) {}
