package io.civicdesk.open311;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.Question;
import io.civicdesk.catalog.QuestionType;
import io.civicdesk.catalog.Service;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Refusal;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The GeoReport v2 documents written as XML and JSON, from records built in code. */
class Open311ViewsTest {
    private static final Service TRICKY = new Service("tricky", "Signs <broken> & \"bent\"", "Roads", "roads",
            "A </description> inside", "We fix it.", "A week", null, 1, 5, List.of("sign", "post"), 1, List.of(
            new Question("size", "How big?", QuestionType.NUMBER, false, null, List.of(), 1, null, null, 10.0)));

    private static Element root(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)))
                .getDocumentElement();
    }

    @Test
    void textIsEscapedInXmlSoAnyServiceNameReadsBackAsWritten() throws Exception {
        String xml = Open311Views.write(Open311Views.services(List.of(TRICKY)), Format.XML);
        Element service = (Element) root(xml).getElementsByTagName("service").item(0);
        assertEquals("Signs <broken> & \"bent\"", service.getElementsByTagName("service_name").item(0).getTextContent());
        assertEquals("A </description> inside", service.getElementsByTagName("description").item(0).getTextContent());
        assertEquals("sign,post", service.getElementsByTagName("keywords").item(0).getTextContent());
    }

    @Test
    void jsonIsAnArrayOfTheSameFieldsAndANumbersBoundIsDescribed() {
        JsonNode services = Json.parseBody(Open311Views.write(Open311Views.services(List.of(TRICKY)), Format.JSON));
        assertEquals("tricky", services.get(0).path("service_code").asText());
        assertEquals(true, services.get(0).path("metadata").asBoolean());
        JsonNode definition = Json.parseBody(Open311Views.write(Open311Views.definition(TRICKY), Format.JSON));
        JsonNode size = definition.path("attributes").get(0);
        assertEquals("number", size.path("datatype").asText());
        assertEquals("A number, 10 or less.", size.path("datatype_description").asText());
        assertFalse(size.path("required").asBoolean());
        assertEquals(true, size.path("values").isMissingNode(), "no values for a number");
    }

    @Test
    void aRequestsTimesAreW3cWithTheirOffsetAndEmptyFieldsAreLeftOut() throws Exception {
        ZonedDateTime at = ZonedDateTime.of(2026, 12, 24, 23, 59, 30, 5_000_000, ZoneId.of("Australia/Perth"));
        PublicRequest request = new PublicRequest("K7MP3QXR", PublicRequest.OPEN, null, "Pothole", "pothole", "Roads",
                null, at, at, at.plusDays(3), null, -31.95, 115.86, null);
        Element xml = (Element) root(Open311Views.write(Open311Views.requests(List.of(request)), Format.XML))
                .getElementsByTagName("request").item(0);
        assertEquals("2026-12-24T23:59:30+08:00", xml.getElementsByTagName("requested_datetime").item(0).getTextContent());
        assertEquals("2026-12-27T23:59:30+08:00", xml.getElementsByTagName("expected_datetime").item(0).getTextContent());
        assertEquals(0, xml.getElementsByTagName("status_notes").getLength());
        assertEquals(0, xml.getElementsByTagName("address").getLength());
        JsonNode json = Json.parseBody(Open311Views.write(Open311Views.requests(List.of(request)), Format.JSON)).get(0);
        assertEquals(-31.95, json.path("lat").asDouble());
        assertFalse(json.has("address"));
    }

    @Test
    void eachFieldRefusedIsOneErrorWithTheStatusAsItsCode() throws Exception {
        Refusal refused = Refusal.invalid(List.of(new FieldError("lat", "must be a number."),
                new FieldError("attribute[size]", "must be 10 or less.")));
        Element errors = root(Open311Views.write(Open311Views.errors(refused, 400), Format.XML));
        assertEquals("errors", errors.getTagName());
        assertEquals(2, errors.getElementsByTagName("error").getLength());
        assertEquals("400", errors.getElementsByTagName("code").item(1).getTextContent());
        assertEquals("attribute[size]: must be 10 or less.", errors.getElementsByTagName("description").item(1).getTextContent());
        JsonNode json = Json.parseBody(Open311Views.write(Open311Views.errors(Refusal.forbidden("api_key: revoked."), 403), Format.JSON));
        assertEquals(403, json.get(0).path("code").asInt());
        assertEquals("api_key: revoked.", json.get(0).path("description").asText());
    }
}
