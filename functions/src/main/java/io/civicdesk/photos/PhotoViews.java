package io.civicdesk.photos;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Photos as the pages get them: links that expire in minutes, never the bucket's keys. */
public final class PhotoViews {
    private PhotoViews() {
    }

    /**
     * @param shown   pending, approved or hidden on the public page (left out of the public's view)
     * @param refusal why an upload was refused, for the one who sent it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(String id, String state, String shown, String by, String addedAt, Integer width, Integer height,
                       String url, String thumbnailUrl, String refusal, Long version) {
    }

    static View view(Photo photo, boolean full, UnaryOperator<String> link) {
        boolean ready = photo.state() == Photo.State.READY;
        return new View(photo.id(), photo.state().name().toLowerCase(), full ? photo.shown().name().toLowerCase() : null,
                full ? photo.by() : null, photo.addedAt().toString(), ready ? photo.width() : null, ready ? photo.height() : null,
                ready ? link.apply(photo.imageKey()) : null, ready ? link.apply(photo.thumbnailKey()) : null,
                full ? photo.refusal() : null, full ? photo.version() : null);
    }

    public static Map<String, Object> list(List<View> photos) {
        return Map.of("photos", photos, "max", Photos.MAX_PHOTOS);
    }

    /** A granted upload: the photo, and where and how the browser posts the file. */
    public static Map<String, Object> granted(Photos.Granted granted) {
        return Map.of("photo", view(granted.photo(), true, key -> null), "upload",
                Map.of("url", granted.upload().url(), "fields", granted.upload().fields()));
    }
}
