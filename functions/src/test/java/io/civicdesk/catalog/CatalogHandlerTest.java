package io.civicdesk.catalog;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.civicdesk.testing.HttpEvents.call;
import static io.civicdesk.testing.HttpEvents.event;
import static io.civicdesk.testing.HttpEvents.json;
import static io.civicdesk.testing.HttpEvents.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogHandlerTest {
    private final CatalogHandler handler = new CatalogHandler(InMemoryCatalog.twoUnits()
            .with(service("bin-repair", "Repair a damaged bin", "Bins", "waste", 1))
            .with(service("pothole", "Report a pothole", "Roads", "roads", 2)));

    private static Service service(String id, String name, String theme, String unitId, int order) {
        return new Service(id, name, theme, unitId, "About " + name, "We look at it.", "5 days", null, 2, 10,
                List.of(), order, List.of());
    }

    @Test
    void theCatalogueAnswersWithItsServicesByTheme() {
        APIGatewayV2HTTPResponse listing = call(handler, event("GET /services", null, null, null));
        assertEquals(200, listing.getStatusCode(), listing.getBody());
        assertEquals("Melaleuca Shire", json(listing).path("council").path("name").asText());
        assertEquals("bin-repair", json(listing).path("themes").get(0).path("services").get(0).path("id").asText());
        assertEquals("Roads and Drainage",
                json(listing).path("themes").get(1).path("services").get(0).path("unit").path("name").asText());
        assertTrue(listing.getHeaders().get("cache-control").contains("max-age"));
    }

    @Test
    void aServiceAnswersWithItsDetail() {
        APIGatewayV2HTTPResponse detail = call(handler, event("GET /services/{serviceId}", Map.of("serviceId", "pothole"), null, null));
        assertEquals(200, detail.getStatusCode());
        assertEquals("Report a pothole", json(detail).path("name").asText());
    }

    @Test
    void anUnknownServiceIsNotFoundAndAMalformedIdNamesTheField() {
        assertEquals(404, call(handler, event("GET /services/{serviceId}", Map.of("serviceId", "no-such"), null, null))
                .getStatusCode());
        APIGatewayV2HTTPResponse odd = call(handler, event("GET /services/{serviceId}", Map.of("serviceId", "NOT AN ID"), null, null));
        assertEquals(400, odd.getStatusCode());
        assertTrue(names(odd, "serviceId"), odd.getBody());
    }
}
