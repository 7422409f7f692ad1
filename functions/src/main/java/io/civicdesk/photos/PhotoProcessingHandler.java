package io.civicdesk.photos;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.EventHandler;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code PhotoProcessingFunction}: S3 tells it of each upload under {@code uploads/} (locally the local stack does,
 * with the same event); each becomes a clean photo and thumbnail, or is refused, and the upload is deleted.
 */
public final class PhotoProcessingHandler extends EventHandler {
    private final Photos photos;

    public PhotoProcessingHandler() {
        this(PhotosWiring.fromConfig().photos());
    }

    public PhotoProcessingHandler(Photos photos) {
        this.photos = photos;
    }

    @Override
    protected Object handle(JsonNode event) {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (JsonNode record : event.path("Records")) {
            JsonNode s3 = record.path("s3");
            // S3 sends the key URL-encoded, spaces as '+'.
            String key = URLDecoder.decode(s3.path("object").path("key").asText(), StandardCharsets.UTF_8);
            Photo.State state = photos.process(s3.path("bucket").path("name").asText(), key);
            outcomes.merge(state == null ? "ignored" : state.name().toLowerCase(), 1, Integer::sum);
        }
        return outcomes;
    }
}
