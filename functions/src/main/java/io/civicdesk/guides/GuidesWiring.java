package io.civicdesk.guides;

import io.civicdesk.articles.Article;
import io.civicdesk.articles.ArticleStore;
import io.civicdesk.bookings.Facility;
import io.civicdesk.bookings.FacilityStore;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Service;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The guides function built from its configuration, once per container: all in the catalogue table. */
public final class GuidesWiring {
    private GuidesWiring() {
    }

    static GuideAdmin admin() {
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        String table = Config.require("CATALOG_TABLE");
        CatalogStore catalog = new CatalogStore(dynamo, table);
        ArticleStore articles = new ArticleStore(dynamo, table);
        FacilityStore facilities = new FacilityStore(dynamo, table);
        GuideCheck check = new GuideCheck(catalog, articles, facilityId -> facilities.find(facilityId).isPresent());
        GuideEnds ends = new GuideEnds(serviceId -> catalog.service(serviceId).map(Service::name),
                articleId -> articles.published(articleId).filter(Article::forResidents).map(Article::title),
                facilityId -> facilities.find(facilityId).map(Facility::name));
        return new GuideAdmin(new GuideStore(dynamo, table), check, ends, Clocks.fromConfig());
    }
}
