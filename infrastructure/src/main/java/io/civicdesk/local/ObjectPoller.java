package io.civicdesk.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.civicdesk.local.template.FunctionDefinition.ObjectEvent;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * S3's event notification to Lambda, locally: lists the bucket's keys under the event's prefix every
 * {@value EventSourcePoller#INTERVAL_MILLIS} ms and invokes the function with an {@code ObjectCreated:Post} record for each object
 * not yet delivered (by key and ETag), one object an invocation as S3 does. A failed invocation is retried on the
 * next listing, as S3's asynchronous invocation retries; the processing function deletes what it has handled.
 */
final class ObjectPoller extends EventSourcePoller {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Client s3;
    private final LambdaFunction function;
    private final ObjectEvent event;
    private final String bucket;
    private final Set<String> delivered = new HashSet<>();

    ObjectPoller(S3Client s3, LambdaFunction function, ObjectEvent event, String bucket) {
        this.s3 = s3;
        this.function = function;
        this.event = event;
        this.bucket = bucket;
    }

    /** Delivers every new object now; what is gone from the bucket is forgotten (a new upload to its key is new). */
    @Override
    synchronized void poll() {
        Set<String> listed = new HashSet<>();
        for (S3Object object : s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(event.prefix())).contents()) {
            String seen = object.key() + "#" + object.eTag();
            listed.add(seen);
            if (!delivered.contains(seen)) {
                try {
                    function.invoke(record(object));
                    delivered.add(seen);
                } catch (Exception e) {
                    System.err.println(name() + ": invocation failed for an object (retried on the next listing): " + e);
                }
            }
        }
        delivered.retainAll(listed);
    }

    private byte[] record(S3Object object) throws java.io.IOException {
        ObjectNode record = JSON.createObjectNode()
                .put("eventVersion", "2.1").put("eventSource", "aws:s3").put("awsRegion", LocalStack.REGION)
                .put("eventTime", Instant.now().toString()).put("eventName", "ObjectCreated:Post");
        ObjectNode s3Part = record.putObject("s3").put("s3SchemaVersion", "1.0").put("configurationId", event.name());
        s3Part.putObject("bucket").put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
        s3Part.putObject("object").put("key", URLEncoder.encode(object.key(), StandardCharsets.UTF_8).replace("%2F", "/"))
                .put("size", object.size()).put("eTag", object.eTag().replace("\"", ""));
        ObjectNode batch = JSON.createObjectNode();
        batch.putArray("Records").add(record);
        return JSON.writeValueAsBytes(batch);
    }

    @Override
    String failure() {
        return "listing the bucket failed";
    }

    @Override
    String name() {
        return function.definition().logicalId() + "." + event.name();
    }
}
