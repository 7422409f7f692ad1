package io.civicdesk.articles;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.catalog.Catalog;
import io.civicdesk.languages.LanguageReader;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;

/**
 * {@code ArticlesFunction}: a published resident article ({@code GET /articles/{articleId}}, in the language asked,
 * English where it is not translated) and the staff knowledge base under {@code /staff/articles} (docs/staff-api.md):
 * any member of staff reads; the owning unit's staff and administrators change.
 */
public final class ArticlesHandler extends HttpHandler {
    private static final String RESIDENT_CACHE = "public, max-age=300"; // published articles change rarely

    private final ArticleService articles;
    private final Catalog catalog;
    private final ArticleViews views;

    public ArticlesHandler() {
        this(ArticlesWiring.fromConfig());
    }

    ArticlesHandler(ArticlesWiring wiring) {
        this.articles = wiring.articles();
        this.catalog = wiring.catalog();
        this.views = new ArticleViews(catalog, articles::today);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String route = String.valueOf(request.routeKey());
        if (route.equals("GET /articles/{articleId}")) {
            Article article = articles.forResidents(ArticleReader.residentsId(request.pathParameter("articleId")));
            return HttpResponses.json(200, views.resident(article, LanguageReader.query(request)), RESIDENT_CACHE,
                    "Accept-Language");
        }
        StaffCaller caller = StaffCaller.from(request).requireAny(StaffCaller.Role.values());
        String articleId = request.pathParameter("articleId");
        return HttpResponses.json(200, switch (route) {
            case "GET /staff/articles" -> request.queryParameter("serviceId")
                    .map(serviceId -> views.panel(articles.panel(Ids.require(serviceId, "serviceId", "service"))))
                    .orElseGet(() -> views.list(articles.states(), caller));
            case "POST /staff/articles/preview" -> ArticleViews.preview(ArticleReader.previewBody(request.jsonBody()));
            case "GET /staff/articles/{articleId}" -> views.details(articles.details(ArticleReader.id(articleId)), caller);
            case "PUT /staff/articles/{articleId}" -> views.details(articles.save(caller, ArticleReader.newId(articleId),
                    ArticleReader.draft(request.jsonBody(), catalog, articles.today())), caller);
            case "POST /staff/articles/{articleId}/publish" -> views.details(articles.publish(caller,
                    ArticleReader.id(articleId), ArticleReader.revision(request.jsonBody())), caller);
            case "POST /staff/articles/{articleId}/retire" -> views.details(articles.retire(caller,
                    ArticleReader.id(articleId), ArticleReader.revision(request.jsonBody())), caller);
            default -> throw Refusal.notFound("No such route.");
        });
    }
}
