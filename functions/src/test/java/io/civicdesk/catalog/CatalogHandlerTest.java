package io.civicdesk.catalog;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.languages.Translations;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
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
            .with(service("pothole", "Report a pothole", "Roads", "roads", 2).withTranslations(new Translations(Map.of(
                    "vi", Map.of("name", "Ổ gà", "theme", "Đường sá", "question.where.label", "Ở đâu?",
                            "question.where.option.Near the kerb", "Gần lề đường"),
                    "ar", Map.of("name", "حفرة"))))));

    private static Service service(String id, String name, String theme, String unitId, int order) {
        return new Service(id, name, theme, unitId, "About " + name, "We look at it.", "5 days", null, 2, 10,
                List.of(), order, List.of(new Question("where", "Where is it?", QuestionType.SINGLE_CHOICE, true, null,
                List.of("In a lane", "Near the kerb"), 1, null, null, null)));
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

    private APIGatewayV2HTTPResponse get(String routeKey, Map<String, String> path, String lang, String acceptLanguage) {
        var event = event(routeKey, path, null, null);
        if (lang != null) {
            event.setQueryStringParameters(Map.of("lang", lang));
        }
        Map<String, String> headers = new HashMap<>();
        if (acceptLanguage != null) {
            headers.put("accept-language", acceptLanguage);
        }
        event.setHeaders(headers);
        return call(handler, event);
    }

    @Test
    void aServiceAnswersInTheLanguageAskedFallingBackToEnglishFieldByField() {
        APIGatewayV2HTTPResponse detail = get("GET /services/{serviceId}", Map.of("serviceId", "pothole"), "vi", null);
        assertEquals(200, detail.getStatusCode(), detail.getBody());
        assertEquals("Ổ gà", json(detail).path("name").asText());
        assertEquals("About Report a pothole", json(detail).path("description").asText(), "not translated: English");
        assertEquals("vi", json(detail).path("language").asText());
        var where = json(detail).path("questions").get(0);
        assertEquals("Ở đâu?", where.path("label").asText());
        assertEquals("Near the kerb", where.path("options").get(1).asText(), "the answer is still the English option");
        assertEquals("Gần lề đường", where.path("optionLabels").get(1).asText());
        assertEquals("In a lane", where.path("optionLabels").get(0).asText());
    }

    @Test
    void theListingGroupsByTheTranslatedThemeAndTheBrowsersLanguageCountsWhenNoneIsAsked() {
        APIGatewayV2HTTPResponse listing = get("GET /services", null, null, "ar-IQ,en;q=0.5");
        assertEquals("ar", json(listing).path("language").asText());
        assertEquals("Accept-Language", listing.getHeaders().get("vary"), "a cache keeps a copy per language");
        assertEquals("حفرة", json(listing).path("themes").get(1).path("services").get(0).path("name").asText());
        APIGatewayV2HTTPResponse vietnamese = get("GET /services", null, "vi", "ar");
        assertEquals("Đường sá", json(vietnamese).path("themes").get(1).path("name").asText());
    }

    @Test
    void aLanguageWeDoNotSpeakIsRefusedNamingLang() {
        APIGatewayV2HTTPResponse refused = get("GET /services", null, "klingon", null);
        assertEquals(400, refused.getStatusCode());
        assertTrue(names(refused, "lang"), refused.getBody());
        assertTrue(refused.getBody().contains("vi (Tiếng Việt)"), refused.getBody());
    }
}
