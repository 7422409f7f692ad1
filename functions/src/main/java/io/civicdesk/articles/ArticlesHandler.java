package io.civicdesk.articles;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.catalog.Catalog;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;

/**
 * {@code ArticlesFunction}: {@code GET /articles/{articleId}} (anyone: a published resident article) and the staff
 * knowledge base — {@code GET /staff/articles} (every article, or with {@code serviceId} the guidance beside a
 * request), {@code GET|PUT /staff/articles/{articleId}}, {@code POST /staff/articles/{articleId}/publish|retire} and
 * {@code POST /staff/articles/preview}. Any member of staff reads; the owning unit's staff and administrators change.
 */
public final class ArticlesHandler extends HttpHandler {
    /** Published articles change rarely; a resident's phone may keep one a few minutes. */
    private static final String RESIDENT_CACHE = "public, max-age=300";

    private final ArticleService articles;
    private final Catalog catalog;

    public ArticlesHandler() {
        this(ArticlesWiring.fromConfig());
    }

    private ArticlesHandler(ArticlesWiring wiring) {
        this(wiring.articles(), wiring.catalog());
    }

    public ArticlesHandler(ArticleService articles, Catalog catalog) {
        this.articles = articles;
        this.catalog = catalog;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String route = String.valueOf(request.routeKey());
        if (route.equals("GET /articles/{articleId}")) {
            String articleId = request.pathParameter("articleId");
            if (!Ids.isId(articleId)) {
                throw Refusal.notFound(ArticleService.NOT_FOUND);
            }
            return HttpResponses.json(200, ArticleViews.resident(articles.forResidents(articleId), catalog), RESIDENT_CACHE);
        }
        StaffCaller caller = StaffCaller.from(request).requireAny(StaffCaller.Role.values());
        return switch (route) {
            case "GET /staff/articles" -> {
                String serviceId = request.queryParameter("serviceId").orElse(null);
                yield HttpResponses.json(200, serviceId == null
                        ? ArticleViews.list(articles.states(), articles.today(), caller, catalog)
                        : ArticleViews.panel(articles.panel(Ids.require(serviceId, "serviceId", "service"))));
            }
            case "POST /staff/articles/preview" ->
                    HttpResponses.json(200, ArticleViews.preview(ArticleReader.previewBody(request.jsonBody())));
            case "GET /staff/articles/{articleId}" -> details(articles.details(articleId(request)), caller);
            case "PUT /staff/articles/{articleId}" -> {
                String articleId = ArticleReader.articleId(request.pathParameter("articleId"));
                yield details(articles.save(caller, articleId,
                        ArticleReader.draft(request.jsonBody(), catalog, articles.today())), caller);
            }
            case "POST /staff/articles/{articleId}/publish" -> details(articles.publish(caller, articleId(request),
                    ArticleReader.revision(request.jsonBody())), caller);
            case "POST /staff/articles/{articleId}/retire" -> details(articles.retire(caller, articleId(request),
                    ArticleReader.revision(request.jsonBody())), caller);
            default -> throw Refusal.notFound("No such route.");
        };
    }

    private static String articleId(HttpRequest request) {
        return Ids.require(request.pathParameter("articleId"), "articleId", "article");
    }

    private APIGatewayV2HTTPResponse details(ArticleService.Details details, StaffCaller caller) {
        return HttpResponses.json(200, ArticleViews.details(details, articles.today(), caller, catalog));
    }
}
