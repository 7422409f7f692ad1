package io.civicdesk.feedback;

import io.civicdesk.figures.SatisfactionFiguresStore;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Refused;
import io.civicdesk.requests.Reference;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The survey after service, from the resident's side. Its link carries the reference and a secret for that
 * request (or booking) alone (its own private key also works, from the tracking page): a link for one can
 * neither read nor answer another. One answer per request or booking, whatever the retries.
 */
public final class SurveyService {
    private final Surveys surveys;
    private final SatisfactionFiguresStore figures;
    private final IdempotentCommand command;
    private final CouncilCalendar council;

    public SurveyService(Surveys surveys, SatisfactionFiguresStore figures, IdempotentCommand command, CouncilCalendar council) {
        this.surveys = surveys;
        this.figures = figures;
        this.command = command;
        this.council = council;
    }

    /** What the survey page shows: the request or booking it is about, and whether it still waits for an answer. */
    public record SurveyView(String subject, String reference, String displayReference, ServiceName service, boolean open, String answeredAt) {
        public record ServiceName(String id, String name) {
        }
    }

    public SurveyView view(Survey.Subject subject, String typedReference, String secret) {
        return view(survey(subject, typedReference, secret));
    }

    /** The one answer; a retry with the same idempotency key is given the first answer, any other a 409. */
    public Idempotency.Answer answer(Survey.Subject subject, String typedReference, String secret, SurveyAnswer answer,
                                     Optional<Idempotency.Key> key) {
        Survey survey = survey(subject, typedReference, secret);
        try {
            return command.run(key, now -> {
                if (!survey.open()) {
                    throw alreadyAnswered(survey.subject());
                }
                Survey answered = new Survey(survey.subject(), survey.reference(), survey.serviceId(), survey.serviceName(),
                        survey.unitId(), survey.invitedAt(), survey.surveySecretHash(), survey.requestSecretHash(), now, answer);
                return IdempotentCommand.Prepared.of(FeedbackViews.surveyAnswered(view(answered)), List.of(
                                surveys.answer(survey.subject(), survey.reference(), answer, now),
                                figures.answer(survey.unitId(), survey.serviceId(), council.calendar().localDate(now), answer, false)))
                        .afterCommit(() -> Log.info("survey.answered", Map.of("reference", survey.reference(),
                                "comment", answer.comment() != null)));
            });
        } catch (Refused refused) {
            // Answered in between (a double tap without a key): the first answer wins.
            throw alreadyAnswered(survey.subject());
        }
    }

    private static Refusal alreadyAnswered(Survey.Subject subject) {
        return new Refusal(Refusal.Kind.CONFLICT, "This survey has already been answered. Thank you: one answer per "
                + subject.wireName() + " is kept.",
                List.of(new FieldError("survey", "This survey has already been answered.")));
    }

    private Survey survey(Survey.Subject subject, String typedReference, String secret) {
        Reference reference = Reference.parse(typedReference).orElseThrow(() -> Refusal.invalid(List.of(new FieldError(
                "reference", "A reference is 8 letters and numbers, like K7MP-3QXR. Use the link in your email."))));
        if (secret == null || secret.isBlank()) {
            throw new Refusal(Refusal.Kind.UNAUTHENTICATED, "Open the survey from the link in your email.",
                    List.of(new FieldError("key", "The survey link's key is missing.")));
        }
        Survey survey = surveys.find(subject, reference.value()).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND,
                "There is no survey for " + subject.wireName() + " " + reference.display() + ". Check you used the link in your email.",
                List.of(new FieldError("reference", "There is no survey for this reference."))));
        if (!Hashes.matches(secret, survey.surveySecretHash()) && !Hashes.matches(secret, survey.requestSecretHash())) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "This survey link is not for " + subject.wireName() + " " + reference.display() + ".",
                    List.of(new FieldError("key", "This link is for another " + subject.wireName() + ".")));
        }
        return survey;
    }

    private static SurveyView view(Survey survey) {
        Reference reference = new Reference(survey.reference());
        return new SurveyView(survey.subject().wireName(), reference.value(), reference.display(),
                new SurveyView.ServiceName(survey.serviceId(), survey.serviceName()), survey.open(),
                survey.answeredAt() == null ? null : survey.answeredAt().toString());
    }
}
