package io.civicdesk.privacy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;

import java.util.Map;

/** The privacy page's API for administrators ({@code PrivacyFunction}): retention, residents' records, the audit. */
public final class PrivacyHandler extends HttpHandler {
    private final Retention retention;
    private final SubjectAccess subjects;
    private final AuditTrail audit;

    public PrivacyHandler() {
        this(PrivacyWiring.fromConfig());
    }

    private PrivacyHandler(PrivacyWiring wiring) {
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
            case "POST /staff/privacy/retention/run" -> HttpResponses.json(200,
                    PrivacyViews.run(retention.run(Retention.RUN_NOW, caller.id())));
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

    private APIGatewayV2HTTPResponse export(StaffCaller caller, HttpRequest request) {
        boolean csv = SubjectReader.csv(request.jsonBody()); // "format": "csv", checked before anything is read
        SubjectAccess.Found found = subjects.export(caller, SubjectReader.read(request.jsonBody()));
        return csv ? HttpResponses.csv(SubjectCsv.FILE_NAME, SubjectCsv.of(found))
                : HttpResponses.jsonDownload("subject-access-export.json", PrivacyViews.export(found));
    }
}
