package io.civicdesk.catalog;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.languages.Language;
import io.civicdesk.languages.LanguageReader;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.HttpResponses;

/** {@code GET /services} and {@code GET /services/{serviceId}}, in the language of {@code ?lang=} or Accept-Language. */
public final class CatalogHandler extends HttpHandler {
    /** Browsers and CloudFront may keep the catalogue a minute: it changes rarely and is every visit's first call. */
    private static final String CACHE_A_MINUTE = "public, max-age=60";
    /** Without ?lang= the answer is in the browser's language: a cache keeps one copy per Accept-Language. */
    private static final String VARY = "Accept-Language";

    private final Catalog catalog;

    public CatalogHandler() {
        this(new CatalogStore(AwsClients.dynamoDb(), Config.require("CATALOG_TABLE")));
    }

    public CatalogHandler(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String serviceId = request.pathParameter("serviceId");
        Language language = LanguageReader.query(request);
        if (serviceId == null) {
            return HttpResponses.json(200, CatalogView.of(catalog.catalogue(), language), CACHE_A_MINUTE, VARY);
        }
        Service service = catalog.service(Ids.require(serviceId, "serviceId", "service")).orElseThrow(() -> Refusal.notFound(
                "We could not find that service. Choose one from the list of services."));
        Unit unit = catalog.unit(service.unitId()).orElse(null);
        return HttpResponses.json(200, CatalogView.detail(service, unit, language), CACHE_A_MINUTE, VARY);
    }
}
