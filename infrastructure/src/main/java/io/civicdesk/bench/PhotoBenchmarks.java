package io.civicdesk.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.photos.PhotoProcessingHandler;
import io.civicdesk.photos.PhotosHandler;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.Json;
import io.civicdesk.requests.RequestWiring;
import io.civicdesk.requests.SubmissionReader;
import io.civicdesk.platform.AwsClients;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A photo's way in: the upload granted ({@code POST /requests/{reference}/photos}), the photo processed when it
 * arrives (PhotoProcessingFunction, a 12-megapixel JPEG), and the resident's list of photos. The real handlers,
 * counted as {@link StaffBenchmarks}' are; the browser's POST of the file to the bucket is made here uncounted (it
 * goes to S3, not through any function). Bytes are what the function is sent and answers: the photo's are not among them.
 */
public final class PhotoBenchmarks {
    static final int WIDTH = 4000;
    static final int HEIGHT = 3000;

    private PhotoBenchmarks() {
    }

    static Table measure(List<Path> functionClasspath) throws Exception {
        Table table = new Table("Photos: AWS calls and bytes per operation",
                "How measured: as the staff workspace's table, warm containers; a " + WIDTH + " x " + HEIGHT
                        + " JPEG put in the bucket as the browser posts it (uncounted). Function bytes: the request's body"
                        + " in, the answer's body out (the S3 event for the processing function).",
                "Operation", "DynamoDB calls", "By DynamoDB operation", "Items read", "Items written", "Other AWS calls",
                "Function bytes in / out");
        CountingClassLoader.runCounted(functionClasspath, PhotoBenchmarks.class).forEach(row -> table.add((Object[]) row));
        return table;
    }

    /** Inside the counting class loader. */
    public static List<String[]> run() throws IOException {
        List<String[]> rows = new ArrayList<>();
        RequestWiring wiring = RequestWiring.of(AwsClients.dynamoDb(), Config.require("REQUESTS_TABLE"),
                Config.require("CATALOG_TABLE"), Config.require("OUTBOX_TABLE"), Clock.systemUTC(), Config.require("PORTAL_URL"));
        PhotosHandler photos = new PhotosHandler();
        PhotoProcessingHandler processing = new PhotoProcessingHandler();
        byte[] photo = photo();
        for (int round = 0; round < 2; round++) { // the first round warms the containers, the second is counted
            JsonNode receipt = Json.parseBody(wiring.submissions().submit(SubmissionReader.report(Json.parseBody(Events.report())),
                    Optional.empty()).body());
            String reference = receipt.path("reference").asText();
            String link = receipt.path("privateLink").asText();
            Map<String, String> key = Map.of("x-private-key", link.substring(link.indexOf("#key=") + 5),
                    "content-type", "application/json");
            String grant = Json.write(Map.of("contentType", "image/jpeg", "size", photo.length));
            CallCounter.takeAll();
            APIGatewayV2HTTPResponse granted = StaffBenchmarks.invoke(photos, event("POST /requests/{reference}/photos", reference, key, grant));
            String[] grantRow = row("POST /requests/{reference}/photos (an upload granted)", grant, granted.getBody());
            String uploadKey = Json.parseBody(granted.getBody()).path("upload").path("fields").path("key").asText();
            String bucket = Config.require("PHOTOS_BUCKET");
            // The bucket itself (moto, at aws.endpointUrlS3), as the browser's POST reaches it.
            try (S3Client browser = S3Client.builder().forcePathStyle(true)
                    .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build()) {
                browser.putObject(p -> p.bucket(bucket).key(uploadKey).contentType("image/jpeg"), RequestBody.fromBytes(photo));
            }
            String s3Event = Json.write(Map.of("Records", List.of(Map.of("s3", Map.of("bucket", Map.of("name", bucket),
                    "object", Map.of("key", uploadKey, "size", photo.length))))));
            CallCounter.takeAll();
            ByteArrayOutputStream outcome = new ByteArrayOutputStream();
            processing.handleRequest(new ByteArrayInputStream(s3Event.getBytes(StandardCharsets.UTF_8)), outcome,
                    new BenchContext("PhotoProcessingHandler"));
            String[] processRow = row("PhotoProcessingFunction: a " + WIDTH + " x " + HEIGHT + " JPEG of "
                    + Table.number(photo.length) + " bytes cleaned, with its thumbnail", s3Event, outcome.toString(StandardCharsets.UTF_8));
            APIGatewayV2HTTPResponse listed = StaffBenchmarks.invoke(photos, event("GET /requests/{reference}/photos", reference, key, null));
            String[] listRow = row("GET /requests/{reference}/photos (private link, one photo)", "", listed.getBody());
            if (round == 1) {
                rows.addAll(List.of(grantRow, processRow, listRow));
            }
        }
        return rows;
    }

    private static String[] row(String operation, String in, String out) {
        String[] counts = StaffBenchmarks.row(operation, CallCounter.takeAll());
        String[] row = java.util.Arrays.copyOf(counts, counts.length + 1);
        row[counts.length] = Table.number(in.getBytes(StandardCharsets.UTF_8).length) + " / "
                + Table.number(out.getBytes(StandardCharsets.UTF_8).length);
        return row;
    }

    private static APIGatewayV2HTTPEvent event(String routeKey, String reference, Map<String, String> headers, String body) {
        return Events.http(routeKey, Map.of("reference", reference), headers, body);
    }

    /** A phone-sized JPEG of noise-free shapes, as large as a 12-megapixel camera's. */
    private static byte[] photo() throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color((i * 53) % 256, (i * 97) % 256, (i * 31) % 256));
            g.fillOval((i * 397) % WIDTH, (i * 211) % HEIGHT, 600, 400);
        }
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        return jpeg.toByteArray();
    }
}
