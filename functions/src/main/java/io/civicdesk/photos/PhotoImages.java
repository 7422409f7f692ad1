package io.civicdesk.photos;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Turns an upload into what anyone is shown: the bytes are checked for what they are (never the name or the
 * declared type), decoded to pixels (ImageIO, with TwelveMonkeys' JPEG and WebP readers), turned upright by the
 * EXIF orientation, and written again as a new JPEG from those pixels, so no metadata at all survives (EXIF, GPS,
 * XMP, comments, the camera's thumbnail), with a thumbnail. HEIC has no pure-Java decoder: it is refused with what
 * to do instead.
 */
public final class PhotoImages {
    /** The most a resident may upload (the presigned POST's policy says the same). */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** Photos are kept at most this many pixels on their long side: enough to see a pothole, not a 48 MP original. */
    static final int MAX_SIDE = 2048;
    static final int THUMBNAIL_SIDE = 320;
    /** Refused before decoding: a small file can declare a huge image (a decompression bomb). */
    static final long MAX_PIXELS = 60_000_000L;

    /** The clean photo and its thumbnail, both JPEG. */
    public record Cleaned(byte[] image, byte[] thumbnail, int width, int height) {
    }

    /** An upload that is not a photo we can take; the message is for the resident. */
    public static final class NotAPhoto extends Exception {
        public NotAPhoto(String message) {
            super(message);
        }
    }

    /** What the bytes are, by their first bytes. */
    enum Kind { JPEG, PNG, WEBP, HEIC, OTHER }

    static {
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    private PhotoImages() {
    }

    static Kind kind(byte[] bytes) {
        if (bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return Kind.JPEG;
        }
        if (bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && ascii(bytes, 1, 3).equals("PNG")) {
            return Kind.PNG;
        }
        if (bytes.length > 12 && ascii(bytes, 0, 4).equals("RIFF") && ascii(bytes, 8, 4).equals("WEBP")) {
            return Kind.WEBP;
        }
        if (bytes.length > 12 && ascii(bytes, 4, 4).equals("ftyp")
                && List.of("heic", "heix", "hevc", "heim", "heis", "mif1", "msf1", "avif").contains(ascii(bytes, 8, 4))) {
            return Kind.HEIC;
        }
        return Kind.OTHER;
    }

    public static Cleaned clean(byte[] upload) throws NotAPhoto {
        if (upload.length > MAX_BYTES) {
            throw new NotAPhoto("The photo is larger than 10 MB. Choose a smaller photo, or take it again at a lower size.");
        }
        Kind kind = kind(upload);
        if (kind == Kind.HEIC) {
            throw new NotAPhoto("This photo is in the HEIC format, which we cannot take yet. On an iPhone, choose "
                    + "Settings, Camera, Formats, \"Most Compatible\" (JPEG), or send a screenshot of the photo.");
        }
        if (kind == Kind.OTHER) {
            throw new NotAPhoto("This file is not a photo we can take. Choose a JPEG, PNG or WebP photo.");
        }
        BufferedImage decoded = decode(upload);
        BufferedImage upright = orient(decoded, kind == Kind.JPEG ? orientation(upload) : 1);
        BufferedImage image = scaled(upright, MAX_SIDE);
        return new Cleaned(jpeg(image, 0.85f), jpeg(scaled(image, THUMBNAIL_SIDE), 0.8f), image.getWidth(), image.getHeight());
    }

    private static BufferedImage decode(byte[] upload) throws NotAPhoto {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new NotAPhoto("This file is not a photo we can take. Choose a JPEG, PNG or WebP photo.");
            }
            var reader = readers.next();
            try {
                reader.setInput(input, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw new NotAPhoto("This photo has too many pixels for us to take. Choose a smaller photo.");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new NotAPhoto("This photo could not be read: it may be damaged or not finished uploading. Try again, or choose another photo.");
        }
    }

    /** The EXIF orientation (1 to 8; 1 is upright), 1 when there is none or it cannot be read. */
    static int orientation(byte[] jpeg) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            for (JPEGSegment segment : JPEGSegmentUtil.readSegments(input, JPEG.APP1, "Exif")) {
                InputStream data = segment.data();
                data.read(); // the pad byte after "Exif\0"
                try (ImageInputStream tiff = ImageIO.createImageInputStream(data)) {
                    Directory directory = new TIFFReader().read(tiff);
                    Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                    if (entry != null && entry.getValue() instanceof Number number && number.intValue() >= 1 && number.intValue() <= 8) {
                        return number.intValue();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return 1;
        }
        return 1;
    }

    /** The pixels turned as EXIF orientation {@code orientation} says the camera held them. */
    static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation == 1) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        // Where each pixel (x, y) goes, as AffineTransform(m00, m10, m01, m11, m02, m12): EXIF's eight orientations.
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return turned;
    }

    /** An RGB copy at most {@code side} pixels on its long side (transparency on white). */
    static BufferedImage scaled(BufferedImage image, int side) {
        double factor = Math.min(1.0, (double) side / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** A JPEG written from pixels alone: the writer is given no metadata, so it writes only the JFIF header. */
    static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static String ascii(byte[] bytes, int from, int length) {
        return new String(bytes, from, length, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
