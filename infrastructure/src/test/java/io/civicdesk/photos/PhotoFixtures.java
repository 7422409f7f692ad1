package io.civicdesk.photos;

import com.fasterxml.jackson.databind.JsonNode;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.TestStack;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/** Photos made in code for the tests: a phone's JPEG with EXIF (orientation and a GPS position), and the upload. */
public final class PhotoFixtures {
    /** Where the fixtures' GPS says the photo was taken: a resident's home, which must never reach anyone. */
    public static final double LATITUDE = -31.953512;
    public static final double LONGITUDE = 115.857048;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PhotoFixtures() {
    }

    /** A {@code width} x {@code height} JPEG, red on its left half, with an EXIF segment: {@code orientation} and GPS. */
    public static byte[] phoneJpeg(int width, int height, int orientation) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.dispose();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jpeg = plain.toByteArray();
        byte[] exif = exif(orientation);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** "Exif\0\0" and a little-endian TIFF: IFD0 with Orientation and the GPS IFD's offset; the GPS IFD with a position. */
    private static byte[] exif(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put("II".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        // IFD0 at 8: two entries
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38); // GPS IFD at 8 + 2 + 24 + 4 = 38
        tiff.putInt(0);
        // GPS IFD at 38: four entries (2 + 48 + 4 = 54 bytes), values from 92
        tiff.putShort((short) 4);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'S', 0, 0, 0});
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(92);
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0});
        tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(116);
        tiff.putInt(0);
        rational(tiff, Math.abs(LATITUDE));
        rational(tiff, Math.abs(LONGITUDE));
        byte[] body = new byte[tiff.position()];
        tiff.flip().get(body);
        ByteArrayOutputStream exif = new ByteArrayOutputStream();
        exif.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        exif.writeBytes(body);
        return exif.toByteArray();
    }

    private static void rational(ByteBuffer tiff, double degrees) {
        int whole = (int) degrees;
        double minutes = (degrees - whole) * 60;
        int wholeMinutes = (int) minutes;
        tiff.putInt(whole).putInt(1).putInt(wholeMinutes).putInt(1).putInt((int) Math.round((minutes - wholeMinutes) * 60 * 1000)).putInt(1000);
    }

    /** Whether the JPEG has an EXIF segment (APP1 "Exif"). */
    public static boolean hasExif(byte[] jpeg) throws IOException {
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            return !JPEGSegmentUtil.readSegments(input, JPEG.APP1, "Exif").isEmpty();
        }
    }

    public static BufferedImage decode(byte[] image) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(image));
    }

    /** Posts {@code file} with a granted upload's form, as a browser's FormData does; the status S3 answers. */
    public static int post(String base, JsonNode upload, byte[] file, String contentType) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> given = upload.path("fields").fields();
        while (given.hasNext()) {
            Map.Entry<String, JsonNode> field = given.next();
            fields.put(field.getKey(), field.getValue().asText());
        }
        return post(base, upload.path("url").asText(), fields, file, contentType);
    }

    public static int post(String base, String url, Map<String, String> fields, byte[] file, String contentType) {
        String boundary = "----photo" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : base + url))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A photo added by a member of staff to the request, uploaded and processed: its id. */
    public static String staffPhoto(String reference, Map<String, String> staffHeaders) {
        Api.Reply granted = TestStack.api().post("/staff/requests/" + reference + "/photos",
                Json.write(Map.of("contentType", "image/jpeg", "size", 2000)), staffHeaders);
        if (granted.status() != 201) {
            throw new IllegalStateException(granted.body());
        }
        post(TestStack.get().baseUrl(), granted.json().path("upload"), phoneJpeg(40, 30, 1), "image/jpeg");
        TestStack.get().deliverObjects();
        return granted.json().path("photo").path("id").asText();
    }

    public static byte[] download(String url) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
