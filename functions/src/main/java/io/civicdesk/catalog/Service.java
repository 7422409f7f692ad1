package io.civicdesk.catalog;

import io.civicdesk.languages.Language;
import io.civicdesk.languages.Translations;

import java.util.Comparator;
import java.util.List;

/**
 * A request type a resident can report, owned by one unit. Its promised timeframe is told in words and as
 * business-day targets that the expected dates are counted from. Its texts are English; {@code translations} holds
 * them in other languages by field: {@code name}, {@code theme}, {@code description}, {@code whatHappensNext},
 * {@code timeframe}, {@code notice}, and per question {@code question.<id>.label}, {@code question.<id>.help} and
 * {@code question.<id>.option.<the English option>} (an answer is always stored as the English option), and
 * {@code feeCovers} (what its fee covers). {@code fee} is what it costs, or null when it is free.
 */
public record Service(String id, String name, String theme, String unitId, String description,
                      String whatHappensNext, String timeframe, String notice, int responseDays,
                      int resolutionDays, List<String> keywords, int order, List<Question> questions,
                      Translations translations, ServiceFee fee) {

    public Service {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        questions = questions == null ? List.of()
                : questions.stream().sorted(Comparator.comparingInt(Question::order)).toList();
        translations = translations == null ? Translations.NONE : translations;
    }

    /** A free service. */
    public Service(String id, String name, String theme, String unitId, String description, String whatHappensNext,
                   String timeframe, String notice, int responseDays, int resolutionDays, List<String> keywords,
                   int order, List<Question> questions, Translations translations) {
        this(id, name, theme, unitId, description, whatHappensNext, timeframe, notice, responseDays, resolutionDays,
                keywords, order, questions, translations, null);
    }

    /** A free service with its texts in English only. */
    public Service(String id, String name, String theme, String unitId, String description, String whatHappensNext,
                   String timeframe, String notice, int responseDays, int resolutionDays, List<String> keywords,
                   int order, List<Question> questions) {
        this(id, name, theme, unitId, description, whatHappensNext, timeframe, notice, responseDays, resolutionDays,
                keywords, order, questions, Translations.NONE);
    }

    /** The same service with {@code translated} as its translations. */
    public Service withTranslations(Translations translated) {
        return new Service(id, name, theme, unitId, description, whatHappensNext, timeframe, notice, responseDays,
                resolutionDays, keywords, order, questions, translated, fee);
    }

    /** The same service costing {@code charged}. */
    public Service withFee(ServiceFee charged) {
        return new Service(id, name, theme, unitId, description, whatHappensNext, timeframe, notice, responseDays,
                resolutionDays, keywords, order, questions, translations, charged);
    }

    /** Paid online at the end of the report: the request waits for the payment before it is taken on. */
    public boolean paidOnline() {
        return fee != null && fee.payOnline() && fee.amountCents() > 0;
    }

    public java.util.Optional<Question> question(String questionId) {
        return questions.stream().filter(question -> question.id().equals(questionId)).findFirst();
    }

    /** {@code field} in {@code language}, falling back to English ({@code english}) when it is not translated. */
    public String text(Language language, String field, String english) {
        return translations.text(language, field, english);
    }

    /** The service's name in {@code language}. */
    public String name(Language language) {
        return text(language, "name", name);
    }

    /** What happens next, in {@code language}. */
    public String whatHappensNext(Language language) {
        return text(language, "whatHappensNext", whatHappensNext);
    }

    /** The label residents see for {@code option} of {@code question}, in {@code language}. */
    public String optionLabel(Language language, Question question, String option) {
        return text(language, "question." + question.id() + ".option." + option, option);
    }
}
