package io.civicdesk.seed;

import io.civicdesk.articles.Article;
import io.civicdesk.articles.ArticleService;
import io.civicdesk.articles.ArticleStore;
import io.civicdesk.bookings.Facility;
import io.civicdesk.bookings.FacilityStore;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Service;
import io.civicdesk.catalog.Unit;
import io.civicdesk.guides.GuideStore;
import io.civicdesk.responses.ResponseTemplateStore;
import io.civicdesk.privacy.ScheduleStore;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.search.SynonymStore;
import io.civicdesk.sla.ServiceLevelPolicy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a checked catalogue file into a catalogue table, through the stores the functions read. Every item is
 * written whole, so loading the same file again leaves the same items; each calendar is replaced whole too
 * (holidays added on the Service levels page since are gone unless the file lists them). Nothing the file does not
 * name is deleted: what the table holds beyond it is told, and left as it is.
 */
public final class CatalogLoad {
    private final DynamoDbClient dynamo;
    private final String table;

    public CatalogLoad(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * Writes the file, and tells what the table holds that the file does not name, e.g. {@code service pothole}, and
     * the articles staff have changed since the file loaded them, which keep their change.
     * Nothing is written when a policy's place in the order is held by a policy the file does not name.
     */
    public List<String> write(CatalogFile file) throws CatalogFileException {
        CatalogStore catalog = new CatalogStore(dynamo, table);
        List<ServiceLevelPolicy> stored = catalog.policies();
        requireFreePlaces(file, stored);
        // What others point at first: a service's unit, the council's and the policies' calendars, a policy's service.
        file.calendars().forEach(catalog::putCalendar);
        file.units().forEach(catalog::putUnit);
        file.services().forEach(catalog::putService);
        catalog.putCouncil(file.council());
        savePolicies(catalog, file.policies(), stored);
        FacilityStore facilities = new FacilityStore(dynamo, table);
        file.facilities().forEach(facilities::put);
        if (!file.synonyms().groups().isEmpty()) {
            new SynonymStore(dynamo, table).load(file.synonyms(), file.readAt());
        }
        List<String> keptByStaff = writeArticles(file, catalog);
        // After the articles, which the conversations may lead to.
        GuideStore guides = new GuideStore(dynamo, table);
        file.guides().forEach(guide -> guides.load(guide, file.readAt()));
        ResponseTemplateStore responses = new ResponseTemplateStore(dynamo, table);
        file.responses().forEach(template -> responses.load(template, file.readAt()));
        // Only where none is stored: seeding again never undoes an administrator's change on the privacy page.
        if (!file.retention().isEmpty()) {
            new ScheduleStore(dynamo, table).seed(file.retention(), file.readAt());
        }
        List<String> left = new ArrayList<>(notInFile(file, catalog.catalogue(), facilities.all()));
        left.addAll(keptByStaff);
        return left;
    }

    /**
     * Each article published as the file has it; the ids of those staff have changed since, which keep their
     * change (told as {@code article unit-waste, changed on the staff pages}).
     */
    private List<String> writeArticles(CatalogFile file, CatalogStore catalog) throws CatalogFileException {
        ArticleService articles = new ArticleService(new ArticleStore(dynamo, table), new DynamoTransactions(dynamo),
                catalog, Clock.fixed(file.readAt(), ZoneOffset.UTC));
        Mistakes mistakes = file.mistakes();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < file.articles().size(); i++) {
            Article article = file.articles().get(i);
            switch (articles.publishFromFile(article, ArticleFileReader.LOADED_BY)) {
                case KEPT_STAFF_CHANGES -> kept.add("article " + article.articleId() + ", changed on the staff pages");
                case CONFLICT -> mistakes.add("articles[" + i + "]",
                        "was changed on the staff pages while the file was loading; load the file again");
                case PUBLISHED, UNCHANGED -> {
                }
            }
        }
        mistakes.throwIfAny();
        return kept;
    }

    /**
     * The articles the file's guided conversations lead to that are not published for residents in the table: the
     * conversations are loaded all the same (the articles may be published later, by staff or by another file),
     * and the load tells these so the council knows where a resident would find nothing.
     */
    public List<String> guideArticlesNotPublished(CatalogFile file) {
        ArticleStore articles = new ArticleStore(dynamo, table);
        return file.guideArticles().stream()
                .filter(articleId -> articles.published(articleId).filter(Article::forResidents).isEmpty()).sorted().toList();
    }

    private static void requireFreePlaces(CatalogFile file, List<ServiceLevelPolicy> stored) throws CatalogFileException {
        Set<String> named = file.policies().stream().map(ServiceLevelPolicy::id).collect(Collectors.toSet());
        Mistakes mistakes = file.mistakes();
        for (int i = 0; i < file.policies().size(); i++) {
            ServiceLevelPolicy policy = file.policies().get(i);
            for (ServiceLevelPolicy other : stored) {
                if (other.order() == policy.order() && !named.contains(other.id())) {
                    mistakes.add("policies[" + i + "].order", "place " + policy.order() + " is held in the table by policy \""
                            + other.id() + "\", which this file does not name: delete that policy on the Service levels page,"
                            + " or give this one another place");
                }
            }
        }
        mistakes.throwIfAny();
    }

    /**
     * Each policy at its place, claimed as an administrator's save claims it. A policy moving gives up its old place
     * first, so two policies may swap places; until it is saved again, requests fall under the others.
     */
    private static void savePolicies(CatalogStore catalog, List<ServiceLevelPolicy> policies, List<ServiceLevelPolicy> stored) {
        Map<String, Integer> storedOrder = new HashMap<>();
        stored.forEach(policy -> storedOrder.put(policy.id(), policy.order()));
        for (ServiceLevelPolicy policy : policies) {
            Integer was = storedOrder.get(policy.id());
            if (was != null && was != policy.order()) {
                requireUnchanged(catalog.deletePolicy(policy.id(), was));
                storedOrder.remove(policy.id());
            }
        }
        for (ServiceLevelPolicy policy : policies) {
            requireUnchanged(catalog.savePolicy(policy, storedOrder.get(policy.id())));
        }
    }

    private static void requireUnchanged(boolean saved) {
        if (!saved) {
            throw new IllegalStateException("An administrator changed the service-level policies during the load; load the file again");
        }
    }

    private static List<String> notInFile(CatalogFile file, CatalogStore.Catalogue catalogue, List<Facility> facilities) {
        List<String> left = new ArrayList<>();
        Set<String> units = file.units().stream().map(Unit::id).collect(Collectors.toSet());
        Set<String> services = file.services().stream().map(Service::id).collect(Collectors.toSet());
        Set<String> policies = file.policies().stream().map(ServiceLevelPolicy::id).collect(Collectors.toSet());
        Set<String> named = file.facilities().stream().map(Facility::id).collect(Collectors.toSet());
        catalogue.units().keySet().stream().filter(id -> !units.contains(id)).forEach(id -> left.add("unit " + id));
        catalogue.services().stream().map(Service::id).filter(id -> !services.contains(id)).forEach(id -> left.add("service " + id));
        catalogue.policies().stream().map(ServiceLevelPolicy::id).filter(id -> !policies.contains(id)).forEach(id -> left.add("policy " + id));
        facilities.stream().map(Facility::id).filter(id -> !named.contains(id)).forEach(id -> left.add("facility " + id));
        return left;
    }
}
