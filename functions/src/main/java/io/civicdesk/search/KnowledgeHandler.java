package io.civicdesk.search;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.DateInput;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;

/**
 * {@code KnowledgeFunction}: {@code POST /knowledge/outcomes} (anyone: what a resident did with an article),
 * {@code GET /staff/knowledge/figures} (supervisors, account managers, administrators) and
 * {@code GET|PUT /staff/synonyms} (administrators).
 */
public final class KnowledgeHandler extends HttpHandler {
    private static final String DAY = "Give a day as a date " + DateInput.YEARS + ", like 2026-11-28.";

    private final KnowledgeOutcomes outcomes;
    private final SynonymAdmin synonyms;

    public KnowledgeHandler() {
        this(KnowledgeWiring.outcomes(), KnowledgeWiring.synonymAdmin());
    }

    public KnowledgeHandler(KnowledgeOutcomes outcomes, SynonymAdmin synonyms) {
        this.outcomes = outcomes;
        this.synonyms = synonyms;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        return switch (String.valueOf(request.routeKey())) {
            case "POST /knowledge/outcomes" -> {
                String body = request.body();
                Idempotency.Answer answer = outcomes.record(OutcomeReader.read(request.jsonBody()),
                        Idempotency.fromHeader(request, body));
                yield HttpResponses.answer(answer);
            }
            case "GET /staff/knowledge/figures" -> {
                StaffCaller.from(request).requireAny(Role.SUPERVISOR, Role.ACCOUNT_MANAGER, Role.ADMIN);
                yield HttpResponses.json(200, KnowledgeViews.figures(outcomes.figures(
                        DateInput.optional(request.queryParameter("from").orElse(null), "from", DAY),
                        DateInput.optional(request.queryParameter("to").orElse(null), "to", DAY))));
            }
            case "GET /staff/synonyms" -> {
                StaffCaller.from(request).requireAny(Role.ADMIN);
                yield HttpResponses.json(200, synonyms.get());
            }
            case "PUT /staff/synonyms" -> {
                StaffCaller admin = StaffCaller.from(request).requireAny(Role.ADMIN);
                yield HttpResponses.json(200, synonyms.put(admin, SynonymsReader.read(request.jsonBody())));
            }
            default -> throw Refusal.notFound("No such route.");
        };
    }
}
