package dev.timbre.config;

import java.util.Map;

/**
 * Where blobs (audio, uploads, renders) live: {@code file} (the default: {@code <data>/blobs}) or {@code s3}, an
 * S3-compatible object store shared by every node of a cluster. YAML {@code storage: {blob_store, s3: {endpoint,
 * region, bucket, access_key, secret_key, path_style}}}; the environment wins: {@code TIMBRE_BLOB_STORE},
 * {@code TIMBRE_S3_ENDPOINT}, {@code TIMBRE_S3_REGION}, {@code TIMBRE_S3_BUCKET}, {@code TIMBRE_S3_ACCESS_KEY},
 * {@code TIMBRE_S3_SECRET_KEY}, {@code TIMBRE_S3_PATH_STYLE}.
 */
public record StorageSettings(String blobStore, S3 s3) {
    public static final StorageSettings FILE = new StorageSettings("file", null);

    public StorageSettings {
        blobStore = blobStore == null || blobStore.isBlank() ? "file" : blobStore.strip().toLowerCase(java.util.Locale.ROOT);
        if (!blobStore.equals("file") && !blobStore.equals("s3")) {
            throw new IllegalArgumentException("storage.blob_store (TIMBRE_BLOB_STORE) must be file or s3, got: " + blobStore);
        }
        if (blobStore.equals("s3") && (s3 == null || s3.bucket() == null)) {
            throw new IllegalArgumentException("the s3 blob store needs a bucket: TIMBRE_S3_BUCKET or storage.s3.bucket");
        }
    }

    /**
     * An S3-compatible store.
     *
     * @param endpoint the server's URL ({@code http://127.0.0.1:9000}); null for AWS itself
     * @param region the signing region; {@code us-east-1} when null
     * @param accessKey with {@code secretKey}: static credentials; both null → the AWS default chain (environment,
     *        profile, instance role)
     * @param pathStyle {@code http://host/bucket/key} addressing (most self-hosted servers) instead of virtual hosts
     */
    public record S3(String endpoint, String region, String bucket, String accessKey, String secretKey, Boolean pathStyle) {
        public S3 {
            endpoint = blank(endpoint);
            region = blank(region) == null ? "us-east-1" : region.strip();
            bucket = blank(bucket);
            accessKey = blank(accessKey);
            secretKey = blank(secretKey);
            pathStyle = pathStyle != null && pathStyle;
        }

        @Override
        public String toString() { // no secret in logs
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyle=" + pathStyle + "]";
        }
    }

    /** These settings with the environment's {@code TIMBRE_BLOB_STORE} and {@code TIMBRE_S3_*} applied over them. */
    public StorageSettings withEnv(Map<String, String> env) {
        S3 f = s3 != null ? s3 : new S3(null, null, null, null, null, null);
        S3 merged = new S3(env.getOrDefault("TIMBRE_S3_ENDPOINT", f.endpoint()), env.getOrDefault("TIMBRE_S3_REGION", f.region()),
                env.getOrDefault("TIMBRE_S3_BUCKET", f.bucket()), env.getOrDefault("TIMBRE_S3_ACCESS_KEY", f.accessKey()),
                env.getOrDefault("TIMBRE_S3_SECRET_KEY", f.secretKey()),
                env.containsKey("TIMBRE_S3_PATH_STYLE") ? Boolean.valueOf(env.get("TIMBRE_S3_PATH_STYLE").strip()) : f.pathStyle());
        return new StorageSettings(env.getOrDefault("TIMBRE_BLOB_STORE", blobStore), merged);
    }

    private static String blank(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
