package io.civicdesk.search;

import io.civicdesk.languages.Language;
import io.civicdesk.articles.Article;
import io.civicdesk.articles.ArticleKind;
import io.civicdesk.articles.Audience;
import io.civicdesk.catalog.Service;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnowledgeIndexTest {
    private static final Synonyms COUNCIL_WORDS = new Synonyms(List.of(
            List.of("rubbish", "waste", "garbage"),
            List.of("verge", "kerb", "nature strip")));

    private static final KnowledgeIndex INDEX = KnowledgeIndex.build(List.of(
            SearchDocument.of(service("missed-bin", "Missed bin collection",
                    "Your bin was out on time but was not emptied on your collection day.",
                    List.of("rubbish", "collection", "wheelie bin"))),
            SearchDocument.of(service("pothole", "Pothole or damaged road",
                    "A hole or broken surface on a council road.", List.of("road", "hole"))),
            SearchDocument.of(article("bin-collection-days", Audience.RESIDENTS, "Bin collection days",
                    "Find which day your bins are collected.",
                    "General waste is collected every week. Recycling and garden organics are collected every "
                            + "second week. Put your bins out by 6am.")),
            SearchDocument.of(article("verges-and-nature-strips", Audience.RESIDENTS, "Looking after your verge",
                    "What you may plant on the verge in front of your home.",
                    "You may plant low shrubs on the verge. Keep 1.5 metres clear beside the footpath.")),
            SearchDocument.of(article("taking-a-missed-bin-call", Audience.STAFF, "Taking a missed bin call",
                    "What to ask a caller whose bin was missed.",
                    "Ask which bin was missed and whether it was out by 6am. Check the truck's records.")),
            SearchDocument.of(article("paint-disposal", Audience.RESIDENTS, "Old paint",
                    "Where to take old paint tins.",
                    "Take paint to the recycling centre. Do not put paint in a waste bin; bins are for household items."))));

    private static List<String> ids(String typed, boolean residentsOnly) {
        return INDEX.search(SearchQuery.of(typed), Language.SOURCE, COUNCIL_WORDS, residentsOnly, 10).hits().stream()
                .map(SearchHit::id).toList();
    }

    @Test
    void aWordFindsItsOtherFormsByStemming() {
        assertFound(ids("collections", true), "bin-collection-days", "missed-bin");
        assertFound(ids("planting", true), "verges-and-nature-strips");
    }

    @Test
    void aCouncilSynonymFindsWhatItsOtherWordsFind() {
        assertFound(ids("garbage", true), "bin-collection-days", "missed-bin");
        assertFound(ids("kerb", true), "verges-and-nature-strips");
        assertFound(ids("nature strip", true), "verges-and-nature-strips");
    }

    @Test
    void rubbishFindsAnArticleThatOnlySaysWaste() {
        assertFound(ids("rubbish", true), "bin-collection-days", "paint-disposal");
    }

    @Test
    void aMisspeltProblemStillFindsTheServiceAndTheArticle() {
        assertFound(ids("rubish colection", true), "missed-bin", "bin-collection-days");
        assertFound(ids("pothoel", true), "pothole");
    }

    @Test
    void aMisspeltWordIsOfferedCorrected() {
        SearchResults results = INDEX.search(SearchQuery.of("pothoel"), Language.SOURCE, COUNCIL_WORDS, true, 10);

        assertEquals("pothole", results.suggestion().orElseThrow());
    }

    @Test
    void aMatchInTheTitleRanksAboveAMatchOnlyInTheBody() {
        List<String> found = ids("paint", true);

        assertEquals("paint-disposal", found.get(0));
        assertEquals("verges-and-nature-strips", ids("verge", true).get(0));
    }

    @Test
    void residentsNeverFindAStaffOnlyArticleAndStaffDo() {
        assertFalse(ids("missed bin caller truck records", true).contains("taking-a-missed-bin-call"));
        assertFound(ids("missed bin caller truck records", false), "taking-a-missed-bin-call");
    }

    @Test
    void snippetsMarkTheWordsFoundAndEscapeTheText() {
        KnowledgeIndex index = KnowledgeIndex.build(List.of(SearchDocument.of(article("script", Audience.RESIDENTS,
                "Graffiti", "Graffiti removal", "Graffiti like <script>alert(1)</script> is removed within 2 days."))));

        SearchHit hit = index.search(SearchQuery.of("graffiti"), Language.SOURCE, Synonyms.NONE, true, 5).hits().get(0);

        assertTrue(hit.snippetHtml().contains("<mark>Graffiti</mark>"), hit.snippetHtml());
        assertTrue(hit.snippetHtml().contains("&lt;script&gt;"), hit.snippetHtml());
        assertFalse(hit.snippetHtml().contains("<script>"), hit.snippetHtml());
    }

    @Test
    void queryLanguageTypedIsJustWords() {
        assertFound(ids("bin AND (( \"* ~ OR: title:[a TO", true), "missed-bin");
        assertTrue(ids("\\ / ! ( ) { } [ ] ^ \" ~ * ? : &&", true).isEmpty());
    }

    @Test
    void anEmptyQueryIsRefusedNamingTheField() {
        Refusal refusal = assertThrows(Refusal.class, () -> SearchQuery.of("   "));

        assertEquals(List.of("q"), refusal.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aLongQueryIsCutNotRefused() {
        SearchQuery query = SearchQuery.of("missed bin ".repeat(100));

        assertTrue(query.text().length() <= SearchQuery.MAX_LENGTH);
        assertTrue(INDEX.search(query, Language.SOURCE, COUNCIL_WORDS, true, 10).hits().stream().anyMatch(hit -> hit.id().equals("missed-bin")));
    }

    @Test
    void aQueryIsCutToTwelveWords() {
        SearchQuery query = SearchQuery.of("one two three four five six seven eight nine ten eleven twelve pothole");

        assertEquals(SearchQuery.MAX_WORDS, query.text().split(" ").length);
        assertFalse(INDEX.search(query, Language.SOURCE, COUNCIL_WORDS, true, 10).hits().stream().anyMatch(hit -> hit.id().equals("pothole")));
    }

    @Test
    void anIndexStoredAsBytesAndReadBackFindsTheSame() {
        byte[] stored = INDEX.bytes();
        KnowledgeIndex loaded = KnowledgeIndex.fromBytes(stored);

        assertEquals(INDEX.size(), loaded.size());
        assertEquals(ids("rubish colection", true), loaded.search(SearchQuery.of("rubish colection"), Language.SOURCE, COUNCIL_WORDS,
                true, 10).hits().stream().map(SearchHit::id).toList());
        assertThrows(IllegalArgumentException.class, () -> KnowledgeIndex.fromBytes(new byte[]{1, 2, 3, 4, 5, 6, 7, 8}));
    }

    @Test
    void anIndexWrittenOutAndLoadedAgainFindsTheSame() {
        KnowledgeIndex loaded = KnowledgeIndex.load(INDEX.files());

        assertEquals(INDEX.size(), loaded.size());
        assertTrue(loaded.search(SearchQuery.of("rubish"), Language.SOURCE, COUNCIL_WORDS, true, 10).hits().stream()
                .anyMatch(hit -> hit.id().equals("missed-bin")));
    }

    private static void assertFound(List<String> found, String... expected) {
        assertTrue(found.containsAll(List.of(expected)), "found " + found);
    }

    private static Service service(String id, String name, String description, List<String> keywords) {
        return new Service(id, name, "Theme", "waste", description, "We look into it.", "Within 2 days.", null,
                1, 2, keywords, 1, List.of());
    }

    private static Article article(String id, Audience audience, String title, String summary, String body) {
        return new Article(id, ArticleKind.GUIDANCE, audience, title, summary, body, List.of(), "waste",
                LocalDate.of(2030, 1, 1), 1, Instant.EPOCH, "test", null);
    }
}
