package io.civicdesk.staff;

import com.fasterxml.jackson.core.type.TypeReference;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Refusal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The queue's paging cursor as it travels in the query string: the last key read and a fingerprint of the query
 * it belongs to, so that a cursor cannot be replayed against another query.
 */
final class QueueCursorReader {
    private QueueCursorReader() {
    }

    static String write(Map<String, String> key, String fingerprint) {
        Map<String, Object> cursor = new LinkedHashMap<>();
        cursor.put("f", fingerprint);
        cursor.put("k", key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(cursor).getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> read(String cursor, String fingerprint) {
        try {
            Map<String, Object> decoded = Json.MAPPER.readValue(Base64.getUrlDecoder().decode(cursor),
                    new TypeReference<Map<String, Object>>() { });
            if (!fingerprint.equals(decoded.get("f")) || !(decoded.get("k") instanceof Map<?, ?> key)) {
                throw Refusal.invalid("cursor", "This cursor belongs to another query: start again from the first page.");
            }
            Map<String, String> result = new LinkedHashMap<>();
            key.forEach((name, value) -> result.put(String.valueOf(name), String.valueOf(value)));
            if (!result.keySet().containsAll(Set.of("pk", "sk", "queueKey"))) {
                throw Refusal.invalid("cursor", "This cursor is not one this API gave: start again from the first page.");
            }
            return result;
        } catch (Refusal e) {
            throw e;
        } catch (Exception e) {
            throw Refusal.invalid("cursor", "This cursor is not one this API gave: start again from the first page.");
        }
    }
}
