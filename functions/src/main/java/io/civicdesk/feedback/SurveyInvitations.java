package io.civicdesk.feedback;

import io.civicdesk.figures.SatisfactionFiguresStore;
import io.civicdesk.languages.Language;
import io.civicdesk.platform.Write;
import io.civicdesk.notify.Outgoing;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Hashes;
import io.civicdesk.requests.Contact;
import io.civicdesk.requests.ResidentTexts;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.ServiceRequest;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Invites a resident to the survey when their request is resolved or their booking has taken place. The staff
 * workspace's resolve action calls {@link #onResolved}, the booking schedule {@link #onBookingEnded}; each adds
 * the writes returned to its own transaction, so the change, the survey, the day's "invited" count and the
 * invitation mail happen together or not at all.
 */
public final class SurveyInvitations {
    /**
     * Facilities belong to no unit, so their surveys are counted under this one (with the facility as the service):
     * the booking figures stay together and apart from every unit's own services.
     */
    public static final String FACILITY_BOOKINGS_UNIT = "facility-bookings";

    private final Surveys surveys;
    private final SatisfactionFiguresStore figures;
    private final OutboxStore outbox;
    private final CouncilCalendar council;
    private final SecureRandom random;
    private final String portalUrl;

    public SurveyInvitations(Surveys surveys, SatisfactionFiguresStore figures, OutboxStore outbox, CouncilCalendar council,
                             SecureRandom random, String portalUrl) {
        this.surveys = surveys;
        this.figures = figures;
        this.outbox = outbox;
        this.council = council;
        this.random = random;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
    }

    /** What opening a survey adds to a transaction; {@code surveyLink} is for tests and never logged. */
    public record Invitation(List<Write> writes, Outgoing mail, String surveyLink) {
    }

    /**
     * The writes that open the request's survey: the survey (only if it has none yet: a request resolved again
     * after a reopen is not invited twice), the day's invited count, and the mail if the resident gave an email.
     * Empty when the request already has a survey. The survey put's condition fails the caller's transaction if
     * a survey appeared in between; retrying the resolve then gets no writes.
     */
    public Invitation onResolved(ServiceRequest request, Instant now) {
        return invite(new Survey(Survey.Subject.REQUEST, request.reference().value(), request.serviceId(), request.serviceName(),
                request.unitId(), now, null, request.secretHash(), null, null), request.contact(), ResidentTexts.wanted(request),
                request.language(), now);
    }

    /** The same for a booking whose last occurrence has ended: the facility stands as the service. */
    public Invitation onBookingEnded(Reference booking, String facilityId, String facilityName, String bookingSecretHash,
                                     Contact contact, boolean texts, Language language, Instant now) {
        return invite(new Survey(Survey.Subject.BOOKING, booking.value(), facilityId, facilityName, FACILITY_BOOKINGS_UNIT, now,
                null, bookingSecretHash, null, null), contact, texts, language, now);
    }

    /**
     * {@code opened} has everything but the survey link's secret, drawn here; the mail is in {@code language}, and is
     * a text instead when the resident chose {@code texts}.
     */
    private Invitation invite(Survey opened, Contact contact, boolean texts, Language language, Instant now) {
        if (surveys.find(opened.subject(), opened.reference()).isPresent()) {
            return new Invitation(List.of(), null, null);
        }
        String secret = Hashes.newSecret(random);
        String link = portalUrl + "/survey.html?ref=" + opened.reference()
                + (opened.subject() == Survey.Subject.REQUEST ? "" : "&for=" + opened.subject().wireName()) + "#key=" + secret;
        Survey survey = new Survey(opened.subject(), opened.reference(), opened.serviceId(), opened.serviceName(), opened.unitId(),
                now, Hashes.sha256(secret), opened.requestSecretHash(), null, null);
        List<Write> writes = new ArrayList<>();
        writes.add(surveys.invitation(survey));
        writes.add(figures.invitation(survey.unitId(), survey.serviceId(), council.calendar().localDate(now)));
        Outgoing mail = texts ? SurveyInvitationMail.text(UUID.randomUUID().toString(), council.council().name(), survey, contact,
                language, link)
                : contact == null || contact.email() == null ? null : SurveyInvitationMail.compose(UUID.randomUUID().toString(),
                council.council().name(), survey, contact, language, link);
        if (mail != null) {
            writes.add(outbox.pending("surveyMail", mail, now));
        }
        return new Invitation(writes, mail, link);
    }
}
