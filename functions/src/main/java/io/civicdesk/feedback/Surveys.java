package io.civicdesk.feedback;

import io.civicdesk.platform.Write;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** Surveys after service and the counter's taps (kept by {@link SurveyStore}, whose comment gives the key design). */
public interface Surveys {
    /** The new survey, as the part "survey"; it fails if the request already has one (a re-resolve does not invite twice). */
    Write invitation(Survey survey);

    /** The one answer, as the part "survey": it fails if there is no such survey or it was answered already. */
    Write answer(Survey.Subject subject, String reference, SurveyAnswer answer, Instant at);

    /** A tap on the counter tablet, as the part "smiley", kept so its reason reaches the review panel. */
    Write smiley(String id, String unitId, String deviceName, SurveyAnswer answer, Instant at);

    Optional<Survey> find(Survey.Subject subject, String reference);

    /** A month's comments, newest first. */
    List<Comment> comments(YearMonth month);

    /** A comment a resident left, with its scores: from a survey (with its request) or from the counter. */
    record Comment(Instant at, String channel, String reference, String serviceName, String unitId,
                   int satisfaction, Integer recommend, String comment) {
    }
}
