package io.civicdesk.tracking;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.civicdesk.platform.Hashes;
import io.civicdesk.requests.Contact;
import io.civicdesk.requests.Location;
import io.civicdesk.requests.NotFixedWindow;
import io.civicdesk.requests.PreferredChannel;
import io.civicdesk.requests.RequestStatus;
import io.civicdesk.requests.RequestWithUpdates;
import io.civicdesk.requests.RequestSummary;
import io.civicdesk.requests.ServiceRequest;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A request as its tracking page shows it. The public part is built from {@link RequestSummary} and the
 * public updates only, so personal details cannot slip into it; they are added only for the right secret.
 */
public record TrackingView(@JsonUnwrapped RequestSummary summary, List<Update> updates,
                           @com.fasterxml.jackson.annotation.JsonProperty("private") boolean isPrivate,
                           Details details) {

    public record Update(String at, String status, String statusLabel, String message) {
    }

    public record AnswerView(String question, String answer) {
    }

    /**
     * What the resident may write now: {@code reply} while it waits for them, {@code addInformation} while it is
     * open, and until when they may say it is {@code notFixed} after it was resolved (null when they may not).
     */
    public record Conversation(boolean reply, boolean addInformation, String notFixedUntil) {
    }

    public record Details(Contact contact, PreferredChannel preferredChannel, Location location, String description,
                          List<AnswerView> answers, Conversation conversation) {
    }

    public static TrackingView of(RequestWithUpdates found, String secret, NotFixedWindow window, Instant now) {
        ServiceRequest request = found.request();
        List<Update> updates = found.updates().stream()
                .sorted(Comparator.comparing(io.civicdesk.requests.PublicUpdate::at).reversed())
                .map(update -> new Update(update.at().toString(), update.status(), RequestStatus.label(update.status()),
                        update.message()))
                .toList();
        boolean owner = Hashes.matches(secret, request.secretHash());
        Details details = owner ? new Details(request.contact(), request.preferredChannel(), request.location(),
                request.description(), request.answers().stream()
                .map(answer -> new AnswerView(answer.question(), answer.text())).toList(),
                conversation(request, window, now)) : null;
        return new TrackingView(RequestSummary.of(request), updates, owner, details);
    }

    private static Conversation conversation(ServiceRequest request, NotFixedWindow window, Instant now) {
        boolean open = request.handling().finishedAt() == null;
        String until = window.until(request).filter(at -> !now.isAfter(at)).map(Instant::toString).orElse(null);
        return new Conversation(open && request.handling().paused(), open && !request.handling().paused(), until);
    }

    /** The private view plus {@code "survey": { "open": true }}, while the request's survey waits for an answer. */
    public WithSurvey withSurvey() {
        return new WithSurvey(this, new WithSurvey.SurveyFlag(true));
    }

    public record WithSurvey(@JsonUnwrapped TrackingView view, SurveyFlag survey) {
        public record SurveyFlag(boolean open) {
        }
    }
}
