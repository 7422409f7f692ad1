package io.civicdesk.photos;

import io.civicdesk.platform.Config;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The photos bucket (S3): presigned POSTs for browsers to upload to, presigned GETs for them to read the clean
 * photos, and the processing function's reads, writes and deletes. The function never carries a photo's bytes
 * to or from a browser.
 *
 * <p>The SDK presigns GETs but not POSTs; a POST is signed here as S3 documents it (a base64 policy document,
 * signed with the SigV4 signing key of the function's own credentials), so S3 itself refuses a file over the
 * policy's size or of another content type. {@code PHOTOS_ENDPOINT}, set only by the local stack, is where
 * browsers reach the bucket (path-style, on the portal's origin); on AWS it is the bucket's regional host.
 */
public final class PhotoObjectStore {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    /** Where to post and the form fields to send before the file. */
    public record Upload(String url, Map<String, String> fields) {
    }

    private final S3Client s3;
    private final S3Presigner presigner;
    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final String bucket;
    private final String browserUrl;

    public PhotoObjectStore(S3Client s3, S3Presigner presigner, AwsCredentialsProvider credentials, Region region,
                            String bucket, String browserUrl) {
        this.s3 = s3;
        this.presigner = presigner;
        this.credentials = credentials;
        this.region = region;
        this.bucket = bucket;
        this.browserUrl = browserUrl;
    }

    /** The deployed store: the SDK's region and credentials; the bucket from PHOTOS_BUCKET. */
    public static PhotoObjectStore fromConfig() {
        String endpoint = Config.optional("PHOTOS_ENDPOINT");
        Region region = new DefaultAwsRegionProviderChain().getRegion();
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        S3Configuration pathStyle = S3Configuration.builder().pathStyleAccessEnabled(endpoint != null).build();
        S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).serviceConfiguration(pathStyle).build();
        S3Presigner.Builder presigner = S3Presigner.builder().region(region).credentialsProvider(credentials)
                .serviceConfiguration(pathStyle);
        if (endpoint != null) {
            presigner.endpointOverride(URI.create(endpoint));
        }
        String bucket = Config.optional("PHOTOS_BUCKET");
        return new PhotoObjectStore(s3, presigner.build(), credentials, region, bucket,
                endpoint != null ? endpoint + "/" + bucket : "https://" + bucket + ".s3." + region.id() + ".amazonaws.com");
    }

    /** A POST a browser may make within {@code lifetime}: to {@code key} only, of {@code contentType}, 1 byte to {@code maxBytes}. */
    public Upload presignedPost(String key, String contentType, int maxBytes, Instant now, Duration lifetime) {
        AwsCredentials signer = credentials.resolveCredentials();
        String amzDate = AMZ_DATE.format(now);
        String credential = signer.accessKeyId() + "/" + DAY.format(now) + "/" + region.id() + "/s3/aws4_request";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("Content-Type", contentType);
        fields.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
        fields.put("x-amz-credential", credential);
        fields.put("x-amz-date", amzDate);
        if (signer instanceof AwsSessionCredentials session) {
            fields.put("x-amz-security-token", session.sessionToken());
        }
        List<String> conditions = new ArrayList<>();
        conditions.add(json("bucket", bucket));
        fields.forEach((name, value) -> conditions.add(json(name, value)));
        conditions.add("[\"content-length-range\",1," + maxBytes + "]");
        String policy = "{\"expiration\":\"" + DateTimeFormatter.ISO_INSTANT.format(now.plus(lifetime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                + "\",\"conditions\":[" + String.join(",", conditions) + "]}";
        String encoded = Base64.getEncoder().encodeToString(policy.getBytes(StandardCharsets.UTF_8));
        byte[] key4 = hmac(("AWS4" + signer.secretAccessKey()).getBytes(StandardCharsets.UTF_8), DAY.format(now));
        byte[] signingKey = hmac(hmac(hmac(key4, region.id()), "s3"), "aws4_request");
        fields.put("policy", encoded);
        fields.put("x-amz-signature", HexFormat.of().formatHex(hmac(signingKey, encoded)));
        return new Upload(browserUrl, fields);
    }

    /** A link to read {@code key} for {@code lifetime}. */
    public String presignedGet(String key, Duration lifetime) {
        return presigner.presignGetObject(p -> p.signatureDuration(lifetime)
                .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString();
    }

    /**
     * The object's bytes, at most {@code maxBytes}; empty if it is gone. {@code tooLarge} is true, and the bytes
     * not read, when it is larger.
     */
    public Optional<Read> read(String bucketName, String key, int maxBytes) {
        try (InputStream object = s3.getObject(g -> g.bucket(bucketName).key(key))) {
            byte[] bytes = object.readNBytes(maxBytes + 1);
            return Optional.of(bytes.length > maxBytes ? new Read(null, true) : new Read(bytes, false));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Read(byte[] bytes, boolean tooLarge) {
    }

    public void putJpeg(String bucketName, String key, byte[] jpeg) {
        s3.putObject(p -> p.bucket(bucketName).key(key).contentType("image/jpeg").cacheControl("private, max-age=300"),
                RequestBody.fromBytes(jpeg));
    }

    /** Deletes the objects (deleting one that is gone is no error). */
    public void delete(String bucketName, List<String> keys) {
        for (String key : keys) {
            s3.deleteObject(d -> d.bucket(bucketName).key(key));
        }
    }

    public String bucket() {
        return bucket;
    }

    private static String json(String name, String value) {
        return "{\"" + name + "\":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
