package io.civicdesk.guides;

import io.civicdesk.articles.Audience;
import io.civicdesk.catalog.InMemoryCatalog;
import io.civicdesk.catalog.Question;
import io.civicdesk.catalog.QuestionType;
import io.civicdesk.catalog.Service;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuideCheckTest {
    private static final Service MISSED_BIN = new Service("missed-bin", "Missed bin", "waste", "waste",
            "A bin was not emptied on its day.", "", "2 business days", null, 1, 2, List.of("bin"), 1, List.of(
            new Question("bin-type", "Which bin", QuestionType.SINGLE_CHOICE, true, null,
                    List.of("general", "recycling", "garden"), 1, null, null, null),
            new Question("out-by-6am", "Was it out by 6am", QuestionType.SINGLE_CHOICE, true, null,
                    List.of("yes", "no"), 2, null, null, null),
            new Question("details", "Anything else", QuestionType.SHORT_TEXT, false, null, null, 3, 20, null, null)));

    private final GuideCheck check = new GuideCheck(
            InMemoryCatalog.twoUnits().with(MISSED_BIN),
            new InMemoryArticles()
                    .published(InMemoryArticles.article("bin-collection-days", Audience.RESIDENTS))
                    .published(InMemoryArticles.article("missed-bin-script", Audience.STAFF))
                    .draft(InMemoryArticles.article("bin-days-2027", Audience.RESIDENTS)),
            Set.of("town-hall")::contains);

    // The missed-bin conversation: which bin → out by 6am? → a report form with both answers filled in, or bin days.

    private static GuideStep whichBin() {
        return new GuideStep("which-bin", "Which bin was missed?", List.of(
                new GuideAnswer("General waste (red lid)", new Lead.NextStep("out-general")),
                new GuideAnswer("Recycling (yellow lid)", new Lead.NextStep("out-recycling")),
                new GuideAnswer("I am not sure which day is mine", new Lead.ReadArticle("bin-collection-days"))));
    }

    private static GuideStep outBy6am(String stepId, String binType) {
        return new GuideStep(stepId, "Was the bin out by 6am on collection day?", List.of(
                new GuideAnswer("Yes", report(Map.of("bin-type", binType, "out-by-6am", "yes"))),
                new GuideAnswer("No", new Lead.ReadArticle("bin-collection-days")),
                new GuideAnswer("I would rather talk to someone", new Lead.CallBack())));
    }

    private static Lead.ReportForm report(Map<String, String> answers) {
        return new Lead.ReportForm("missed-bin", answers);
    }

    private static Guide missedBin() {
        return guide("which-bin", List.of(whichBin(), outBy6am("out-general", "general"),
                outBy6am("out-recycling", "recycling")));
    }

    private static Guide guide(String firstStepId, List<GuideStep> steps) {
        return new Guide("missed-bins", "My bin was not collected", "A few questions and we will know what to do.",
                firstStepId, steps, 1, Instant.parse("2026-12-03T10:00:00Z"), "admin");
    }

    /** The missed-bin conversation with one step added, or put in place of the step with its id. */
    private static Guide withStep(GuideStep step) {
        List<GuideStep> steps = new ArrayList<>(missedBin().steps());
        int at = steps.stream().map(GuideStep::stepId).toList().indexOf(step.stepId());
        if (at < 0) {
            steps.add(step);
        } else {
            steps.set(at, step);
        }
        return guide("which-bin", steps);
    }

    /** The missed-bin conversation with one answer of one step changed. */
    private static Guide withAnswer(String stepId, int index, GuideAnswer answer) {
        GuideStep step = missedBin().step(stepId).orElseThrow();
        List<GuideAnswer> answers = new ArrayList<>(step.answers());
        answers.set(index, answer);
        return withStep(new GuideStep(stepId, step.question(), answers));
    }

    private static Guide withLead(String stepId, int index, Lead lead) {
        return withAnswer(stepId, index, new GuideAnswer("An answer", lead));
    }

    private List<String> fields(Guide guide) {
        return check.mistakes(guide).stream().map(FieldError::field).toList();
    }

    /** Exactly one mistake: at this field, its message saying these words. */
    private void assertOneMistake(String field, String words, Guide guide) {
        List<FieldError> mistakes = check.mistakes(guide);
        assertEquals(1, mistakes.size(), mistakes::toString);
        assertEquals(field, mistakes.get(0).field());
        assertTrue(mistakes.get(0).message().contains(words), mistakes.get(0).message());
    }

    @Test
    void theMissedBinConversationPasses() {
        assertEquals(List.of(), check.mistakes(missedBin()));
        assertDoesNotThrow(() -> check.require(missedBin()));
    }

    @Test
    void aTopicIdIsLowerCaseLettersDigitsAndHyphens() {
        Guide guide = new Guide("Missed Bins", "My bin", null, "which-bin", missedBin().steps(), 1, null, "admin");
        assertEquals(List.of("topicId"), fields(guide));
    }

    @Test
    void aStepIdIsLowerCaseLettersDigitsAndHyphensNamedByItsPlace() {
        GuideStep odd = new GuideStep("Out By 6am", "Was it out?", outBy6am("x", "general").answers());
        assertEquals(List.of("steps[3].stepId"), fields(withStep(odd)));
    }

    @Test
    void twoStepsMayNotShareAnId() {
        List<GuideStep> steps = new ArrayList<>(missedBin().steps());
        steps.add(outBy6am("out-general", "garden"));
        assertEquals(List.of("steps.out-general.stepId"), fields(guide("which-bin", steps)));
    }

    @Test
    void theTitleIsNeededAndAtMost120Characters() {
        Guide untitled = new Guide("missed-bins", " ", null, "which-bin", missedBin().steps(), 1, null, "admin");
        Guide long121 = new Guide("missed-bins", "t".repeat(121), null, "which-bin", missedBin().steps(), 1, null, "a");
        Guide long120 = new Guide("missed-bins", "t".repeat(120), null, "which-bin", missedBin().steps(), 1, null, "a");
        assertEquals(List.of("title"), fields(untitled));
        assertEquals(List.of("title"), fields(long121));
        assertEquals(List.of(), fields(long120));
    }

    @Test
    void theIntroIsAtMost1000Characters() {
        Guide guide = new Guide("missed-bins", "My bin", "i".repeat(1_001), "which-bin", missedBin().steps(), 1, null, "a");
        assertEquals(List.of("intro"), fields(guide));
    }

    @Test
    void aQuestionIsNeededAndAtMost300Characters() {
        GuideStep longQuestion = new GuideStep("which-bin", "q".repeat(301), whichBin().answers());
        GuideStep noQuestion = new GuideStep("which-bin", "", whichBin().answers());
        assertEquals(List.of("steps.which-bin.question"), fields(withStep(longQuestion)));
        assertEquals(List.of("steps.which-bin.question"), fields(withStep(noQuestion)));
    }

    @Test
    void anAnswerNeedsALabel() {
        Guide guide = withAnswer("which-bin", 2, new GuideAnswer("", new Lead.ReadArticle("bin-collection-days")));
        assertEquals(List.of("steps.which-bin.answers[2].label"), fields(guide));
    }

    @Test
    void aStepWithFewerThanTwoAnswersIsRefused() {
        GuideStep one = new GuideStep("out-general", "Was it out by 6am?", List.of(new GuideAnswer("Yes", new Lead.CallBack())));
        assertOneMistake("steps.out-general.answers", "it has 1", withStep(one));
    }

    @Test
    void aStepWithMoreThanSixAnswersIsRefused() {
        List<GuideAnswer> seven = Collections.nCopies(7, new GuideAnswer("Call me", new Lead.CallBack()));
        List<GuideAnswer> six = Collections.nCopies(6, new GuideAnswer("Call me", new Lead.CallBack()));
        assertEquals(List.of("steps.out-general.answers"), fields(withStep(new GuideStep("out-general", "Out?", seven))));
        assertEquals(List.of(), fields(withStep(new GuideStep("out-general", "Out?", six))));
    }

    @Test
    void anAnswerLeadingNowhereIsRefused() {
        assertEquals(List.of("steps.out-general.answers[1].lead"), fields(withLead("out-general", 1, null)));
    }

    @Test
    void anAnswerLeadingToAMissingStepNamesTheStepAndAnswer() {
        assertOneMistake("steps.out-general.answers[1].lead", "no step out-garden",
                withLead("out-general", 1, new Lead.NextStep("out-garden")));
    }

    @Test
    void anAnswerLeadingToAMissingArticleIsRefused() {
        assertOneMistake("steps.which-bin.answers[2].lead", "no published article no-such-article",
                withLead("which-bin", 2, new Lead.ReadArticle("no-such-article")));
    }

    @Test
    void anAnswerLeadingToAnUnpublishedArticleIsRefused() {
        assertOneMistake("steps.which-bin.answers[2].lead", "no published article bin-days-2027",
                withLead("which-bin", 2, new Lead.ReadArticle("bin-days-2027")));
    }

    @Test
    void anAnswerLeadingToAStaffOnlyArticleIsRefused() {
        assertOneMistake("steps.which-bin.answers[2].lead", "staff only",
                withLead("which-bin", 2, new Lead.ReadArticle("missed-bin-script")));
    }

    @Test
    void anAnswerLeadingToAnUnknownServiceIsRefused() {
        assertEquals(List.of("steps.out-general.answers[0].lead"),
                fields(withLead("out-general", 0, new Lead.ReportForm("missed-skip", Map.of()))));
        assertEquals(List.of("steps.out-general.answers[0].lead"),
                fields(withLead("out-general", 0, new Lead.ReportForm(null, Map.of()))));
    }

    @Test
    void aPrefilledQuestionTheServiceDoesNotAskIsRefused() {
        Guide guide = withLead("out-general", 0, report(Map.of("bin-type", "general", "bin-colour", "red")));
        assertEquals(List.of("steps.out-general.answers[0].lead.answers.bin-colour"), fields(guide));
    }

    @Test
    void aPrefilledChoiceMustBeOneOfItsOptions() {
        assertOneMistake("steps.out-general.answers[0].lead.answers.bin-type", "general, recycling, garden",
                withLead("out-general", 0, report(Map.of("bin-type", "green", "out-by-6am", "yes"))));
    }

    @Test
    void aPrefilledTextAnswerKeepsToTheQuestionsLength() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("details", "d".repeat(21));
        assertEquals(List.of("steps.out-general.answers[0].lead.answers.details"),
                fields(withLead("out-general", 0, report(answers))));
    }

    @Test
    void anAnswerLeadingToAnUnknownFacilityIsRefused() {
        assertEquals(List.of("steps.out-general.answers[2].lead"),
                fields(withLead("out-general", 2, new Lead.BookFacility("swimming-pool"))));
        assertEquals(List.of(), fields(withLead("out-general", 2, new Lead.BookFacility("town-hall"))));
    }

    @Test
    void aLoopIsRefusedNamingTheStepThatClosesIt() {
        assertOneMistake("steps.out-general.answers[1].lead", "which-bin → out-general → which-bin",
                withLead("out-general", 1, new Lead.NextStep("which-bin")));
    }

    @Test
    void aStepLeadingToItselfIsALoop() {
        assertEquals(List.of("steps.out-recycling.answers[2].lead"),
                fields(withLead("out-recycling", 2, new Lead.NextStep("out-recycling"))));
    }

    @Test
    void twoAnswersLeadingToOneStepAreNotALoop() {
        Guide guide = withLead("which-bin", 1, new Lead.NextStep("out-general"));
        List<GuideStep> steps = new ArrayList<>(guide.steps());
        steps.remove(2);
        assertEquals(List.of(), fields(guide("which-bin", steps)));
    }

    @Test
    void aStepNoPathReachesIsRefused() {
        assertEquals(List.of("steps.out-garden"), fields(withStep(outBy6am("out-garden", "garden"))));
    }

    @Test
    void stepsReachableOnlyFromEachOtherAreAllUnreachable() {
        GuideStep a = new GuideStep("garden-a", "A?", List.of(new GuideAnswer("B", new Lead.NextStep("garden-b")),
                new GuideAnswer("Call", new Lead.CallBack())));
        GuideStep b = new GuideStep("garden-b", "B?", List.of(new GuideAnswer("A", new Lead.NextStep("garden-a")),
                new GuideAnswer("Call", new Lead.CallBack())));
        List<GuideStep> steps = new ArrayList<>(missedBin().steps());
        steps.add(a);
        steps.add(b);
        assertEquals(List.of("steps.garden-a", "steps.garden-b"), fields(guide("which-bin", steps)));
    }

    @Test
    void theFirstStepMustBeOneOfTheSteps() {
        assertEquals(List.of("firstStepId"), fields(guide("where-bin", missedBin().steps())));
    }

    @Test
    void aConversationNeedsAStep() {
        assertEquals(List.of("steps"), fields(guide("which-bin", List.of())));
    }

    @Test
    void everyMistakeIsReportedAtOnceAsARefusal() {
        Guide guide = new Guide("Missed Bins", "", null, "which-bin", withLead("out-general", 0,
                report(Map.of("bin-type", "green"))).steps(), 1, null, "admin");
        Refusal refusal = assertThrows(Refusal.class, () -> check.require(guide));
        assertEquals(Refusal.Kind.INVALID, refusal.kind());
        assertEquals(List.of("topicId", "title", "steps.out-general.answers[0].lead.answers.bin-type"),
                refusal.errors().stream().map(FieldError::field).toList());
    }
}
