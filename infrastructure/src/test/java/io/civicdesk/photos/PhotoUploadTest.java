package io.civicdesk.photos;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.local.LocalStack;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Photos through the local stack as a browser sends them: an upload granted to the private link, posted with its
 * presigned form to the bucket (moto's S3), processed by PhotoProcessingFunction on the bucket's event.
 */
@DependsOnTheDate
class PhotoUploadTest {
    private static final String OFFICER = "demo-officer-waste";
    private static LocalStack stack;
    private static Api api;

    @BeforeAll
    static void start() {
        stack = TestStack.get();
        api = TestStack.api();
    }

    /** A new missed-bin report: its reference and its private link's key. */
    private static String[] report() {
        JsonNode receipt = api.post("/requests", Json.write(Reports.missedBin("photos+" + UUID.randomUUID() + "@example.com")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).json();
        String link = receipt.path("privateLink").asText();
        return new String[] {receipt.path("reference").asText(), link.substring(link.indexOf("#key=") + "#key=".length())};
    }

    private static Api.Reply grant(String[] report, String contentType, long size) {
        return api.post("/requests/" + report[0] + "/photos", Json.write(Map.of("contentType", contentType, "size", size)),
                Map.of("X-Private-Key", report[1]));
    }

    /** Grants, posts and processes a photo; the granted photo. */
    private static JsonNode upload(String[] report, byte[] file, String contentType) {
        Api.Reply granted = grant(report, contentType, file.length);
        assertEquals(201, granted.status(), granted.body());
        int posted = PhotoFixtures.post(stack.baseUrl(), granted.json().path("upload"), file, contentType);
        assertTrue(posted / 100 == 2, "S3 took the upload: " + posted);
        stack.deliverObjects();
        return granted.json().path("photo");
    }

    private static JsonNode residentsPhotos(String[] report) {
        Api.Reply reply = api.get("/requests/" + report[0] + "/photos", Map.of("X-Private-Key", report[1]));
        assertEquals(200, reply.status(), reply.body());
        return reply.json().path("photos");
    }

    private static List<String> objects(String prefix) {
        return stack.s3().listObjectsV2Paginator(l -> l.bucket(bucket()).prefix(prefix)).contents().stream()
                .map(o -> o.key()).toList();
    }

    private static String bucket() {
        return "civicdesk-local-photos-000000000000";
    }

    @Test
    void aPhonesPhotoIsStoredUprightWithoutItsExifOrGpsPosition() throws Exception {
        String[] report = report();
        // 400 x 300 as the sensor saw it, held turned: orientation 6 means it is seen 300 wide and 400 high.
        byte[] phone = PhotoFixtures.phoneJpeg(400, 300, 6);
        assertTrue(PhotoFixtures.hasExif(phone), "the fixture carries EXIF");
        upload(report, phone, "image/jpeg");

        JsonNode photo = residentsPhotos(report).get(0);
        assertEquals("ready", photo.path("state").asText(), photo.toString());
        assertEquals(300, photo.path("width").asInt());
        assertEquals(400, photo.path("height").asInt());
        byte[] stored = PhotoFixtures.download(photo.path("url").asText());
        assertFalse(PhotoFixtures.hasExif(stored), "the stored photo has no EXIF segment");
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("Exif"), "nor the word Exif anywhere in it");
        BufferedImage image = PhotoFixtures.decode(stored);
        assertEquals(300, image.getWidth());
        assertEquals(400, image.getHeight());
        // Turned 90 degrees clockwise: the red left half of the sensor's picture is now the top half.
        assertTrue((image.getRGB(150, 20) >> 16 & 0xff) > 200 && (image.getRGB(150, 20) & 0xff) < 80, "red on top");
        byte[] thumbnail = PhotoFixtures.download(photo.path("thumbnailUrl").asText());
        assertFalse(PhotoFixtures.hasExif(thumbnail));
        assertTrue(PhotoFixtures.decode(thumbnail).getHeight() <= 320);
        assertEquals(List.of(), objects("uploads/" + report[0] + "/"), "the raw upload is deleted");
        assertEquals(2, objects("photos/" + report[0] + "/").size(), "the clean photo and its thumbnail");
    }

    @Test
    void aFileThatIsNotAPhotoIsRefusedAndNothingIsLeftBehind() {
        String[] report = report();
        upload(report, "#!/bin/sh\necho not a photo\n".getBytes(StandardCharsets.UTF_8), "image/jpeg");
        JsonNode photo = residentsPhotos(report).get(0);
        assertEquals("refused", photo.path("state").asText());
        assertTrue(photo.path("refusal").asText().contains("not a photo we can take"), photo.toString());
        assertFalse(photo.has("url"));
        assertEquals(List.of(), objects("uploads/" + report[0] + "/"));
        assertEquals(List.of(), objects("photos/" + report[0] + "/"));
        assertEquals(0, api.get("/requests/" + report[0] + "/photos").json().path("photos").size());
    }

    @Test
    void anUploadOverTenMegabytesIsRefusedAndNothingIsLeftBehind() {
        String[] report = report();
        Api.Reply declared = grant(report, "image/jpeg", PhotoImages.MAX_BYTES + 1L);
        assertEquals(400, declared.status());
        declared.assertNames("size");

        // A browser that declares a small photo and sends a large one: S3's policy refuses it, or the processing does.
        Api.Reply granted = grant(report, "image/jpeg", 1000);
        byte[] large = new byte[PhotoImages.MAX_BYTES + 1];
        System.arraycopy(PhotoFixtures.phoneJpeg(10, 10, 1), 0, large, 0, 100);
        PhotoFixtures.post(stack.baseUrl(), granted.json().path("upload"), large, "image/jpeg");
        stack.deliverObjects();
        // moto does not check a POST's policy (S3 does, with a 400): the processing function refuses it instead.
        JsonNode photo = residentsPhotos(report).get(0);
        assertEquals("refused", photo.path("state").asText(), photo.toString());
        assertTrue(photo.path("refusal").asText().contains("larger than 10 MB"), photo.toString());
        assertEquals(List.of(), objects("uploads/" + report[0] + "/"));
        assertEquals(List.of(), objects("photos/" + report[0] + "/"));
    }

    @Test
    void heicIsRefusedBeforeUploadingWithWhatToDoInstead() {
        Api.Reply reply = grant(report(), "image/heic", 2_000_000);
        assertEquals(400, reply.status());
        assertTrue(reply.error("contentType").contains("Most Compatible"), reply.body());
    }

    @Test
    void aFourthPhotoIsRefused() {
        String[] report = report();
        for (int i = 0; i < Photos.MAX_PHOTOS; i++) {
            assertEquals(201, grant(report, "image/png", 5000).status());
        }
        Api.Reply fourth = grant(report, "image/png", 5000);
        assertEquals(400, fourth.status(), fourth.body());
        fourth.assertNames("photos");
    }

    @Test
    void aStrangerCannotAddAPhoto() {
        String[] report = report();
        Api.Reply reply = grant(new String[] {report[0], "not-the-key"}, "image/jpeg", 5000);
        assertEquals(403, reply.status());
    }

    @Test
    void staffSeeAPhotoAtOnceAndThePublicOnlyOnceAnOfficerApprovesIt() {
        String[] report = report();
        upload(report, PhotoFixtures.phoneJpeg(64, 48, 1), "image/jpeg");
        Map<String, String> officer = Api.signedInAs(OFFICER);
        JsonNode staff = api.get("/staff/requests/" + report[0] + "/photos", officer).json().path("photos");
        assertEquals(1, staff.size(), staff.toString());
        assertEquals("pending", staff.get(0).path("shown").asText());
        assertTrue(staff.get(0).path("url").asText().startsWith("http"));
        assertEquals(0, api.get("/requests/" + report[0] + "/photos").json().path("photos").size(), "not public yet");

        String path = "/staff/requests/" + report[0] + "/photos/" + staff.get(0).path("id").asText();
        long version = staff.get(0).path("version").asLong();
        Api.Reply approved = api.post(path, Json.write(Map.of("shown", "approved", "expectedVersion", version)), officer);
        assertEquals(200, approved.status(), approved.body());
        JsonNode shown = api.get("/requests/" + report[0] + "/photos").json().path("photos");
        assertEquals(1, shown.size());
        assertFalse(shown.get(0).has("by"), "the public is not told who took it");
        assertEquals(200, PhotoFixtures.download(shown.get(0).path("thumbnailUrl").asText()).length > 0 ? 200 : 0);

        Api.Reply stale = api.post(path, Json.write(Map.of("shown", "hidden", "expectedVersion", version)), officer);
        assertEquals(409, stale.status(), "a decision on a photo someone changed since is refused");
        api.post(path, Json.write(Map.of("shown", "hidden", "expectedVersion", version + 1)), officer);
        assertEquals(0, api.get("/requests/" + report[0] + "/photos").json().path("photos").size(), "hidden again");
    }

    @Test
    void aResidentRemovesTheirPhotoAndNothingIsLeftInTheBucketNorTheTable() {
        String[] report = report();
        String id = upload(report, PhotoFixtures.phoneJpeg(64, 48, 1), "image/jpeg").path("id").asText();
        assertEquals(2, objects("photos/" + report[0] + "/").size());
        String path = "/requests/" + report[0] + "/photos/" + id;
        assertEquals(403, api.delete(path, Map.of("X-Private-Key", "wrong" + report[1])).status(), "only the private link");
        for (int attempt = 0; attempt < 2; attempt++) {
            Api.Reply removed = api.delete(path, Map.of("X-Private-Key", report[1]));
            assertEquals(200, removed.status(), "removing again answers the same: " + removed.body());
        }
        assertEquals(0, residentsPhotos(report).size());
        assertEquals(List.of(), objects("photos/" + report[0] + "/"), "no clean photo nor thumbnail is left");
        assertEquals(List.of(), objects("uploads/" + report[0] + "/"));
        assertTrue(stack.dynamoDb().getItem(g -> g.tableName("PhotosTable").key(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("REQUEST#" + report[0]),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PHOTO#" + id)))).item().isEmpty(),
                "nor its record");
    }

    @Test
    void anApprovedPhotoCannotBeRemovedByTheResidentAndIsOpen311sMediaUrlInXmlAndJson() throws Exception {
        String[] report = report();
        String id = upload(report, PhotoFixtures.phoneJpeg(64, 48, 1), "image/jpeg").path("id").asText();
        JsonNode pending = api.get("/open311/v2/requests/" + report[0] + ".json").json().get(0);
        assertFalse(pending.has("media_url"), "no media_url before an officer approves the photo: " + pending);

        Map<String, String> officer = Api.signedInAs(OFFICER);
        long version = api.get("/staff/requests/" + report[0] + "/photos", officer).json().path("photos").get(0).path("version").asLong();
        assertEquals(200, api.post("/staff/requests/" + report[0] + "/photos/" + id,
                Json.write(Map.of("shown", "approved", "expectedVersion", version)), officer).status());

        String json = api.get("/open311/v2/requests/" + report[0] + ".json").json().get(0).path("media_url").asText();
        assertTrue(json.contains("photos/" + report[0] + "/" + id + ".jpg"), "the clean photo, not the upload: " + json);
        assertFalse(PhotoFixtures.hasExif(PhotoFixtures.download(json)), "stripped of its metadata");
        String xml = api.get("/open311/v2/requests/" + report[0] + ".xml").body();
        assertTrue(xml.contains("<media_url>") && xml.contains("photos/" + report[0] + "/" + id + ".jpg"), xml);

        Api.Reply refused = api.delete("/requests/" + report[0] + "/photos/" + id, Map.of("X-Private-Key", report[1]));
        assertEquals(409, refused.status(), refused.body());
        assertEquals(2, objects("photos/" + report[0] + "/").size(), "an approved photo stays");
    }
}
