package io.civicdesk.requests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.civicdesk.catalog.Question;
import io.civicdesk.catalog.QuestionType;
import io.civicdesk.catalog.Service;
import io.civicdesk.languages.Language;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubmissionReaderTest {
    /** A service asking one question of every type. */
    private static final Service SERVICE = new Service("test", "Test service", "Theme", "unit", "d", "next", "soon",
            null, 1, 2, List.of(), 1, List.of(
            new Question("short", "Short", QuestionType.SHORT_TEXT, true, null, null, 1, 10, null, null),
            new Question("long", "Long", QuestionType.LONG_TEXT, false, null, null, 2, null, null, null),
            new Question("count", "Count", QuestionType.NUMBER, false, null, null, 3, null, 1.0, 6.0),
            new Question("day", "Day", QuestionType.DATE, false, null, null, 4, null, null, null),
            new Question("one", "One", QuestionType.SINGLE_CHOICE, true, null, List.of("A", "B"), 5, null, null, null),
            new Question("many", "Many", QuestionType.MULTIPLE_CHOICE, false, null, List.of("X", "Y", "Z"), 6, null, null, null)));

    private static ObjectNode valid() {
        return (ObjectNode) Json.MAPPER.valueToTree(Map.of(
                "serviceId", "test",
                "answers", Map.of("short", "hello", "one", "A"),
                "location", Map.of("address", "1 Banksia Street, Melaleuca"),
                "contact", Map.of("name", "Alex", "email", "alex@example.com", "phone", "0412 345 678"),
                "preferredChannel", "email"));
    }

    private static ObjectNode with(Consumer<ObjectNode> change) {
        ObjectNode body = valid();
        change.accept(body);
        return body;
    }

    private static ObjectNode answers(ObjectNode body) {
        return (ObjectNode) body.get("answers");
    }

    private static Map<String, String> errors(JsonNode body) {
        Refusal e = assertThrows(Refusal.class, () -> SubmissionReader.read(body, SERVICE));
        assertEquals(400, e.status());
        return e.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message));
    }

    @Test
    void readsAValidReportWithTrimmedValuesInQuestionOrder() {
        ObjectNode body = valid();
        answers(body).put("short", "  hello  ").put("count", new java.math.BigDecimal("2.50")).put("day", "2026-11-23")
                .set("many", Json.MAPPER.valueToTree(List.of("Z", "X")));
        Submission submission = SubmissionReader.read(body, SERVICE);
        assertEquals(List.of("short", "count", "day", "one", "many"),
                submission.answers().stream().map(Answer::questionId).toList());
        assertEquals(List.of("hello"), submission.answers().get(0).values());
        assertEquals(List.of("2.5"), submission.answers().get(1).values());
        assertEquals(List.of("X", "Z"), submission.answers().get(4).values(), "choices keep the order they are offered in");
        assertEquals(PreferredChannel.EMAIL, submission.preferredChannel());
        assertEquals("+61412345678", submission.contact().phone(), "held in E.164");
    }

    @Test
    void namesEveryFailingFieldAtOnce() {
        ObjectNode body = (ObjectNode) Json.MAPPER.valueToTree(Map.of("serviceId", "test", "answers", Map.of(),
                "contact", Map.of("email", "not-an-email"), "preferredChannel", "pigeon"));
        Map<String, String> errors = errors(body);
        assertEquals(java.util.Set.of("answers.short", "answers.one", "location", "contact.email", "preferredChannel"), errors.keySet());
        assertEquals("Answer 'Short'.", errors.get("answers.short"));
        assertEquals("Choose an answer to 'One'.", errors.get("answers.one"));
        assertTrue(errors.get("contact.email").contains("like name@example.com"));
    }

    @Test
    void shortTextHasALimit() {
        assertEquals("'Short' must be 10 characters or fewer.",
                errors(with(b -> answers(b).put("short", "x".repeat(11)))).get("answers.short"));
    }

    @Test
    void longTextDefaultsToTwoThousandCharacters() {
        assertTrue(errors(with(b -> answers(b).put("long", "x".repeat(2001)))).containsKey("answers.long"));
        SubmissionReader.read(with(b -> answers(b).put("long", "x".repeat(2000))), SERVICE);
    }

    @Test
    void numbersMustBeNumbersWithinTheirRange() {
        assertEquals("'Count' must be a number, like 3.", errors(with(b -> answers(b).put("count", "lots"))).get("answers.count"));
        assertEquals("'Count' must be a number, like 3.", errors(with(b -> answers(b).put("count", "3"))).get("answers.count"),
                "a number is a JSON number, not text");
        assertEquals("'Count' must be between 1 and 6.", errors(with(b -> answers(b).put("count", 7))).get("answers.count"));
        assertEquals("'Count' must be between 1 and 6.", errors(with(b -> answers(b).put("count", 0.5))).get("answers.count"));
        SubmissionReader.read(with(b -> answers(b).put("count", 6)), SERVICE);
    }

    @Test
    void datesMustBeRealDates() {
        assertTrue(errors(with(b -> answers(b).put("day", "2026-02-30"))).get("answers.day").contains("real date"));
        assertTrue(errors(with(b -> answers(b).put("day", "yesterday"))).containsKey("answers.day"));
        assertTrue(errors(with(b -> answers(b).put("day", "9999-12-31"))).get("answers.day").contains("between 2000 and 2100"));
    }

    @Test
    void singleChoiceMustBeOneOfTheOptions() {
        assertEquals("Choose one of the options given for 'One'.", errors(with(b -> answers(b).put("one", "C"))).get("answers.one"));
        assertTrue(errors(with(b -> answers(b).set("one", Json.MAPPER.valueToTree(List.of("A"))))).containsKey("answers.one"));
    }

    @Test
    void multipleChoiceMustBeAListOfOptions() {
        assertTrue(errors(with(b -> answers(b).put("many", "X"))).containsKey("answers.many"));
        assertTrue(errors(with(b -> answers(b).set("many", Json.MAPPER.valueToTree(List.of("X", "W"))))).containsKey("answers.many"));
    }

    @Test
    void answersToQuestionsTheServiceDoesNotAskAreRefused() {
        assertTrue(errors(with(b -> answers(b).put("colour", "red"))).get("answers.colour").contains("not asked"));
    }

    @Test
    void aLocationNeedsAnAddressOrBothCoordinates() {
        assertTrue(errors(with(b -> b.remove("location"))).containsKey("location"));
        assertTrue(errors(with(b -> b.set("location", Json.MAPPER.valueToTree(Map.of("latitude", -31.9))))).containsKey("location.longitude"));
        assertTrue(errors(with(b -> b.set("location", Json.MAPPER.valueToTree(Map.of("latitude", -91, "longitude", 115.8))))).containsKey("location.latitude"));
        Submission byPosition = SubmissionReader.read(with(b -> b.set("location",
                Json.MAPPER.valueToTree(Map.of("latitude", -31.95, "longitude", 115.86)))), SERVICE);
        assertEquals(-31.95, byPosition.location().latitude());
        assertTrue(errors(with(b -> b.set("location", Json.MAPPER.valueToTree(Map.of("address", "x".repeat(201)))))).containsKey("location.address"));
    }

    @Test
    void theDescriptionIsOptionalButLimited() {
        SubmissionReader.read(with(b -> b.remove("description")), SERVICE);
        assertEquals("The description must be 2,000 characters or fewer.",
                errors(with(b -> b.put("description", "x".repeat(2001)))).get("description"));
        assertEquals("The description must be text.", errors(with(b -> b.put("description", 12))).get("description"));
    }

    @Test
    void theChosenWayToHearBackNeedsItsContactDetail() {
        assertTrue(errors(with(b -> ((ObjectNode) b.get("contact")).remove("email"))).get("contact.email").contains("another way"));
        assertTrue(errors(with(b -> {
            b.put("preferredChannel", "sms");
            ((ObjectNode) b.get("contact")).put("phone", "08 9999 0000");
        })).get("contact.phone").contains("mobile"));
        assertTrue(errors(with(b -> {
            b.put("preferredChannel", "phone");
            ((ObjectNode) b.get("contact")).remove("phone");
        })).containsKey("contact.phone"));
        Submission anonymous = SubmissionReader.read(with(b -> {
            b.remove("contact");
            b.put("preferredChannel", "none");
        }), SERVICE);
        assertEquals(Contact.NONE, anonymous.contact());
    }

    @Test
    void phoneNumbersAreAustralianOrInternationalAndHeldInE164() {
        assertEquals("+61412345678", SubmissionReader.read(with(b -> ((ObjectNode) b.get("contact")).put("phone", "+61 412 345 678")), SERVICE).contact().phone());
        assertEquals("+61893651234", SubmissionReader.read(with(b -> ((ObjectNode) b.get("contact")).put("phone", "(08) 9365 1234")), SERVICE).contact().phone());
        assertEquals("+6421123456", SubmissionReader.read(with(b -> ((ObjectNode) b.get("contact")).put("phone", "+64 21 123 456")), SERVICE).contact().phone());
        assertTrue(errors(with(b -> ((ObjectNode) b.get("contact")).put("phone", "12345"))).containsKey("contact.phone"));
        // Texts need a mobile: a landline is named, with why.
        ObjectNode landline = with(b -> {
            ((ObjectNode) b.get("contact")).put("phone", "(08) 9365 1234");
            b.put("preferredChannel", "sms");
        });
        assertTrue(errors(landline).get("contact.phone").contains("mobile"));
    }

    @Test
    void anUnknownOrMissingServiceIsNamedAlongsideTheOtherProblems() {
        ObjectNode body = with(b -> b.remove("location"));
        Refusal e = assertThrows(Refusal.class, () -> SubmissionReader.read(body, null));
        Map<String, String> errors = e.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message));
        assertTrue(errors.get("serviceId").contains("could not find"));
        assertTrue(errors.containsKey("location"));
        body.remove("serviceId");
        Refusal missing = assertThrows(Refusal.class, () -> SubmissionReader.read(body, null));
        assertEquals("Choose the problem you are reporting.", missing.errors().get(0).message());
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        Refusal e = assertThrows(Refusal.class, () -> SubmissionReader.read(Json.MAPPER.valueToTree(List.of(1)), SERVICE));
        assertEquals(400, e.status());
    }

    @Test
    void aReportWithoutALanguageIsInEnglish() {
        assertEquals(Language.ENGLISH, SubmissionReader.read(valid(), SERVICE).language());
    }

    @Test
    void theResidentsLanguageIsKeptAsItsTag() {
        assertEquals(Language.ARABIC, SubmissionReader.read(with(body -> body.put("language", "ar")), SERVICE).language());
        assertEquals(Language.VIETNAMESE, SubmissionReader.read(with(body -> body.put("language", "vi-VN")), SERVICE).language());
    }

    @Test
    void aLanguageWeDoNotSpeakIsRefusedNamingTheFieldAndTheLanguagesWeDo() {
        for (ObjectNode body : List.of(with(b -> b.put("language", "fr")), with(b -> b.put("language", 7)),
                with(b -> b.put("language", "ar_AU")))) {
            String message = errors(body).get("language");
            assertTrue(message != null && message.contains("ar (العربية)") && message.contains("vi (Tiếng Việt)"), String.valueOf(message));
        }
    }
}
