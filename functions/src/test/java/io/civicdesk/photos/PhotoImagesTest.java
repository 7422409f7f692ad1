package io.civicdesk.photos;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an upload is, by its bytes; how an EXIF orientation turns the pixels; what is refused, and with what words. */
class PhotoImagesTest {

    private static byte[] encoded(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** 4 x 2: the top-left pixel red, the rest white. */
    private static BufferedImage marked() {
        BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 2; y++) {
                image.setRGB(x, y, Color.WHITE.getRGB());
            }
        }
        image.setRGB(0, 0, Color.RED.getRGB());
        return image;
    }

    @Test
    void theKindIsReadFromTheBytesNotTheName() throws IOException {
        assertEquals(PhotoImages.Kind.JPEG, PhotoImages.kind(encoded(marked(), "jpeg")));
        assertEquals(PhotoImages.Kind.PNG, PhotoImages.kind(encoded(marked(), "png")));
        assertEquals(PhotoImages.Kind.WEBP, PhotoImages.kind("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(PhotoImages.Kind.HEIC, PhotoImages.kind("\0\0\0\u0018ftypheic\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(PhotoImages.Kind.OTHER, PhotoImages.kind("GIF89a........".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void eachExifOrientationTurnsThePixelsUpright() {
        // Where the top-left red pixel of the stored 4 x 2 image is shown, as the camera meant it.
        int[][] expected = {{0, 0}, {3, 0}, {3, 1}, {0, 1}, {0, 0}, {1, 0}, {1, 3}, {0, 3}};
        for (int orientation = 1; orientation <= 8; orientation++) {
            BufferedImage turned = PhotoImages.orient(marked(), orientation);
            boolean swapped = orientation >= 5;
            assertEquals(swapped ? 2 : 4, turned.getWidth(), "orientation " + orientation);
            int[] red = expected[orientation - 1];
            assertEquals(Color.RED.getRGB(), turned.getRGB(red[0], red[1]), "orientation " + orientation);
        }
    }

    @Test
    void aPngIsWrittenAgainAsAJpegWithAThumbnail() throws Exception {
        BufferedImage large = new BufferedImage(3000, 1000, BufferedImage.TYPE_INT_ARGB);
        PhotoImages.Cleaned cleaned = PhotoImages.clean(encoded(large, "png"));
        assertEquals(PhotoImages.Kind.JPEG, PhotoImages.kind(cleaned.image()));
        assertEquals(2048, cleaned.width());
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(cleaned.thumbnail()));
        assertEquals(320, thumbnail.getWidth());
    }

    @Test
    void heicAnythingElseAndTooLargeAreRefusedSayingWhatToDo() {
        assertTrue(assertThrows(PhotoImages.NotAPhoto.class, () -> PhotoImages.clean(
                "\0\0\0\u0018ftypheic\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1))).getMessage().contains("Most Compatible"));
        assertTrue(assertThrows(PhotoImages.NotAPhoto.class, () -> PhotoImages.clean("%PDF-1.7".getBytes(StandardCharsets.ISO_8859_1)))
                .getMessage().contains("JPEG, PNG or WebP"));
        assertTrue(assertThrows(PhotoImages.NotAPhoto.class, () -> PhotoImages.clean(new byte[PhotoImages.MAX_BYTES + 1]))
                .getMessage().contains("larger than 10 MB"));
        byte[] damaged = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3};
        assertTrue(assertThrows(PhotoImages.NotAPhoto.class, () -> PhotoImages.clean(damaged)).getMessage().contains("could not be read"));
    }
}
