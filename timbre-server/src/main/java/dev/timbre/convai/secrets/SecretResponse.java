package dev.timbre.convai.secrets;

/** {@code PostWorkspaceSecretResponseModel}: never the value. */
public record SecretResponse(String type, String secretId, String name) {
    public SecretResponse(String secretId, String name) {
        this("stored", secretId, name);
    }
}
