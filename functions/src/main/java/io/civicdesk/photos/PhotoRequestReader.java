package io.civicdesk.photos;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.Refusal;
import io.civicdesk.requests.Reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code {"contentType": "image/jpeg", "size": 2400000}}: the photo about to be uploaded. Refused here, before any
 * upload, when the browser already says it is not a JPEG, PNG or WebP (HEIC with what to do instead) or is over
 * 10 MB; the processing function checks the bytes themselves all the same.
 */
public final class PhotoRequestReader {
    private PhotoRequestReader() {
    }

    /** The request a photo route names, as its {@code {reference}}. */
    public static Reference reference(HttpRequest request) {
        return Reference.parse(request.pathParameter("reference")).orElseThrow(() -> Refusal.invalid("reference",
                "A reference is 8 letters and numbers, like K7MP-3QXR. Check the reference in your confirmation."));
    }

    /** {@code {"shown": "approved" | "hidden", "expectedVersion": 3}}: an officer's decision on a photo. */
    public static Decision decision(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        String shown = body.path("shown").asText("");
        if (!shown.equals("approved") && !shown.equals("hidden")) {
            errors.add(new FieldError("shown", "Choose approved (shown on the public page) or hidden."));
        }
        JsonNode version = body.path("expectedVersion");
        if (!version.isIntegralNumber() || version.asLong() < 1) {
            errors.add(new FieldError("expectedVersion", "Give the photo's version as you read it."));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new Decision(Photo.Shown.valueOf(shown.toUpperCase(Locale.ROOT)), version.asLong());
    }

    public record Decision(Photo.Shown shown, long expectedVersion) {
    }

    public static PhotoRequest read(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode type = body.path("contentType");
        String contentType = type.isTextual() ? type.asText().strip().toLowerCase(Locale.ROOT) : "";
        if (Photos.HEIC_TYPES.contains(contentType)) {
            errors.add(new FieldError("contentType", "This photo is in the HEIC format, which we cannot take yet. On an "
                    + "iPhone, choose Settings, Camera, Formats, \"Most Compatible\" (JPEG), or send a screenshot of the photo."));
        } else if (!Photos.TYPES.contains(contentType)) {
            errors.add(new FieldError("contentType", "Choose a photo: a JPEG, PNG or WebP image."));
        }
        JsonNode size = body.path("size");
        if (!size.canConvertToLong() || !size.isIntegralNumber() || size.asLong() < 1) {
            errors.add(new FieldError("size", "Give the photo's size in bytes."));
        } else if (size.asLong() > PhotoImages.MAX_BYTES) {
            errors.add(new FieldError("size", "The photo is larger than 10 MB. Choose a smaller photo."));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new PhotoRequest(contentType, size.asLong());
    }
}
