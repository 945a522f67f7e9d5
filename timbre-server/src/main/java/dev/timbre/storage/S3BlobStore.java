package dev.timbre.storage;

import dev.timbre.config.StorageSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs as objects of one bucket of an S3-compatible store (AWS S3, MinIO, Ceph, S3Proxy…), through the AWS SDK for
 * Java v2 with its Apache 5 HTTP client; a key is the object's name. A PUT is atomic in S3, so a reader sees nothing or
 * the whole blob. {@link #put(String, InputStream)} streams: a blob up to {@link #PART_BYTES} is one PUT, a larger one
 * a multipart upload of parts of that size (one part in memory at a time), aborted on failure. {@link #open} streams
 * the object's body. Checksums are sent only where S3 requires them, which every S3-compatible server accepts.
 * Thread-safe (the SDK client is); {@link #close} releases its connections.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {
    /** The size of a multipart upload's parts, and the largest blob sent in one PUT: 8 MiB. */
    static final int PART_BYTES = 8 << 20;

    private final S3Client s3;
    private final String bucket;

    S3BlobStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** A store on {@code settings}' bucket, created if missing. Throws {@link IOException} when the store cannot be reached. */
    public static S3BlobStore open(StorageSettings.S3 settings) throws IOException {
        var b = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(settings.accessKey() != null
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
                        : DefaultCredentialsProvider.builder().build());
        if (settings.endpoint() != null) b.endpointOverride(URI.create(settings.endpoint()));
        S3BlobStore store = new S3BlobStore(b.build(), settings.bucket());
        store.ensureBucket();
        return store;
    }

    private void ensureBucket() throws IOException {
        call(() -> {
            try {
                s3.headBucket(r -> r.bucket(bucket));
            } catch (NoSuchBucketException e) {
                s3.createBucket(r -> r.bucket(bucket));
            } catch (S3Exception e) {
                if (e.statusCode() != 404) throw e;
                s3.createBucket(r -> r.bucket(bucket));
            }
            return null;
        });
    }

    @Override
    public void put(String key, byte[] data) throws IOException {
        String k = BlobStore.checkKey(key);
        call(() -> s3.putObject(r -> r.bucket(bucket).key(k), RequestBody.fromBytes(data)));
    }

    @Override
    public void put(String key, InputStream data) throws IOException {
        String k = BlobStore.checkKey(key);
        byte[] first = data.readNBytes(PART_BYTES);
        if (first.length < PART_BYTES) {
            put(k, first);
            return;
        }
        String upload = call(() -> s3.createMultipartUpload(r -> r.bucket(bucket).key(k)).uploadId());
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] part = first;
            while (part.length > 0) {
                int number = parts.size() + 1;
                byte[] body = part;
                String etag = call(() -> s3.uploadPart(r -> r.bucket(bucket).key(k).uploadId(upload).partNumber(number),
                        RequestBody.fromBytes(body)).eTag());
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                part = data.readNBytes(PART_BYTES);
            }
            call(() -> s3.completeMultipartUpload(r -> r.bucket(bucket).key(k).uploadId(upload).multipartUpload(m -> m.parts(parts))));
        } catch (IOException | RuntimeException e) {
            try {
                s3.abortMultipartUpload(r -> r.bucket(bucket).key(k).uploadId(upload));
            } catch (SdkException ignored) {
                // the store will expire the upload by its own lifecycle rules
            }
            throw e;
        }
    }

    @Override
    public Optional<byte[]> get(String key) throws IOException {
        String k = BlobStore.checkKey(key);
        try {
            return Optional.of(call(() -> s3.getObjectAsBytes(r -> r.bucket(bucket).key(k)).asByteArray()));
        } catch (Missing e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        String k = BlobStore.checkKey(key);
        try {
            return Optional.of(call(() -> s3.getObject(r -> r.bucket(bucket).key(k))));
        } catch (Missing e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String key) {
        String k = BlobStore.checkKey(key);
        try {
            call(() -> s3.headObject(r -> r.bucket(bucket).key(k)));
            return true;
        } catch (Missing e) {
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public boolean delete(String key) throws IOException {
        String k = BlobStore.checkKey(key);
        if (!exists(k)) return false;
        call(() -> s3.deleteObject(r -> r.bucket(bucket).key(k)));
        return true;
    }

    @Override
    public List<String> keysWrittenBefore(Instant cutoff) throws IOException {
        return call(() -> {
            List<String> keys = new ArrayList<>();
            for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
                if (o.lastModified() != null && o.lastModified().isBefore(cutoff)) keys.add(o.key());
            }
            return keys;
        });
    }

    @Override
    public void close() { s3.close(); }

    @Override
    public String toString() { return "s3://" + bucket; }

    /** The object is not there (404). */
    private static final class Missing extends IOException {
        Missing() { super("no such object"); }
    }

    private interface Call<T> {
        T run();
    }

    /** Runs an SDK call: a missing object is {@link Missing}, any other failure an {@link IOException} saying what S3 said. */
    private static <T> T call(Call<T> c) throws IOException {
        try {
            return c.run();
        } catch (NoSuchKeyException e) {
            throw new Missing();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) throw new Missing();
            throw new IOException("the S3 store refused: " + e.statusCode() + " " + e.awsErrorDetails().errorCode(), e);
        } catch (SdkException e) {
            throw new IOException("the S3 store could not be reached: " + e.getMessage(), e);
        }
    }
}
