package io.civicdesk.articles;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.EventHandler;
import io.civicdesk.platform.Log;

import java.util.Map;

/** {@code ArticleReviewFunction}, every Monday morning: tells each unit which of its articles are past review. */
public final class ArticleReviewHandler extends EventHandler {
    private final ArticleReviews reviews;

    public ArticleReviewHandler() {
        this(ArticlesWiring.fromConfig().reviews());
    }

    public ArticleReviewHandler(ArticleReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    protected ArticleReviews.Run handle(JsonNode event) {
        ArticleReviews.Run run = reviews.run();
        Log.info("articles.review-reminders", Map.of("unitsMailed", run.unitsMailed(), "articlesDue", run.articlesDue(),
                "alreadyMailed", run.alreadyMailed()));
        return run;
    }
}
