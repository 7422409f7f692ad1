package io.civicdesk.photos;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The photos bucket's keys. {@code uploads/{reference}/{photoId}}: what a browser posted, unread, deleted once it is
 * processed (the bucket's lifecycle deletes any left after a day); {@code photos/{reference}/{photoId}.jpg} and
 * {@code ...-thumb.jpg}: the re-encoded photo and its thumbnail, the only objects anyone is shown.
 */
public final class PhotoKeys {
    public static final String UPLOADS = "uploads/";
    public static final String PHOTOS = "photos/";
    private static final Pattern UPLOAD = Pattern.compile("uploads/([A-Z0-9]{8})/([a-z0-9]{20})");

    private PhotoKeys() {
    }

    /** The reference and photo id an upload key names; empty for any other key. */
    public static Optional<String[]> upload(String key) {
        Matcher matcher = UPLOAD.matcher(key);
        return matcher.matches() ? Optional.of(new String[] {matcher.group(1), matcher.group(2)}) : Optional.empty();
    }
}
