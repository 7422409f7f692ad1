package io.civicdesk.feedback;

import io.civicdesk.notify.Mail;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.ApiException;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Transaction;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.RequestStore;
import io.civicdesk.requests.ServiceRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Invites a resident to the survey when their request is resolved. The staff workspace's resolve action calls
 * {@link #onResolved} and adds the writes it returns to its own transaction, so the request is resolved, the
 * survey opened, the day's "invited" counted and the invitation mail queued together or not at all.
 */
public final class SurveyInvitations {
    private final DynamoDbClient dynamo;
    private final SurveyStore surveys;
    private final SatisfactionFiguresStore figures;
    private final OutboxStore outbox;
    private final RequestStore requests;
    private final CouncilCalendar council;
    private final SecureRandom random;
    private final String portalUrl;

    public SurveyInvitations(DynamoDbClient dynamo, SurveyStore surveys, SatisfactionFiguresStore figures,
                             OutboxStore outbox, RequestStore requests, io.civicdesk.catalog.CatalogStore catalog,
                             java.time.Clock clock, SecureRandom random, String portalUrl) {
        this.dynamo = dynamo;
        this.surveys = surveys;
        this.figures = figures;
        this.outbox = outbox;
        this.requests = requests;
        this.council = new CouncilCalendar(catalog, clock);
        this.random = random;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
    }

    /** What resolving a request adds to its transaction; {@code surveyLink} is for tests and never logged. */
    public record Invitation(List<TransactWriteItem> writes, Mail mail, String surveyLink) {
    }

    /**
     * The writes that open the request's survey: the survey (only if it has none yet: a request resolved again
     * after a reopen is not invited twice), the day's invited count, and the mail if the resident gave an email.
     * Empty when the request already has a survey. The survey put's condition fails the caller's transaction if
     * a survey appeared in between; retrying the resolve then gets no writes.
     */
    public Invitation onResolved(ServiceRequest request, Instant now) {
        if (surveys.find(request.reference().value()).isPresent()) {
            return new Invitation(List.of(), null, null);
        }
        String secret = Hashes.newSecret(random);
        String link = portalUrl + "/survey.html?ref=" + request.reference().value() + "#key=" + secret;
        Survey survey = new Survey(request.reference().value(), request.serviceId(), request.serviceName(),
                request.unitId(), now, Hashes.sha256(secret), request.secretHash(), null, null);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(surveys.invitation(survey)).build());
        writes.add(TransactWriteItem.builder().update(figures.invited(request.unitId(), request.serviceId(),
                council.calendar().localDate(now))).build());
        Mail mail = request.contact().email() == null ? null : SurveyInvitationMail.compose(UUID.randomUUID().toString(),
                council.council().name(), request, link);
        if (mail != null) {
            writes.add(TransactWriteItem.builder().put(outbox.pendingMail(mail, now)).build());
        }
        return new Invitation(writes, mail, link);
    }

    /**
     * Opens the survey of a request by its reference, on its own: for tests and the demo until the resolve action
     * calls {@link #onResolved} in its transaction. 404 for an unknown reference.
     */
    public Invitation inviteNow(String typedReference, Instant now) {
        Reference reference = Reference.parse(typedReference).orElseThrow(() -> ApiException.notFound("No such request"));
        ServiceRequest request = requests.find(reference).orElseThrow(() -> ApiException.notFound("No such request")).request();
        Invitation invitation = onResolved(request, now);
        if (!invitation.writes().isEmpty()) {
            new Transaction().addAll("invitation", invitation.writes()).commit(dynamo);
            Log.info("survey.invited", Map.of("reference", reference.value(), "mail", invitation.mail() != null));
        }
        return invitation;
    }
}
