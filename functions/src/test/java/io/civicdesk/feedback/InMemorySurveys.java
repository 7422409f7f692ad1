package io.civicdesk.feedback;

import io.civicdesk.platform.InMemoryTransactions;
import io.civicdesk.platform.Write;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Surveys} in memory, with the Dynamo store's conditions: one survey per subject, one answer per survey. */
final class InMemorySurveys implements Surveys {
    private final InMemoryTransactions transactions;
    private final Map<String, Survey> surveys = new HashMap<>();
    final List<SurveyAnswer> taps = new ArrayList<>();

    InMemorySurveys(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    /** A survey already open, as an invitation leaves it. */
    void open(Survey survey) {
        surveys.put(key(survey.subject(), survey.reference()), survey);
    }

    @Override
    public Write invitation(Survey survey) {
        return transactions.write("survey", () -> !surveys.containsKey(key(survey.subject(), survey.reference())), () -> open(survey));
    }

    @Override
    public Write answer(Survey.Subject subject, String reference, SurveyAnswer answer, Instant at) {
        String key = key(subject, reference);
        return transactions.write("survey", () -> surveys.containsKey(key) && surveys.get(key).open(), () -> {
            Survey s = surveys.get(key);
            surveys.put(key, new Survey(s.subject(), s.reference(), s.serviceId(), s.serviceName(), s.unitId(), s.invitedAt(),
                    s.surveySecretHash(), s.requestSecretHash(), at, answer));
        });
    }

    @Override
    public Write smiley(String id, String unitId, String deviceName, SurveyAnswer answer, Instant at) {
        return transactions.write("smiley", () -> true, () -> taps.add(answer));
    }

    @Override
    public Optional<Survey> find(Survey.Subject subject, String reference) {
        return Optional.ofNullable(surveys.get(key(subject, reference)));
    }

    @Override
    public List<Comment> comments(YearMonth month) {
        return List.of();
    }

    private static String key(Survey.Subject subject, String reference) {
        return subject.wireName() + "#" + reference;
    }
}
