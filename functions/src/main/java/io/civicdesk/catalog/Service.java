package io.civicdesk.catalog;

import java.util.Comparator;
import java.util.List;

/**
 * A request type a resident can report, owned by one unit. Its promised timeframe is told in words and as
 * business-day targets that the expected dates are counted from.
 */
public record Service(String id, String name, String theme, String unitId, String description,
                      String whatHappensNext, String timeframe, String notice, int responseDays,
                      int resolutionDays, List<String> keywords, int order, List<Question> questions) {

    public Service {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        questions = questions == null ? List.of()
                : questions.stream().sorted(Comparator.comparingInt(Question::order)).toList();
    }

    public java.util.Optional<Question> question(String questionId) {
        return questions.stream().filter(question -> question.id().equals(questionId)).findFirst();
    }
}
