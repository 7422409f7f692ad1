package io.civicdesk.open311;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.open311.Open311Call.Resource;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Refusal;

import java.util.List;

/**
 * {@code Open311Function}: the GeoReport v2 API under {@code /open311/v2/} (docs/open311.md), in XML or JSON by the
 * document's suffix, its errors in the specification's own format. A call that sends an {@code api_key} is counted
 * against that key's allowance; {@code POST requests} must send one.
 */
public final class Open311Handler extends HttpHandler {
    private final GeoReport geoReport;
    private final KeyCheck keys;

    public Open311Handler() {
        this(Open311Wiring.fromConfig());
    }

    private Open311Handler(Open311Wiring wiring) {
        this(wiring.geoReport(), wiring.keyCheck());
    }

    public Open311Handler(GeoReport geoReport, KeyCheck keys) {
        this.geoReport = geoReport;
        this.keys = keys;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        Format format = Open311CallReader.format(request);
        try {
            Open311Call call = Open311CallReader.read(request);
            if (call.apiKey() != null || call.resource() == Resource.SUBMIT) {
                keys.admit(call.apiKey());
            }
            Document answer = switch (call.resource()) {
                case DISCOVERY -> Open311Views.discovery(geoReport.councilName(), Open311CallReader.endpoint(request));
                case SERVICES -> Open311Views.services(geoReport.services());
                case SERVICE -> Open311Views.definition(geoReport.service(call.id()));
                case REQUESTS -> Open311Views.requests(geoReport.requests(Open311CallReader.query(request)));
                case REQUEST -> Open311Views.requests(List.of(geoReport.request(call.id())));
                case TOKEN -> throw geoReport.unknownToken(call.id());
                case SUBMIT -> Open311Views.submitted(geoReport.submit(Open311FormReader.serviceCode(call.form()),
                        Open311FormReader.report(call.form()), call.idempotencyKey(), Open311FormReader::reference));
            };
            return HttpResponses.of(call.resource() == Resource.SUBMIT ? 201 : 200, format.contentType(),
                    Open311Views.write(answer, format), "no-store");
        } catch (Refusal refused) {
            return HttpResponses.error(refused, format.contentType(),
                    status -> Open311Views.write(Open311Views.errors(refused, status), format));
        }
    }
}
