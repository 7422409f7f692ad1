package io.civicdesk.search;

import io.civicdesk.articles.Article;
import io.civicdesk.articles.ArticleKind;
import io.civicdesk.articles.Audience;
import io.civicdesk.languages.Language;
import io.civicdesk.languages.Translations;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The translations' fields and their analyzers: Arabic found whatever its article, plural or spelling of alef,
 * Vietnamese by its words with their tones, each answered in its language; English searches see English only.
 */
class TranslatedSearchTest {
    private static final KnowledgeIndex INDEX = KnowledgeIndex.build(List.of(
            SearchDocument.of(article("bin-collection-days", "Bin collection days", "When your bins are collected.",
                    "General waste is collected every week.", Map.of(
                            "ar", Map.of("title", "مواعيد جمع الحاويات", "summary", "متى تُجمع حاوياتك.",
                                    "body", "تُجمع **النفايات العامة** كل أسبوع."),
                            "vi", Map.of("title", "Ngày thu gom thùng rác", "summary", "Khi nào thùng rác được thu gom.")))),
            SearchDocument.of(article("potholes-and-road-repairs", "Potholes and road repairs", "Report a pothole.",
                    "A crew repairs it.", Map.of("vi", Map.of("title", "Ổ gà và sửa chữa đường")))),
            SearchDocument.of(article("street-lights", "Street lights", "A light that is out.", "Give the pole number.",
                    Map.of()))));

    private static List<String> ids(String typed, Language language) {
        return INDEX.search(SearchQuery.of(typed), language, Synonyms.NONE, true, 10).hits().stream()
                .map(SearchHit::id).toList();
    }

    @Test
    void arabicIsFoundWithoutItsArticleInTheSingularAndWithAnotherAlef() {
        assertEquals(List.of("bin-collection-days"), ids("حاوية", Language.ARABIC), "the singular finds the plural");
        assertEquals(List.of("bin-collection-days"), ids("الحاويات", Language.ARABIC));
        assertEquals(List.of("bin-collection-days"), ids("النفايات", Language.ARABIC), "the body is searched, as text");
        SearchHit hit = INDEX.search(SearchQuery.of("النفايات"), Language.ARABIC, Synonyms.NONE, true, 1).hits().get(0);
        assertEquals("مواعيد جمع الحاويات", hit.title());
        assertTrue(hit.snippetHtml().contains("<mark>النفايات</mark>"), "the snippet is of the Arabic body: " + hit.snippetHtml());
    }

    @Test
    void vietnameseIsFoundByItsWordsWithTheirTonesInAnyCase() {
        assertEquals("potholes-and-road-repairs", ids("Ổ GÀ", Language.VIETNAMESE).get(0));
        assertEquals("bin-collection-days", ids("thùng rác", Language.VIETNAMESE).get(0));
        SearchHit hit = INDEX.search(SearchQuery.of("thùng rác"), Language.VIETNAMESE, Synonyms.NONE, true, 1).hits().get(0);
        assertEquals("Ngày thu gom thùng rác", hit.title());
    }

    @Test
    void aReaderOfALanguageStillFindsByEnglishAndSeesEnglishWhereThereIsNoTranslation() {
        SearchHit hit = INDEX.search(SearchQuery.of("street light"), Language.ARABIC, Synonyms.NONE, true, 1).hits().get(0);
        assertEquals("Street lights", hit.title());
        assertEquals("Report a pothole.", INDEX.search(SearchQuery.of("Ổ gà"), Language.VIETNAMESE, Synonyms.NONE, true, 1)
                .hits().get(0).summary(), "the summary not translated is the English");
    }

    @Test
    void anEnglishSearchLooksInTheEnglishOnly() {
        assertEquals(List.of(), ids("حاويات", Language.ENGLISH));
        assertEquals(List.of(), ids("thùng", Language.ENGLISH));
    }

    private static Article article(String id, String title, String summary, String body,
                                   Map<String, Map<String, String>> translations) {
        return new Article(id, ArticleKind.GUIDANCE, Audience.RESIDENTS, title, summary, body, List.of(), "waste",
                LocalDate.of(2030, 1, 1), 1, Instant.EPOCH, "test", new Translations(translations));
    }
}
