package io.civicdesk.search;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.languages.LanguageReader;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;

/**
 * {@code GET /search} (anyone: services and residents' articles, in the language of {@code ?lang=} or
 * Accept-Language) and {@code GET /staff/knowledge} (staff: every
 * article). A resident's search that finds nothing is counted for the knowledge figures, unless the page says it
 * was sent while typing ({@code typing=1}: the suggestions under a field), which would count every half word.
 */
public final class SearchHandler extends HttpHandler {
    private static final int DEFAULT_LIMIT = 10;

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
        int limit = limit(request.queryParameter("limit").orElse(null));
        SearchResults results = staff ? search.forStaff(query, limit)
                : search.forResidents(query, LanguageReader.query(request), limit);
        if (!staff && results.hits().isEmpty() && request.queryParameter("typing").isEmpty()) {
            noResults.count(query);
        }
        return HttpResponses.json(200, SearchView.of(results));
    }

    private static int limit(String typed) {
        if (typed == null || typed.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(typed.strip());
            if (limit >= 1 && limit <= KnowledgeSearch.MAX_RESULTS) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, as for a number out of range
        }
        throw Refusal.invalid("limit", "limit is how many results to show: a whole number from 1 to "
                + KnowledgeSearch.MAX_RESULTS + ".");
    }
}
