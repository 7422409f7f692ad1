package io.civicdesk.tracking;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.feedback.Survey;
import io.civicdesk.feedback.SurveyStore;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Refusal;
import io.civicdesk.requests.NotFixedWindow;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.RequestWiring;
import io.civicdesk.requests.RequestWithUpdates;
import io.civicdesk.requests.Requests;

import java.time.Clock;
import java.util.function.Predicate;

/** {@code GET /requests/{reference}}: its public side; with the private link's secret (X-Private-Key) the resident's own too. */
public final class TrackRequestHandler extends HttpHandler {
    static final Predicate<Reference> NO_SURVEYS = reference -> false; // where no surveys are kept, none waits
    private final Requests requests;
    private final Predicate<Reference> surveyWaits;
    private final NotFixedWindow window;
    private final Clock clock;

    public TrackRequestHandler() {
        this(RequestWiring.fromConfig());
    }

    private TrackRequestHandler(RequestWiring wiring) {
        this(wiring.requests(), Config.optional("FEEDBACK_TABLE") == null ? NO_SURVEYS : openSurvey(
                new SurveyStore(wiring.dynamo(), Config.require("FEEDBACK_TABLE"))), NotFixedWindow.fromConfig(), wiring.clock());
    }

    private static Predicate<Reference> openSurvey(SurveyStore surveys) {
        return reference -> surveys.find(Survey.Subject.REQUEST, reference.value()).filter(Survey::open).isPresent();
    }

    /** @param surveyWaits whether the request's survey waits for the resident's answer; window: for "not fixed" */
    public TrackRequestHandler(Requests requests, Predicate<Reference> surveyWaits, NotFixedWindow window, Clock clock) {
        this.requests = requests;
        this.surveyWaits = surveyWaits;
        this.window = window;
        this.clock = clock;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        Reference reference = Reference.parse(request.pathParameter("reference")).orElseThrow(() -> Refusal.invalid(
                "reference", "A reference is 8 letters and numbers, like K7MP-3QXR. Check the reference in your confirmation."));
        RequestWithUpdates found = requests.find(reference).orElseThrow(() -> Refusal.notFound("We could not find a "
                + "request with the reference " + reference.display() + ". Check it against your confirmation email or text."));
        TrackingView view = TrackingView.of(found, request.header("X-Private-Key").orElse(null), window, clock.instant());
        // Only the resident (their private key) is told a survey waits: whether they answered is theirs alone.
        return HttpResponses.json(200, view.isPrivate() && surveyWaits.test(reference) ? view.withSurvey() : view);
    }
}
