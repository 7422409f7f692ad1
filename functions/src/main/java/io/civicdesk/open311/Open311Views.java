package io.civicdesk.open311;

import io.civicdesk.catalog.Question;
import io.civicdesk.catalog.Service;
import io.civicdesk.open311.Document.Fields;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Refusal;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GeoReport v2 documents, field by field as http://wiki.open311.org/GeoReport_v2 names them, and their two
 * spellings: XML (written by the JDK's StAX writer, so every value is escaped) and JSON. Date-times are W3C with
 * their offset, in the council's time zone.
 */
public final class Open311Views {
    /** When this API's documents last changed shape (the discovery document's changeset). */
    static final String CHANGESET = "2026-12-04T00:00:00+08:00";
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private Open311Views() {
    }

    public static Document discovery(String councilName, String endpoint) {
        return Document.object("discovery", new Fields()
                .put("changeset", CHANGESET)
                .put("contact", councilName + ": contact the council's customer service.")
                .put("key_service", "Administrators of " + councilName + " issue API keys: ask the council's customer service for one.")
                .put("endpoints", new Document.Items("endpoint", List.of(new Fields()
                        .put("specification", SPECIFICATION)
                        .put("url", endpoint)
                        .put("changeset", CHANGESET)
                        .put("type", "production")
                        .put("formats", new Document.Items("format", List.of("text/xml", "application/json")))))));
    }

    public static Document services(List<Service> services) {
        return Document.list("services", "service", services.stream().map(service -> new Fields()
                .put("service_code", service.id())
                .put("service_name", service.name())
                .put("description", service.description())
                .put("metadata", !service.questions().isEmpty())
                .put("type", "realtime")
                .put("keywords", String.join(",", service.keywords()))
                .put("group", service.theme())).toList());
    }

    public static Document definition(Service service) {
        List<Fields> attributes = new ArrayList<>();
        for (Question question : service.questions()) {
            attributes.add(new Fields()
                    .put("variable", true)
                    .put("code", question.id())
                    .put("datatype", datatype(question))
                    .put("required", question.required())
                    .put("datatype_description", datatypeDescription(question))
                    .put("order", question.order())
                    .put("description", question.label())
                    .put("values", question.type().isChoice() ? new Document.Items("value", question.options().stream()
                            .map(option -> new Fields().put("key", option).put("name", option)).toList()) : null));
        }
        return Document.object("service_definition", new Fields()
                .put("service_code", service.id())
                .put("attributes", new Document.Items("attribute", attributes)));
    }

    public static Document requests(List<PublicRequest> requests) {
        return Document.list("service_requests", "request", requests.stream().map(request -> new Fields()
                .put("service_request_id", request.serviceRequestId())
                .put("status", request.status())
                .put("status_notes", request.statusNotes())
                .put("service_name", request.serviceName())
                .put("service_code", request.serviceCode())
                .put("agency_responsible", request.agencyResponsible())
                .put("service_notice", request.serviceNotice())
                .put("requested_datetime", w3c(request.requested()))
                .put("updated_datetime", w3c(request.updated()))
                .put("expected_datetime", w3c(request.expected()))
                .put("address", request.address())
                .put("lat", request.latitude())
                .put("long", request.longitude())
                .put("media_url", request.mediaUrl())).toList());
    }

    public static Document submitted(Submitted submitted) {
        return Document.list("service_requests", "request", List.of(new Fields()
                .put("service_request_id", submitted.serviceRequestId())
                .put("service_notice", submitted.serviceNotice())));
    }

    /** The specification's errors: one per parameter refused, each with the status as its code. */
    public static Document errors(Refusal refusal, int status) {
        List<Fields> errors = new ArrayList<>();
        for (FieldError error : refusal.errors()) {
            errors.add(new Fields().put("code", status).put("description", error.field() + ": " + error.message()));
        }
        if (errors.isEmpty()) {
            errors.add(new Fields().put("code", status).put("description", refusal.getMessage()));
        }
        return Document.list("errors", "error", errors);
    }

    public static String write(Document document, Format format) {
        return format == Format.JSON ? Json.write(plain(document.value())) : xml(document);
    }

    private static String w3c(ZonedDateTime at) {
        return at == null ? null : W3C.format(at);
    }

    private static String datatype(Question question) {
        return switch (question.type()) {
            case SHORT_TEXT -> "string";
            case LONG_TEXT -> "text";
            case NUMBER -> "number";
            case DATE -> "datetime";
            case SINGLE_CHOICE -> "singlevaluelist";
            case MULTIPLE_CHOICE -> "multivaluelist";
        };
    }

    private static String datatypeDescription(Question question) {
        String how = switch (question.type()) {
            case SHORT_TEXT, LONG_TEXT -> "Text, up to " + question.effectiveMaxLength() + " characters.";
            case NUMBER -> "A number" + range(question) + ".";
            case DATE -> "A date, like 2026-11-23.";
            case SINGLE_CHOICE -> "One of the values' keys.";
            case MULTIPLE_CHOICE -> "One or more of the values' keys, each sent as attribute[" + question.id() + "][].";
        };
        return question.help() == null || question.help().isBlank() ? how : question.help() + " " + how;
    }

    private static String range(Question question) {
        String min = question.min() == null ? null : BigDecimal.valueOf(question.min()).stripTrailingZeros().toPlainString();
        String max = question.max() == null ? null : BigDecimal.valueOf(question.max()).stripTrailingZeros().toPlainString();
        if (min != null && max != null) {
            return " from " + min + " to " + max;
        }
        return min != null ? ", " + min + " or more" : max != null ? ", " + max + " or less" : "";
    }

    /** The document's value as maps and lists, for JSON. */
    private static Object plain(Object value) {
        if (value instanceof Fields fields) {
            Map<String, Object> map = new LinkedHashMap<>();
            fields.asMap().forEach((name, field) -> map.put(name, plain(field)));
            return map;
        }
        if (value instanceof Document.Items items) {
            return items.values().stream().map(Open311Views::plain).toList();
        }
        return value;
    }

    private static String xml(Document document) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            element(xml, document.root(), document.value());
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write XML", e);
        }
        return text.toString();
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        xml.writeStartElement(name);
        if (value instanceof Fields fields) {
            for (Map.Entry<String, Object> field : fields.asMap().entrySet()) {
                element(xml, field.getKey(), field.getValue());
            }
        } else if (value instanceof Document.Items items) {
            for (Object item : items.values()) {
                element(xml, items.item(), item);
            }
        } else {
            xml.writeCharacters(String.valueOf(value));
        }
        xml.writeEndElement();
    }
}
