package io.civicdesk.feedback;

import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SurveyAnswerTest {

    private static List<String> fields(String json) {
        Refusal e = assertThrows(Refusal.class, () -> SurveyAnswerReader.answer(Json.parseBody(json)));
        assertEquals(400, e.status());
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void scoresOutsideTheirRangesAreRefusedByField() {
        assertEquals(List.of("satisfaction"), fields("{\"satisfaction\":0}"));
        assertEquals(List.of("satisfaction"), fields("{\"satisfaction\":6}"));
        assertEquals(List.of("satisfaction"), fields("{\"satisfaction\":4.5}"));
        assertEquals(List.of("satisfaction", "recommend"), fields("{\"recommend\":-1}"));
        assertEquals(List.of("recommend"), fields("{\"satisfaction\":3,\"recommend\":11}"));
    }

    @Test
    void scoresAreJsonNumbersNotText() {
        assertEquals(List.of("satisfaction"), fields("{\"satisfaction\":\"5\"}"));
        assertEquals(List.of("recommend"), fields("{\"satisfaction\":5,\"recommend\":\"9\"}"));
        assertEquals(List.of("satisfaction"), fields("{\"satisfaction\":true}"));
    }

    @Test
    void aCommentIsOptionalTrimmedAndAtMostAThousandCharacters() {
        assertNull(SurveyAnswerReader.answer(Json.parseBody("{\"satisfaction\":3,\"comment\":\"  \"}")).comment());
        assertEquals(1000, SurveyAnswerReader.answer(Json.parseBody("{\"satisfaction\":3,\"comment\":\"" + "😀".repeat(1000) + "\"}"))
                .comment().codePointCount(0, 2000));
        assertEquals(List.of("comment"), fields("{\"satisfaction\":3,\"comment\":\"" + "a".repeat(1001) + "\"}"));
    }

    @Test
    void scoresAtTheEdgesAreAccepted() {
        SurveyAnswer answer = SurveyAnswerReader.answer(Json.parseBody("{\"satisfaction\":1,\"recommend\":0}"));
        assertEquals(1, answer.satisfaction());
        assertEquals(0, answer.recommend());
    }
}
