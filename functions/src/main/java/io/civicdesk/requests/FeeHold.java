package io.civicdesk.requests;

import io.civicdesk.catalog.Service;
import io.civicdesk.languages.Language;

import java.time.Instant;
import java.util.List;

/**
 * A report of a service paid online, waiting for its payment: checked, given its reference and its private key (kept
 * as a hash), but not yet a request. It is in no queue, on no service-level clock and in no figure until the payment
 * lands; then it becomes the request, its clock starting then. Unpaid by {@code payBy}, it is released and the
 * resident told. A hold written before holds carried {@code agencyId} reads it as null. It holds what the resident sent (personal: in privacy.PersonalData), and is deleted either way.
 * {@code service} is the service as it was quoted (its fee, questions, unit and targets), so the payment makes the
 * request even if the catalogue drops the service or changes its fee meanwhile; null in a hold written before it.
 */
public record FeeHold(Reference reference, String serviceId, String serviceName, long amountCents, String secretHash,
                      Instant submittedAt, Instant payBy, List<Answer> answers, Location location, String description,
                      Contact contact, Language language, PreferredChannel preferredChannel, String agencyId,
                      Service service) {
    public FeeHold {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }
}
