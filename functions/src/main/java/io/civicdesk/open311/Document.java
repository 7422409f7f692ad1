package io.civicdesk.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One GeoReport v2 answer, before it is written as XML or JSON: a root element holding either one object
 * ({@code service_definition}, {@code discovery}) or a list of items ({@code services} of {@code service}).
 * A value is text, a number, true/false, an {@link Fields} object, or an {@link Items} list; a null value is left
 * out, in both formats.
 *
 * @param root the XML root element; JSON has none (its top level is the object or the array)
 */
public record Document(String root, Object value) {

    /** An object's fields, in the order the specification lists them. */
    public static final class Fields {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        public Fields put(String name, Object value) {
            if (value != null) {
                fields.put(name, value);
            }
            return this;
        }

        public Map<String, Object> asMap() {
            return fields;
        }
    }

    /** A list: in XML each item is an element named {@code item}; in JSON an array. */
    public record Items(String item, List<?> values) {
        public Items {
            values = List.copyOf(values);
        }
    }

    public static Document list(String root, String item, List<?> values) {
        return new Document(root, new Items(item, values));
    }

    public static Document object(String root, Fields fields) {
        return new Document(root, fields);
    }
}
