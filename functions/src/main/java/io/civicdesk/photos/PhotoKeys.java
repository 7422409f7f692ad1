package io.civicdesk.photos;

import java.util.List;
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
    private static final Pattern PHOTO_ID = Pattern.compile("[a-z0-9]{20}");

    private PhotoKeys() {
    }

    /** Whether the text could be a photo's id (as {@code Photos} makes them), so no other key is ever named. */
    static boolean isPhotoId(String text) {
        return text != null && PHOTO_ID.matcher(text).matches();
    }

    static String uploadKey(String reference, String photoId) {
        return UPLOADS + reference + "/" + photoId;
    }

    static String imageKey(String reference, String photoId) {
        return PHOTOS + reference + "/" + photoId + ".jpg";
    }

    static String thumbnailKey(String reference, String photoId) {
        return PHOTOS + reference + "/" + photoId + "-thumb.jpg";
    }

    /** Every object a photo may have: the clean photo, its thumbnail and an upload not yet processed. */
    static List<String> all(String reference, String photoId) {
        return List.of(imageKey(reference, photoId), thumbnailKey(reference, photoId), uploadKey(reference, photoId));
    }

    /** The reference and photo id an upload key names; empty for any other key. */
    public static Optional<String[]> upload(String key) {
        Matcher matcher = UPLOAD.matcher(key);
        return matcher.matches() ? Optional.of(new String[] {matcher.group(1), matcher.group(2)}) : Optional.empty();
    }
}
