package io.civicdesk.seed;

import io.civicdesk.articles.Article;
import io.civicdesk.articles.ArticleLibrary;
import io.civicdesk.guides.Guide;
import io.civicdesk.guides.GuideAnswer;
import io.civicdesk.guides.GuideCheck;
import io.civicdesk.guides.GuideStep;
import io.civicdesk.guides.Lead;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue file's guided conversations: the demo council's pass the check, and a mistake is placed at its step. */
class GuideFileTest {
    private static final Clock CLOCK = Clock.fixed(OffsetDateTime.parse("2026-12-02T10:00+08:00").toInstant(), ZoneOffset.UTC);

    private static CatalogFile example() throws Exception {
        return CatalogFile.read(CatalogSchemaTest.EXAMPLE, CLOCK);
    }

    @Test
    void theDemoCouncilsConversationsPassTheCheckAgainstItsServicesAndFacilities() throws Exception {
        CatalogFile file = example();
        assertEquals(List.of("bin-not-collected", "road-problem", "hire-a-venue"),
                file.guides().stream().map(Guide::topicId).toList());
        Set<String> facilities = file.facilities().stream().map(facility -> facility.id()).collect(Collectors.toSet());
        // Checked against the file's own articles, as the staff page checks against the published ones.
        ArticleLibrary articles = new ArticleLibrary() {
            @Override
            public List<Article> published() {
                return file.articles();
            }

            @Override
            public Optional<Article> published(String articleId) {
                return file.articles().stream().filter(article -> article.articleId().equals(articleId)).findFirst();
            }
        };
        GuideCheck check = new GuideCheck(new GuideFileReader.FileServices(file.services()), articles, facilities::contains);
        for (Guide guide : file.guides()) {
            assertEquals(List.of(), check.mistakes(guide), guide.topicId());
            assertTrue(guide.steps().size() >= 2, guide.topicId() + " branches");
        }
    }

    @Test
    void theMissedBinConversationFillsInTheBinAndTheTimeItWasOut() throws Exception {
        Guide bins = example().guides().get(0);
        GuideAnswer yes = bins.step("out-recycling").orElseThrow().answers().get(0);
        assertEquals(new Lead.ReportForm("missed-bin", Map.of("bin-type", "Recycling (yellow lid)", "out-by-6am", "Yes")), yes.lead());
        assertTrue(bins.steps().stream().map(GuideStep::answers).flatMap(List::stream)
                .anyMatch(answer -> answer.lead() instanceof Lead.CallBack));
    }

    @Test
    void theArticlesTheConversationsLeadToAreKeptForTheLoadToTell() throws Exception {
        assertEquals(Set.of("bin-collection-days", "what-goes-in-which-bin", "potholes-and-road-repairs", "street-lights",
                "verges-and-nature-strips", "booking-a-community-hall"), example().guideArticles());
    }

    @Test
    void aConversationLeadingToAStaffArticleOfTheFileIsAMistakeAndOneTheFileDoesNotHavePasses() {
        String yaml = CatalogFileTest.small("""
                articles:
                  - id: pothole-script
                    kind: guidance
                    audience: staff
                    unitId: works
                    reviewInMonths: 12
                    title: Taking a pothole call
                    summary: What to ask.
                    body: Ask where it is.
                guides:
                  - id: roads
                    title: A road problem
                    firstStepId: first
                    steps:
                      - stepId: first
                        question: What would you like?
                        answers:
                          - {label: Read the script, article: pothole-script}
                          - {label: Read elsewhere, article: published-by-staff}
                """);
        List<Mistake> mistakes = assertThrows(CatalogFileException.class, () -> CatalogFile.read("wandoo.yaml", yaml, CLOCK)).mistakes();
        assertEquals(List.of("guides[0].steps[0].answers[0]"), mistakes.stream().map(Mistake::field).toList(), mistakes.toString());
        assertTrue(mistakes.get(0).message().contains("for staff only"), mistakes.toString());
    }

    @Test
    void aLoopAWrongOptionAndAnUnknownFacilityArePlacedAtTheirStepsInTheFile() {
        String yaml = CatalogFileTest.small("""
                guides:
                  - id: roads
                    title: A road problem
                    firstStepId: first
                    steps:
                      - stepId: first
                        question: What is wrong?
                        answers:
                          - {label: A hole, next: second}
                          - {label: A hall, book: no-such-hall}
                      - stepId: second
                        question: Is it dangerous?
                        answers:
                          - {label: Back, next: first}
                          - {label: Maybe, report: pothole, answers: {danger: Maybe}}
                """);
        List<Mistake> mistakes = assertThrows(CatalogFileException.class, () -> CatalogFile.read("wandoo.yaml", yaml, CLOCK)).mistakes();
        List<String> fields = mistakes.stream().map(Mistake::field).toList();
        assertEquals(List.of("guides[0].steps[0].answers[1]", "guides[0].steps[1].answers[0]",
                "guides[0].steps[1].answers[1].answers.danger"), fields, mistakes.toString());
        assertTrue(mistakes.get(1).line() > 0 && mistakes.get(1).message().contains("loop"), mistakes.toString());
    }
}
