package io.civicdesk.photos;

import java.time.Instant;

/**
 * A photo of a request's problem. It is {@link State#UPLOADING} from the moment an upload is granted until the
 * processing function has re-encoded it ({@link State#READY}: a clean photo and its thumbnail are stored) or
 * refused it ({@link State#REFUSED}: the upload is deleted and {@code refusal} says why; nothing else is stored).
 * Residents' photos are shown on the public tracking page only once an officer has {@link Shown#APPROVED} them;
 * staff see every ready photo at once.
 *
 * @param by          who added it: {@code resident} or {@code staff}
 * @param addedAt     when its upload was granted
 * @param version     counts its changes; every change is conditional on it
 */
public record Photo(String reference, String id, State state, Shown shown, String contentType, String by,
                    Instant addedAt, String refusal, int width, int height, long version) {

    public enum State { UPLOADING, READY, REFUSED }

    public enum Shown { PENDING, APPROVED, HIDDEN }

    /** The key its upload goes to (the processing function is triggered by this prefix). */
    public String uploadKey() {
        return PhotoKeys.uploadKey(reference, id);
    }

    public String imageKey() {
        return PhotoKeys.imageKey(reference, id);
    }

    public String thumbnailKey() {
        return PhotoKeys.thumbnailKey(reference, id);
    }
}
