package io.civicdesk.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.civicdesk.local.LocalStack;
import io.civicdesk.local.template.FunctionDefinition.HttpRoute;
import io.civicdesk.local.template.SamTemplate;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated hostile input, as a client that means harm would send it, to every public route of template.yaml (read
 * from it: a new route is covered without a change here): over-long and odd strings in path parameters, query
 * strings and bodies, wrong JSON types, missing fields, huge and negative numbers, bad dates, bodies that are not
 * JSON. No answer is a 5xx; every 4xx says what is wrong, and each field error names its field.
 */
class GeneratedInputTest {
    private static final List<HttpRoute> PUBLIC_ROUTES = SamTemplate.read(LocalStack.findProjectRoot().resolve("template.yaml"))
            .functions().stream().flatMap(function -> function.routes().stream())
            .filter(route -> route.authorizer().isEmpty()).toList();
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** The fields the API reads anywhere, by their place in a body, for generated values to land on. */
    private static final List<String> FIELDS = List.of("serviceId", "answers", "answers.bin-type", "answers.collection-day",
            "answers.volume", "location", "location.address", "location.latitude", "location.longitude", "description",
            "contact", "contact.name", "contact.email", "contact.phone", "preferredChannel", "facilityId", "date", "until",
            "start", "end", "occurrences", "purpose", "attendance", "concession", "termsAccepted", "satisfaction", "recommend",
            "comment", "reason", "kind", "about", "about.unitId", "about.serviceId", "about.requestReference",
            "about.bookingReference", "about.officerName", "message");
    private static final List<String> QUERY_PARAMETERS = List.of("from", "days", "for", "to", "score", "kind", "format");
    private static final List<String> KEY_HEADERS = List.of("Idempotency-Key", "X-Private-Key", "X-Survey-Key", "X-Counter-Key");

    /**
     * What the portal sends to some routes, each short of one thing no generated value can give (a channel, a
     * complaint's email address, a date within the notice rules), so that whatever is generated nothing is stored.
     */
    private static final Map<String, Map<String, Object>> PORTAL_BODIES = Map.of(
            "POST /requests", without(Reports.missedBin("resident@example.com"), "preferredChannel"),
            "POST /bookings", Map.of("facilityId", "karri-meeting-room", "date", "2030-01-07", "start", "10:00", "end", "11:00",
                    "purpose", "Meeting", "attendance", 4, "contact", Map.of("name", "Alex Citizen", "email", "alex@example.com"),
                    "termsAccepted", true),
            "POST /bookings/{reference}/change", Map.of("date", "2030-01-07", "start", "10:00", "end", "11:00", "attendance", 4),
            "POST /feedback", Map.of("kind", "complaint", "about", Map.of("serviceId", "missed-bin"), "message", "The truck missed us."),
            "POST /surveys/{reference}/answers", Map.of("satisfaction", 4, "recommend", 9, "comment", "Quick, thanks"),
            "POST /counter/answers", Map.of("satisfaction", 5, "reason", "Friendly"),
            "POST /complaints/{reference}/review", Map.of("reason", "The answer missed the point."));

    /** One generated attack, sent to every public route: its path parameters, query string, headers and body. */
    record Attack(List<String> pathValues, Map<String, String> query, Map<String, String> headers,
                  List<Change> changes, String rawBody) {
    }

    /** A field of the body set to a generated value, or taken out (null). */
    record Change(String field, JsonNode value) {
    }

    @Property(tries = 30)
    void noPublicRouteAnswersA5xxAndEveryRefusalSaysWhatToFix(@ForAll("attacks") Attack attack) {
        assertFalse(PUBLIC_ROUTES.isEmpty());
        Api api = TestStack.api();
        for (HttpRoute route : PUBLIC_ROUTES) {
            String path = path(route.path(), attack.pathValues()) + query(attack.query());
            String body = route.method().equals("GET") ? null
                    : attack.rawBody() != null ? attack.rawBody() : Json.write(body(route.routeKey(), attack.changes()));
            Api.Reply reply = api.send(route.method(), path, body, attack.headers());
            String where = route.routeKey() + " (" + path.length() + " characters of path) -> " + reply.status() + " "
                    + reply.body().substring(0, Math.min(500, reply.body().length()));
            assertTrue(reply.status() < 500, where);
            // Open311's own answers are in its specification's format; the gateway's (no route for an empty segment) are not.
            if (reply.status() >= 400 && route.path().startsWith("/open311/") && !reply.body().startsWith("{")) {
                assertOpen311Errors(reply, where);
            } else if (reply.status() >= 400) {
                JsonNode refusal = reply.json();
                assertFalse(refusal.path("message").asText().isBlank(), "a message a person can act on: " + where);
                for (JsonNode error : refusal.path("errors")) {
                    assertFalse(error.path("field").asText().isBlank(), "each field error names its field: " + where);
                    assertFalse(error.path("message").asText().isBlank(), "each field error says what to do: " + where);
                }
            }
        }
    }

    /** Open311 answers in the specification's error format: a list of errors, each with its code and description. */
    private static void assertOpen311Errors(Api.Reply reply, String where) {
        List<String> descriptions = new ArrayList<>();
        if (reply.body().startsWith("<")) {
            try {
                NodeList errors = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new InputSource(new StringReader(reply.body()))).getElementsByTagName("error");
                for (int i = 0; i < errors.getLength(); i++) {
                    Element error = (Element) errors.item(i);
                    assertFalse(error.getElementsByTagName("code").item(0).getTextContent().isBlank(), where);
                    descriptions.add(error.getElementsByTagName("description").item(0).getTextContent());
                }
            } catch (Exception e) {
                throw new AssertionError("not the specification's XML errors: " + where, e);
            }
        } else {
            for (JsonNode error : reply.json()) {
                assertFalse(error.path("code").asText().isBlank(), "each error has its code: " + where);
                descriptions.add(error.path("description").asText());
            }
        }
        assertFalse(descriptions.isEmpty() || descriptions.stream().anyMatch(String::isBlank), "each error says what to fix: " + where);
    }

    private static String path(String template, List<String> values) {
        Matcher parameter = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        int next = 0;
        while (parameter.find()) {
            parameter.appendReplacement(path, Matcher.quoteReplacement(encode(values.get(next++ % values.size()))));
        }
        return parameter.appendTail(path).toString();
    }

    private static String query(Map<String, String> parameters) {
        return parameters.isEmpty() ? "" : parameters.entrySet().stream()
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode body(String routeKey, List<Change> changes) {
        ObjectNode body = Json.MAPPER.valueToTree(PORTAL_BODIES.getOrDefault(routeKey, Map.of()));
        for (Change change : changes) {
            String[] names = change.field().split("\\.");
            ObjectNode parent = body;
            for (int i = 0; i < names.length - 1; i++) {
                parent = parent.path(names[i]).isObject() ? (ObjectNode) parent.get(names[i]) : parent.putObject(names[i]);
            }
            if (change.value() == null) {
                parent.remove(names[names.length - 1]);
            } else {
                parent.set(names[names.length - 1], change.value());
            }
        }
        return body;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> less = new HashMap<>(body);
        less.remove(field);
        return less;
    }

    @Provide
    Arbitrary<Attack> attacks() {
        Arbitrary<String> headerValue = Arbitraries.oneOf(Arbitraries.strings().withCharRange('!', '~').ofMaxLength(300),
                Arbitraries.strings().withCharRange('a', 'z').ofLength(22));
        // Mostly a JSON body (null here); now and then one that is not an object, or not JSON at all.
        Arbitrary<String> rawBody = Arbitraries.of("", " ", "not json", "[]", "\"text\"", "{", "{\"a\":", "null", "12", "[{}]",
                "{\"satisfaction\":5,\"satisfaction\":\"5\"}", "{}{}").injectNull(0.85);
        return Combinators.combine(
                texts().list().ofMinSize(1).ofMaxSize(2),
                Arbitraries.maps(Arbitraries.of(QUERY_PARAMETERS), texts()).ofMaxSize(3),
                Arbitraries.maps(Arbitraries.of(KEY_HEADERS), headerValue).ofMaxSize(4),
                Combinators.combine(Arbitraries.of(FIELDS), values().injectNull(0.2)).as(Change::new).list().ofMaxSize(5),
                rawBody).as(Attack::new);
    }

    /** Text a client might send anywhere: far too long, any characters at all, ids, references, dates and times good and bad. */
    private static Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                // Any length past an id's, up to past DynamoDB's 2,048 bytes for a key, as likely long as short.
                Tuple.of(2, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(Ids.MAX_LENGTH + 1).ofMaxLength(3000)
                        .withLengthDistribution(RandomDistribution.uniform())),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(3, Arbitraries.of("", " ", "missed-bin", "banksia-hall", "karri-meeting-room", "waste", "booking",
                        "request", "K7MP3QXR", "k7mp-3qxr", "9999-12-31", "0000-01-01", "+10000-01-01", "-2026-01-01",
                        "2026-02-30", "2026-13", "2100-12-31", "2000-01-01", "1999-12", "25:00", "13:00", "12:07",
                        "../../etc/passwd", "%00", "%2F", "<script>alert(1)</script>", "' OR '1'='1", "😀", "\u0000",
                        "null", "1e400", "-1", "0", "7", "2.5", "99999999999999999999", "csv", "weekly")),
                Tuple.of(1, Arbitraries.strings().withChars("23456789ABCDEFGHJKMNPQRSTVWXYZ- ").ofMinLength(1).ofMaxLength(12)));
    }

    /** Any JSON value: text, whole and fractional numbers of every size, true, false, null, lists and objects. */
    private static Arbitrary<JsonNode> values() {
        Arbitrary<JsonNode> leaf = Arbitraries.frequencyOf(
                Tuple.of(4, texts().map(TextNode::valueOf)),
                Tuple.of(2, Arbitraries.longs().map(LongNode::valueOf)),
                Tuple.of(1, Arbitraries.of(2.5, -0.5, 4.999, 1e308, -1e308, 0.0).map(DoubleNode::valueOf)),
                Tuple.of(1, Arbitraries.of("1e400", "-1e400", "123456789012345678901234567890", "1.0")
                        .map(number -> DecimalNode.valueOf(new BigDecimal(number)))),
                Tuple.of(1, Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE, NullNode.getInstance())));
        return Arbitraries.frequencyOf(
                Tuple.of(6, leaf),
                Tuple.of(1, leaf.list().ofMaxSize(3).map(items -> JsonNodeFactory.instance.arrayNode().addAll(items))),
                Tuple.of(1, Arbitraries.maps(Arbitraries.of(FIELDS), leaf).ofMaxSize(3)
                        .map(fields -> (JsonNode) JsonNodeFactory.instance.objectNode().setAll(new HashMap<>(fields)))));
    }
}
