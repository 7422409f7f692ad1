package io.civicdesk.articles;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Articles in the residents' languages, through the local gateway: the demo articles as the catalogue file translates
 * them, a staff translation of some fields only (the rest read in English, and said to be), what the editor refuses,
 * and search finding an article by the words of its translation.
 */
class ArticleTranslationsTest {
    private static final Map<String, String> SAM = Api.signedInAs("demo-officer-waste");
    private static final List<String> RESIDENT_ARTICLES = List.of("bin-collection-days", "what-goes-in-which-bin",
            "hard-rubbish-collection", "potholes-and-road-repairs", "verges-and-nature-strips", "street-lights",
            "booking-a-community-hall");

    private final Api api = TestStack.api();

    private static Map<String, Object> draft(String title) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("kind", "guidance");
        draft.put("audience", "residents");
        draft.put("title", title);
        draft.put("summary", "What to do when the green bin is not emptied.");
        draft.put("body", "## Garden waste\n\nPut the bin out by **6am** on your collection day.");
        draft.put("serviceIds", List.of("missed-bin"));
        draft.put("unitId", "waste");
        draft.put("reviewBy", TestStack.today().plusMonths(6).toString());
        return draft;
    }

    private Api.Reply save(String id, Map<String, Object> draft) {
        return api.put("/staff/articles/" + id, Json.write(draft), SAM);
    }

    @Test
    void everyDemoResidentArticleReadsWhollyInArabicAndVietnamese() {
        for (String id : RESIDENT_ARTICLES) {
            JsonNode english = api.get("/articles/" + id).json();
            for (String tag : List.of("ar", "vi")) {
                JsonNode translated = api.get("/articles/" + id + "?lang=" + tag).json();
                assertEquals(tag, translated.path("language").asText(), translated.toString());
                assertEquals(0, translated.path("english").size(), id + " " + tag + " " + translated.path("english"));
                assertTrue(!translated.path("title").asText().equals(english.path("title").asText())
                        && !translated.path("html").asText().equals(english.path("html").asText()), id + " " + tag);
                assertTrue(translated.path("html").asText().contains("<h2>"), "the translation is Markdown too");
            }
        }
        JsonNode arabic = api.get("/articles/bin-collection-days?lang=ar").json();
        assertEquals("مواعيد جمع الحاويات", arabic.path("title").asText());
        assertTrue(arabic.path("html").asText().contains("href=\"report.html?service=missed-bin\""), arabic.toString());
        assertEquals("صندوق نفايات لم يُفرَّغ", arabic.path("services").get(0).path("name").asText(),
                "the services it helps with are named in the language too");
    }

    @Test
    void theBrowsersLanguageChoosesWhenThePageNamesNone() {
        JsonNode vietnamese = api.get("/articles/street-lights", Map.of("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.5")).json();
        assertEquals("vi", vietnamese.path("language").asText());
        assertEquals("Đèn đường", vietnamese.path("title").asText());
        Api.Reply answer = api.get("/articles/street-lights?lang=ar");
        assertTrue(answer.status() == 200 && api.get("/articles/street-lights?lang=xx").status() == 400);
        api.get("/articles/street-lights?lang=xx").assertNames("lang");
    }

    @Test
    void aFieldNotYetTranslatedIsReadInEnglishAndMarkedForStaffAndResidents() {
        String id = "test-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> draft = draft("Green bins " + id);
        draft.put("translations", Map.of("ar", Map.of("title", "الصناديق الخضراء", "summary", "  ")));
        JsonNode saved = save(id, draft).json();
        assertEquals(Map.of("title", "الصناديق الخضراء"), Json.MAPPER.convertValue(
                saved.path("latest").path("translations").path("ar"), Map.class), "a blank text is no translation");
        assertEquals(List.of("summary", "body"), strings(saved.path("latest").path("untranslated").path("ar")));
        assertEquals(List.of("title", "summary", "body"), strings(saved.path("latest").path("untranslated").path("vi")));
        api.post("/staff/articles/" + id + "/publish", Json.write(Map.of("revision", saved.path("revision").asInt())), SAM);

        JsonNode arabic = api.get("/articles/" + id + "?lang=ar").json();
        assertEquals("الصناديق الخضراء", arabic.path("title").asText());
        assertEquals("What to do when the green bin is not emptied.", arabic.path("summary").asText());
        assertEquals(List.of("summary", "body"), strings(arabic.path("english")));
        assertEquals("Green bins " + id, api.get("/articles/" + id + "?lang=vi").json().path("title").asText());
    }

    @Test
    void theEditorRefusesATranslationItCannotKeepNamingTheField() {
        String id = "test-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> draft = draft("Green bins " + id);
        draft.put("translations", Map.of("fr", Map.of("title", "Bacs verts"),
                "ar", Map.of("title", "ع".repeat(Article.TITLE_MAX + 1), "colour", "أخضر"),
                "en", Map.of("title", "Green bins")));
        Api.Reply refused = save(id, draft);
        refused.assertNames("translations.fr");
        refused.assertNames("translations.en");
        refused.assertNames("translations.ar.title");
        refused.assertNames("translations.ar.colour");
        assertEquals(404, api.get("/staff/articles/" + id, SAM).status(), "nothing was saved");

        draft.put("translations", Map.of("vi", "Thùng xanh"));
        save(id, draft).assertNames("translations.vi");
    }

    @Test
    void searchInALanguageFindsTheArticleByItsTranslatedWordsAndAnswersInThatLanguage() {
        JsonNode arabic = api.get("/search?lang=ar&q=" + encode("مواعيد الحاويات")).json();
        JsonNode first = arabic.path("results").get(0);
        assertEquals("bin-collection-days", first.path("id").asText(), arabic.toString());
        assertEquals("مواعيد جمع الحاويات", first.path("title").asText());

        JsonNode vietnamese = api.get("/search?lang=vi&q=" + encode("ổ gà")).json();
        assertTrue(ids(vietnamese).contains("potholes-and-road-repairs"), vietnamese.toString());
        assertTrue(vietnamese.path("results").findValuesAsText("title").contains("Ổ gà và sửa chữa đường"));

        JsonNode english = api.get("/search?q=" + encode("مواعيد الحاويات")).json();
        assertEquals(0, english.path("results").size(), "an English search looks in the English only");
    }

    private static List<String> ids(JsonNode results) {
        return results.path("results").findValuesAsText("id");
    }

    private static List<String> strings(JsonNode array) {
        return Json.MAPPER.convertValue(array, List.class);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
