package io.civicdesk.search;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.languages.LanguageReader;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.StaffCaller;

/**
 * {@code GET /search} (anyone: services and residents' articles, in the language of {@code ?lang=} or
 * Accept-Language) and {@code GET /staff/knowledge} (staff: every
 * article). A resident's search that finds nothing is counted for the knowledge figures, unless the page says it
 * was sent while typing ({@code typing=1}: the suggestions under a field), which would count every half word.
 */
public final class SearchHandler extends HttpHandler {
    private final KnowledgeSearch search;
    private final NoResultSearches noResults;

    public SearchHandler() {
        this(SearchWiring.knowledgeSearch(), SearchWiring.noResultSearches());
    }

    public SearchHandler(KnowledgeSearch search, NoResultSearches noResults) {
        this.search = search;
        this.noResults = noResults;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        boolean staff = "GET /staff/knowledge".equals(request.routeKey());
        if (staff) {
            StaffCaller.from(request).requireAny(StaffCaller.Role.values());
        }
        SearchQuery query = SearchQuery.of(request.queryParameter("q").orElse(""));
        int limit = SearchQuery.limit(request.queryParameter("limit").orElse(null));
        SearchResults results = staff ? search.forStaff(query, limit)
                : search.forResidents(query, LanguageReader.query(request), limit);
        if (!staff && results.hits().isEmpty() && request.queryParameter("typing").isEmpty()) {
            noResults.count(query);
        }
        return HttpResponses.json(200, SearchView.of(results));
    }
}
