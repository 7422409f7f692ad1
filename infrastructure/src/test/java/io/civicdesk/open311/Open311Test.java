package io.civicdesk.open311;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Service;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Items;
import io.civicdesk.platform.Json;
import io.civicdesk.requests.RequestWiring;
import io.civicdesk.requests.SubmissionReader;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Open311 GeoReport v2 API on the local stack, over the demo council's catalogue: every endpoint in JSON and in
 * XML (read by the JDK's XML parser, element by element), every error the specification lists in its own format,
 * the keys administrators issue and revoke, and a report sent through it landing as a normal request. The 90-day
 * window, the offsets of its date-times and the due dates hang on the day, so it runs at the fixed days too.
 */
@DependsOnTheDate
class Open311Test {
    private static final Map<String, String> ADMIN = Api.signedInAs("demo-admin");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Api api;
    private static String key;
    /**
     * The demo's bulk verge collection without its fee (every kind of attribute, and a notice): a service paid online
     * is refused here ({@link #aServicePaidOnlineIsRefusedNamingServiceCodeInBothFormats}), so the reports are of this.
     */
    private static final String FREE_VERGE = "open311-verge";

    @BeforeAll
    static void anIntegratorHasAKey() {
        api = TestStack.api();
        key = issue("Test integrator " + UUID.randomUUID()).path("key").asText();
        CatalogStore catalog = new CatalogStore(TestStack.get().dynamoDb(), "CatalogTable");
        Service verge = catalog.service("bulk-verge").orElseThrow();
        catalog.putService(new Service(FREE_VERGE, verge.name(), verge.theme(), verge.unitId(), verge.description(),
                verge.whatHappensNext(), verge.timeframe(), verge.notice(), verge.responseDays(), verge.resolutionDays(),
                verge.keywords(), verge.order(), verge.questions(), verge.translations()));
    }

    @AfterAll
    static void theFreeVergeGoes() {
        TestStack.get().dynamoDb().deleteItem(d -> d.tableName("CatalogTable").key(Items.key("CATALOG", "SERVICE#" + FREE_VERGE)));
    }

    @Test
    void aServicePaidOnlineIsRefusedNamingServiceCodeInBothFormats() {
        Map<String, List<String>> paid = bulkVerge(key, personal());
        paid.put("service_code", List.of("bulk-verge"));
        for (String format : List.of("json", "xml")) {
            Api.Reply refused = post("requests." + format, paid);
            assertNamed(refused, 400, format, "service_code");
            assertTrue(errors(refused, 400, format).get(0).contains("fee the resident pays online"), refused.body());
        }
    }

    private static JsonNode issue(String name) {
        Api.Reply issued = api.post("/staff/open311/keys", Json.write(Map.of("name", name, "organisation", "Tests")), ADMIN);
        assertEquals(201, issued.status(), issued.body());
        return issued.json();
    }

    private static Api.Reply get(String document) {
        return api.get("/open311/v2/" + document);
    }

    private static Api.Reply post(String document, Map<String, List<String>> form) {
        return post(document, form, Map.of());
    }

    private static Api.Reply post(String document, Map<String, List<String>> form, Map<String, String> headers) {
        String body = form.entrySet().stream().flatMap(field -> field.getValue().stream().map(value ->
                        URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestStack.get().apiUrl() + "/open311/v2/" + document))
                    .header("content-type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bulk verge collection, as FixMyStreet would send one: every field the specification has. */
    private static Map<String, List<String>> bulkVerge(String apiKey, Map<String, String> personal) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("api_key", List.of(apiKey));
        form.put("jurisdiction_id", List.of("melaleuca.wa.gov.au"));
        form.put("service_code", List.of(FREE_VERGE));
        form.put("lat", List.of("-31.9521"));
        form.put("long", List.of("115.8612"));
        form.put("address_string", List.of("7 Grevillea Way, Melaleuca WA 6999"));
        form.put("attribute[collection-type]", List.of("General junk"));
        form.put("attribute[items][]", List.of("Furniture", "Mattresses"));
        form.put("attribute[volume]", List.of("2.5"));
        form.put("media_url", List.of("https://example.com/photo.jpg"));
        personal.forEach((name, value) -> form.put(name, List.of(value)));
        return form;
    }

    private static Map<String, String> personal() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return Map.of("first_name", "Zebedee" + suffix, "last_name", "Quartermaine" + suffix,
                "email", "zeb+" + suffix + "@example.com", "phone", "0412 555 019",
                "description", "Private words " + suffix + " about my verge");
    }

    private static org.w3c.dom.Document xml(Api.Reply reply) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(reply.body())));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + reply.body(), e);
        }
    }

    private static List<Element> children(Node parent) {
        List<Element> elements = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static List<String> names(Node parent) {
        return children(parent).stream().map(Element::getTagName).toList();
    }

    private static Element child(Node parent, String name) {
        return children(parent).stream().filter(element -> element.getTagName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no <" + name + "> in <" + parent.getNodeName() + ">"));
    }

    private static String text(Node parent, String name) {
        return child(parent, name).getTextContent();
    }

    /** The specification's errors, in the format asked for: each {code, description}; the descriptions. */
    private static List<String> errors(Api.Reply reply, int status, String format) {
        assertEquals(status, reply.status(), reply.body());
        List<String> descriptions = new ArrayList<>();
        if (format.equals("xml")) {
            org.w3c.dom.Document document = xml(reply);
            assertEquals("errors", document.getDocumentElement().getTagName());
            for (Element error : children(document.getDocumentElement())) {
                assertEquals("error", error.getTagName());
                assertEquals(List.of("code", "description"), names(error));
                assertEquals(String.valueOf(status), text(error, "code"));
                descriptions.add(text(error, "description"));
            }
        } else {
            JsonNode errors = reply.json();
            assertTrue(errors.isArray(), reply.body());
            errors.forEach(error -> {
                assertEquals(status, error.path("code").asInt(), reply.body());
                descriptions.add(error.path("description").asText());
            });
        }
        assertFalse(descriptions.isEmpty(), reply.body());
        return descriptions;
    }

    private static void assertNamed(Api.Reply reply, int status, String format, String parameter) {
        List<String> descriptions = errors(reply, status, format);
        assertTrue(descriptions.stream().anyMatch(description -> description.startsWith(parameter + ": ")),
                parameter + " named in " + descriptions);
    }

    @Test
    void discoveryNamesTheEndpointAndBothFormats() {
        JsonNode json = get("discovery.json").json();
        JsonNode endpoint = json.path("endpoints").get(0);
        assertEquals("http://wiki.open311.org/GeoReport_v2", endpoint.path("specification").asText());
        assertEquals(TestStack.get().apiUrl() + "/open311/v2", endpoint.path("url").asText(), "where the caller reached it");
        assertEquals(List.of("text/xml", "application/json"), List.of(endpoint.path("formats").get(0).asText(),
                endpoint.path("formats").get(1).asText()));
        assertTrue(json.path("key_service").asText().contains("API keys"));

        org.w3c.dom.Document xml = xml(get("discovery.xml"));
        Element root = xml.getDocumentElement();
        assertEquals("discovery", root.getTagName());
        assertEquals(List.of("changeset", "contact", "key_service", "endpoints"), names(root));
        Element xmlEndpoint = child(child(root, "endpoints"), "endpoint");
        assertEquals(List.of("specification", "url", "changeset", "type", "formats"), names(xmlEndpoint));
        assertEquals(List.of("format", "format"), names(child(xmlEndpoint, "formats")));
    }

    @Test
    void servicesListEveryServiceWithTheSpecificationsFields() {
        JsonNode services = get("services.json").json();
        assertTrue(services.isArray() && services.size() >= 10, services.toString());
        JsonNode bulk = null;
        for (JsonNode service : services) {
            if (service.path("service_code").asText().equals("bulk-verge")) {
                bulk = service;
            }
        }
        assertNotNull(bulk, services.toString());
        assertEquals("Bulk verge collection", bulk.path("service_name").asText());
        assertTrue(bulk.path("metadata").isBoolean() && bulk.path("metadata").asBoolean());
        assertEquals("realtime", bulk.path("type").asText());
        assertEquals("Bins and waste", bulk.path("group").asText());
        assertTrue(bulk.path("keywords").asText().contains("hard rubbish"));

        Element root = xml(get("services.xml")).getDocumentElement();
        assertEquals("services", root.getTagName());
        assertEquals(services.size(), children(root).size());
        for (Element service : children(root)) {
            assertEquals("service", service.getTagName());
            assertEquals(List.of("service_code", "service_name", "description", "metadata", "type", "keywords", "group"),
                    names(service));
        }
        assertEquals("true", text(children(root).stream().filter(service -> text(service, "service_code").equals("bulk-verge"))
                .findFirst().orElseThrow(), "metadata"));
    }

    @Test
    void aServiceDefinitionGivesEachQuestionAsAnAttribute() {
        JsonNode definition = get("services/bulk-verge.json").json();
        assertEquals("bulk-verge", definition.path("service_code").asText());
        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        definition.path("attributes").forEach(attribute -> attributes.put(attribute.path("code").asText(), attribute));
        assertEquals(List.of("collection-type", "items", "volume"), List.copyOf(attributes.keySet()));
        JsonNode type = attributes.get("collection-type");
        assertEquals("singlevaluelist", type.path("datatype").asText());
        assertTrue(type.path("required").asBoolean() && type.path("variable").asBoolean());
        assertEquals("What kind of collection?", type.path("description").asText());
        assertEquals("General junk", type.path("values").get(0).path("key").asText());
        assertEquals("General junk", type.path("values").get(0).path("name").asText());
        assertEquals("multivaluelist", attributes.get("items").path("datatype").asText());
        assertEquals("number", attributes.get("volume").path("datatype").asText());
        assertTrue(attributes.get("volume").path("datatype_description").asText().contains("from 0.5 to 6"));
        assertTrue(attributes.get("volume").path("order").isNumber());

        Map<String, String> datatypes = new LinkedHashMap<>();
        for (String service : List.of("missed-bin", "barking-dog", "damaged-bin")) {
            get("services/" + service + ".json").json().path("attributes").forEach(attribute ->
                    datatypes.putIfAbsent(attribute.path("datatype").asText(), service + "/" + attribute.path("code").asText()));
        }
        assertTrue(datatypes.keySet().containsAll(List.of("datetime", "text", "string", "singlevaluelist")), datatypes.toString());

        Element root = xml(get("services/bulk-verge.xml")).getDocumentElement();
        assertEquals("service_definition", root.getTagName());
        assertEquals(List.of("service_code", "attributes"), names(root));
        Element first = child(child(root, "attributes"), "attribute");
        assertEquals(List.of("variable", "code", "datatype", "required", "datatype_description", "order", "description",
                "values"), names(first));
        Element value = child(child(first, "values"), "value");
        assertEquals(List.of("key", "name"), names(value));
        assertEquals("true", text(first, "required"));
    }

    @Test
    void anUnknownServiceRequestTokenOrDocumentIsNotFoundAndAnUnknownFormatIsRefused() {
        for (String format : List.of("json", "xml")) {
            assertNamed(get("services/no-such-service." + format), 404, format, "service_code");
            assertNamed(get("requests/ZZZZ-ZZZZ." + format), 404, format, "service_request_id");
            assertNamed(get("requests/not-a-reference." + format), 404, format, "service_request_id");
            assertNamed(get("tokens/4f2c9a." + format), 404, format, "token");
            errors(get("nothing." + format), 404, format);
        }
        assertNamed(get("services.html"), 400, "json", "format");
        assertNamed(get("services"), 400, "json", "format");
        assertNamed(get("services/bulk-verge.csv"), 400, "json", "format");
    }

    @Test
    void aReportLandsAsANormalRequestWithItsChannelAndDueDateAndNothingPersonalIsEverAnswered() {
        Map<String, String> personal = personal();
        List<Api.Reply> answers = new ArrayList<>();
        Api.Reply posted = post("requests.json", bulkVerge(key, personal));
        answers.add(posted);
        assertEquals(201, posted.status(), posted.body());
        JsonNode receipt = posted.json().get(0);
        String id = receipt.path("service_request_id").asText();
        assertTrue(receipt.path("service_notice").asText().startsWith("We tell you the week"), posted.body());

        Api.Reply postedXml = post("requests.xml", bulkVerge(key, personal));
        answers.add(postedXml);
        assertEquals(201, postedXml.status(), postedXml.body());
        Element xmlRoot = xml(postedXml).getDocumentElement();
        assertEquals("service_requests", xmlRoot.getTagName());
        assertEquals(List.of("service_request_id", "service_notice"), names(child(xmlRoot, "request")));
        String xmlId = text(child(xmlRoot, "request"), "service_request_id");

        JsonNode staff = api.get("/staff/requests/" + id, ADMIN).json();
        assertEquals("open311", staff.path("channel").asText(), "recorded with its channel");
        assertEquals(FREE_VERGE, staff.path("service").path("id").asText());
        assertEquals("Mattresses", staff.path("answers").get(1).path("answer").asText().split(", ")[1]);
        assertEquals(personal.get("description"), staff.path("description").asText(), "kept for staff");
        assertEquals(personal.get("first_name") + " " + personal.get("last_name"), staff.path("resident").path("name").asText());

        Api.Reply one = get("requests/" + id + ".json");
        answers.add(one);
        JsonNode request = one.json().get(0);
        assertEquals(id, request.path("service_request_id").asText());
        assertEquals("open", request.path("status").asText());
        assertEquals("Waste Services", request.path("agency_responsible").asText());
        assertEquals("Bulk verge collection", request.path("service_name").asText());
        assertEquals("7 Grevillea Way, Melaleuca WA 6999", request.path("address").asText());
        assertEquals(-31.9521, request.path("lat").asDouble());
        assertEquals(115.8612, request.path("long").asDouble());
        assertTrue(request.path("status_notes").asText().startsWith("We have received your request."));
        OffsetDateTime requested = OffsetDateTime.parse(request.path("requested_datetime").asText());
        OffsetDateTime expected = OffsetDateTime.parse(request.path("expected_datetime").asText());
        assertEquals(ZoneOffset.ofHours(8), requested.getOffset(), "Perth's offset");
        assertEquals(LocalDate.parse(staff.path("sla").path("resolutionDue").asText()), expected.toLocalDate(),
                "expected_datetime is the request's resolution due date");
        assertTrue(request.path("description").isMissingNode(), "no public description is kept");

        Api.Reply oneXml = get("requests/" + xmlId + ".xml");
        answers.add(oneXml);
        Element xmlRequest = child(xml(oneXml).getDocumentElement(), "request");
        assertEquals("service_requests", xml(oneXml).getDocumentElement().getTagName());
        assertEquals(List.of("service_request_id", "status", "status_notes", "service_name", "service_code",
                "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime",
                "address", "lat", "long"), names(xmlRequest));

        answers.add(get("requests.json?service_request_id=" + id + "," + xmlId));
        answers.add(get("requests.xml?service_code=" + FREE_VERGE + ""));
        answers.add(get("requests.json"));
        for (Api.Reply answer : answers) {
            for (String detail : List.of(personal.get("first_name"), personal.get("last_name"), personal.get("email"),
                    "0412", "555 019", "555019", personal.get("description"), "Private words")) {
                assertFalse(answer.body().contains(detail), detail + " answered in " + answer.body());
            }
        }
    }

    @Test
    void aReportIsCheckedExactlyAsThePortalChecksOneNamingEachParameter() {
        Map<String, List<String>> noService = bulkVerge(key, Map.of());
        noService.remove("service_code");
        assertNamed(post("requests.json", noService), 400, "json", "service_code");

        Map<String, List<String>> wrong = bulkVerge(key, Map.of("email", "not-an-email"));
        wrong.put("attribute[volume]", List.of("99"));
        wrong.put("attribute[collection-type]", List.of("A sofa"));
        wrong.put("attribute[colour]", List.of("red"));
        wrong.remove("long");
        List<String> refused = errors(post("requests.xml", wrong), 400, "xml");
        for (String parameter : List.of("attribute[volume]", "attribute[collection-type]", "attribute[colour]", "long", "email")) {
            assertTrue(refused.stream().anyMatch(description -> description.startsWith(parameter + ": ")), parameter + " in " + refused);
        }
        assertTrue(refused.stream().anyMatch(description -> description.equals("attribute[volume]: 'About how many cubic metres?' must be between 0.5 and 6.")),
                "the portal's own message: " + refused);

        Map<String, List<String>> notANumber = bulkVerge(key, Map.of());
        notANumber.put("attribute[volume]", List.of("lots"));
        assertNamed(post("requests.json", notANumber), 400, "json", "attribute[volume]");
        Map<String, List<String>> nowhere = bulkVerge(key, Map.of());
        List.of("lat", "long", "address_string").forEach(nowhere::remove);
        assertNamed(post("requests.json", nowhere), 400, "json", "address_string");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyIsAnsweredWithTheFirstRequest() {
        Map<String, String> retry = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Api.Reply first = post("requests.json", bulkVerge(key, Map.of()), retry);
        assertEquals(201, first.status(), first.body());
        Api.Reply again = post("requests.json", bulkVerge(key, Map.of()), retry);
        assertEquals(first.json().get(0).path("service_request_id").asText(), again.json().get(0).path("service_request_id").asText());
        assertNamed(post("requests.json", bulkVerge(key, Map.of()), Map.of("Idempotency-Key", "short")), 400, "json",
                "Idempotency-Key");
    }

    @Test
    void reportingNeedsAKeyTheCouncilIssuedAndHasNotRevoked() {
        for (String format : List.of("json", "xml")) {
            Map<String, List<String>> noKey = bulkVerge("", Map.of());
            noKey.remove("api_key");
            assertNamed(post("requests." + format, noKey), 403, format, "api_key");
            assertNamed(post("requests." + format, bulkVerge("not-a-key-we-issued", Map.of())), 403, format, "api_key");
        }
        JsonNode issued = issue("Soon revoked " + UUID.randomUUID());
        String revokedKey = issued.path("key").asText();
        assertEquals(201, post("requests.json", bulkVerge(revokedKey, Map.of())).status(), "works until revoked");
        Api.Reply revoked = api.post("/staff/open311/keys/" + issued.path("apiKey").path("keyId").asText() + "/revoke", "{}", ADMIN);
        assertEquals(200, revoked.status(), revoked.body());
        assertTrue(revoked.json().path("revoked").asBoolean());
        assertNamed(post("requests.xml", bulkVerge(revokedKey, Map.of())), 403, "xml", "api_key");
        assertNamed(get("discovery.json?api_key=" + revokedKey), 403, "json", "api_key");
        assertEquals(409, api.post("/staff/open311/keys/" + issued.path("apiKey").path("keyId").asText() + "/revoke", "{}", ADMIN).status());
    }

    @Test
    void aKeyOverItsAllowanceThisMinuteIsAnsweredTooManyInTheSpecificationsFormat() {
        String busy = issue("Busy app " + UUID.randomUUID()).path("key").asText();
        Instant started = TestStack.clock().instant();
        int admitted = 0;
        Api.Reply refused = null;
        for (int call = 0; call < 2 * KeyCheck.CALLS_PER_MINUTE + 1 && refused == null; call++) {
            Api.Reply reply = get("discovery.xml?api_key=" + busy);
            if (reply.status() == 200) {
                admitted++;
            } else {
                refused = reply;
            }
        }
        assertNotNull(refused, "refused within two minutes' allowance");
        assertNamed(refused, 429, "xml", "api_key");
        if (started.getEpochSecond() / 60 == TestStack.clock().instant().getEpochSecond() / 60) {
            assertEquals(KeyCheck.CALLS_PER_MINUTE, admitted, "exactly the allowance, within one minute");
        }
        assertEquals(200, get("discovery.json").status(), "a call without a key is not this key's");
    }

    @Test
    void theListFiltersByIdServiceStatusAndDatesAndRefusesWhatItCannotUse() {
        String bulk = post("requests.json", bulkVerge(key, Map.of())).json().get(0).path("service_request_id").asText();
        String resolved = post("requests.json", bulkVerge(key, Map.of())).json().get(0).path("service_request_id").asText();
        Api.Reply resolving = api.post("/staff/requests/" + resolved + "/actions", Json.write(Map.of("action", "resolve",
                "resolution", "Collected on Tuesday.", "expectedVersion",
                api.get("/staff/requests/" + resolved, ADMIN).json().path("version").asLong())), ADMIN);
        assertEquals(200, resolving.status(), resolving.body());

        JsonNode closed = get("requests/" + resolved + ".json").json().get(0);
        assertEquals("closed", closed.path("status").asText());
        assertEquals("Collected on Tuesday.", closed.path("status_notes").asText(), "the latest public update");

        JsonNode both = get("requests.json?service_request_id=" + bulk + "," + resolved).json();
        assertEquals(2, both.size(), both.toString());
        List<String> open = ids(get("requests.json?service_code=" + FREE_VERGE + "&status=open").json());
        assertTrue(open.contains(bulk) && !open.contains(resolved), open.toString());
        List<String> finished = ids(get("requests.json?service_code=" + FREE_VERGE + ",missed-bin&status=closed").json());
        assertTrue(finished.contains(resolved) && !finished.contains(bulk), finished.toString());
        get("requests.json?service_code=missed-bin").json().forEach(request ->
                assertEquals("missed-bin", request.path("service_code").asText()));
        Instant now = TestStack.clock().instant();
        List<String> window = ids(get("requests.json?service_code=" + FREE_VERGE + "&start_date=" + w3c(now.minus(Duration.ofHours(1)))
                + "&end_date=" + w3c(now.plus(Duration.ofMinutes(5)))).json());
        assertTrue(window.containsAll(List.of(bulk, resolved)), window.toString());

        for (String format : List.of("json", "xml")) {
            assertNamed(get("requests." + format + "?start_date=yesterday"), 400, format, "start_date");
            assertNamed(get("requests." + format + "?end_date=2026-13-01T00:00:00Z"), 400, format, "end_date");
            assertNamed(get("requests." + format + "?status=pending"), 400, format, "status");
            assertNamed(get("requests." + format + "?service_code=Not%20A%20Code"), 400, format, "service_code");
            assertNamed(get("requests." + format + "?start_date=" + w3c(now.minus(Duration.ofDays(200))) + "&end_date=" + w3c(now)),
                    400, format, "end_date");
        }
    }

    @Test
    void theDefaultWindowIsTheLastNinetyDaysAndAPageHoldsAtMostTheBound() {
        // Reports made in the past, by the same submission service on a clock set back: a window nobody else uses.
        Instant now = TestStack.clock().instant();
        Instant past = now.minus(Duration.ofDays(200));
        List<String> made = new ArrayList<>();
        for (int i = 0; i <= GeoReport.PAGE; i++) {
            RequestWiring wiring = RequestWiring.of(TestStack.get().dynamoDb(), "RequestsTable", "CatalogTable", "OutboxTable",
                    Clock.fixed(past.plus(Duration.ofMinutes(i)), ZoneOffset.UTC), TestStack.get().baseUrl());
            String body = Json.write(Map.of("serviceId", "graffiti", "answers", Map.of("surface", "Bus shelter", "offensive", "No"),
                    "location", Map.of("address", i + " Old Street, Melaleuca WA 6999"), "preferredChannel", "none"));
            made.add(Json.parseBody(wiring.submissions().submit(SubmissionReader.report(Json.parseBody(body)),
                    java.util.Optional.empty()).body()).path("reference").asText());
        }
        List<String> page = ids(get("requests.json?start_date=" + w3c(past.minusSeconds(1)) + "&end_date="
                + w3c(past.plus(Duration.ofDays(1)))).json());
        assertEquals(GeoReport.PAGE, page.size(), "the bound");
        assertEquals(made.get(made.size() - 1), page.get(0), "newest first");
        assertFalse(page.contains(made.get(0)), "the oldest is past the page");

        JsonNode recent = get("requests.json?service_code=graffiti").json();
        List<String> recentIds = ids(recent);
        assertTrue(made.stream().noneMatch(recentIds::contains), "none of 200 days ago is in the default window");
        recent.forEach(request -> assertTrue(OffsetDateTime.parse(request.path("requested_datetime").asText()).toInstant()
                .isAfter(now.minus(GeoReport.WINDOW).minusSeconds(60)), request.toString()));
        assertTrue(get("requests.json").json().size() <= GeoReport.PAGE);
    }

    @Test
    void onlyAdministratorsIssueKeysAndAKeyIsShownOnceAndKeptOnlyAsItsHash() {
        JsonNode issued = issue("Hash check " + UUID.randomUUID());
        String secret = issued.path("key").asText();
        String keyId = issued.path("apiKey").path("keyId").asText();
        Api.Reply list = api.get("/staff/open311/keys", ADMIN);
        assertEquals(200, list.status(), list.body());
        assertTrue(list.body().contains(keyId) && !list.body().contains(secret), "listed, the key itself never again");
        assertEquals(KeyCheck.CALLS_PER_MINUTE, list.json().path("callsPerMinute").asInt());

        Map<String, AttributeValue> item = TestStack.get().dynamoDb().getItem(get -> get.tableName("CatalogTable")
                .key(Items.key("OPEN311#KEYS", "KEY#" + keyId))).item();
        assertEquals(Hashes.sha256(secret), Items.string(item, "keyHash"));
        assertTrue(item.values().stream().noneMatch(value -> secret.equals(value.s())), item.toString());

        Map<String, String> officer = Api.signedInAs("demo-officer-waste");
        assertEquals(403, api.get("/staff/open311/keys", officer).status());
        assertEquals(403, api.post("/staff/open311/keys", Json.write(Map.of("name", "Mine")), officer).status());
        assertEquals(403, api.post("/staff/open311/keys/" + keyId + "/revoke", "{}", officer).status());
        api.post("/staff/open311/keys", Json.write(Map.of("organisation", "Nobody")), ADMIN).assertNames("name");
        api.post("/staff/open311/keys", Json.write(Map.of("name", 7)), ADMIN).assertNames("name");
        assertEquals(404, api.post("/staff/open311/keys/0000000000000000/revoke", "{}", ADMIN).status());
        assertTrue(api.get("/staff/me", ADMIN).json().path("can").path("manageApiKeys").asBoolean());
        assertFalse(api.get("/staff/me", officer).json().path("can").path("manageApiKeys").asBoolean());
    }

    private static List<String> ids(JsonNode requests) {
        List<String> ids = new ArrayList<>();
        requests.forEach(request -> ids.add(request.path("service_request_id").asText()));
        return ids;
    }

    private static String w3c(Instant at) {
        return URLEncoder.encode(OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(8)).withNano(0).toString(), StandardCharsets.UTF_8);
    }
}
