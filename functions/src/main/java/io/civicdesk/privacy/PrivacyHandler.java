package io.civicdesk.privacy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;

import java.time.Duration;
import java.util.Map;

/**
 * The privacy page's API, for administrators ({@code PrivacyFunction}): the retention schedule and its runs
 * ({@code GET|PUT /staff/privacy/retention}, {@code POST .../run}), a resident's records ({@code POST
 * /staff/privacy/subjects/search|export|erase}) and the audit ({@code GET /staff/privacy/audit}).
 */
public final class PrivacyHandler extends HttpHandler {
    /** "Run now" from the page: the scheduled run's pages, inside the API's 30 seconds. */
    static final Retention.Batch RUN_NOW = new Retention.Batch(100, 100_000, Duration.ofSeconds(20));

    private final Retention retention;
    private final SubjectAccess subjects;
    private final AuditTrail audit;

    public PrivacyHandler() {
        this(PrivacyWiring.fromConfig());
    }

    public PrivacyHandler(PrivacyWiring wiring) {
        this(wiring.retention(), wiring.subjectAccess(), wiring.audit());
    }

    public PrivacyHandler(Retention retention, SubjectAccess subjects, AuditTrail audit) {
        this.retention = retention;
        this.subjects = subjects;
        this.audit = audit;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller caller = StaffCaller.from(request).requireAny(StaffCaller.Role.ADMIN);
        return switch (String.valueOf(request.routeKey())) {
            case "GET /staff/privacy/retention" -> HttpResponses.json(200, PrivacyViews.overview(retention.overview(caller)));
            case "PUT /staff/privacy/retention" -> HttpResponses.json(200,
                    PrivacyViews.schedule(retention.save(caller, RetentionScheduleReader.read(request.jsonBody()))));
            case "POST /staff/privacy/retention/run" -> HttpResponses.json(200, PrivacyViews.run(retention.run(RUN_NOW, caller.id())));
            case "POST /staff/privacy/subjects/search" -> HttpResponses.json(200,
                    PrivacyViews.found(subjects.search(caller, SubjectReader.read(request.jsonBody()))));
            case "POST /staff/privacy/subjects/export" -> export(caller, request);
            case "POST /staff/privacy/subjects/erase" -> HttpResponses.json(200,
                    PrivacyViews.erasure(subjects.erase(caller, SubjectReader.erasure(request.jsonBody()))));
            case "GET /staff/privacy/audit" -> HttpResponses.json(200, Map.of("entries", audit.entries(caller,
                    request.queryParameter("month").orElse(null), request.queryParameter("staffId").orElse(null),
                    request.queryParameter("reference").orElse(null))));
            default -> throw Refusal.notFound("Not Found");
        };
    }

    /** The export as JSON, or as CSV with {@code "format": "csv"} in the body. */
    private APIGatewayV2HTTPResponse export(StaffCaller caller, HttpRequest request) {
        boolean csv = SubjectReader.csv(request.jsonBody());
        SubjectAccess.Found found = subjects.export(caller, SubjectReader.read(request.jsonBody()));
        return csv ? HttpResponses.csv(SubjectCsv.FILE_NAME, SubjectCsv.of(found))
                : HttpResponses.jsonDownload("subject-access-export.json", PrivacyViews.export(found));
    }
}
