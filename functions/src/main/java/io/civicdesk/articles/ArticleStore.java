package io.civicdesk.articles;

import io.civicdesk.catalog.TranslationItems;
import io.civicdesk.platform.Items;
import io.civicdesk.platform.Write;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The knowledge base's articles, in the catalogue table.
 *
 * <pre>
 * pk = ARTICLE#{articleId}  sk = VERSION#{000007}        one version as its author saved it, never changed after,
 *                                                        its translations with it (attribute translations)
 * pk = ARTICLES             sk = STATE#{articleId}       where the article stands: draft, published or retired, its
 *                                                        latest and published versions, and a revision every change
 *                                                        moves on with a conditional write
 * pk = ARTICLES             sk = PUBLISHED#{articleId}   the published version, whole: what residents, search and
 *                                                        guided help read (one GetItem, or one Query for them all)
 * </pre>
 * Every change is one transaction over the version, the state and the published copy, so a reader never meets a
 * state that names a version not written. All pks begin with ARTICLE: the search index builder's stream filter.
 */
public final class ArticleStore implements ArticleLibrary {
    static final String LISTING = "ARTICLES";
    private static final String STATE = "STATE#";
    private static final String PUBLISHED = "PUBLISHED#";

    private final DynamoDbClient dynamo;
    private final String table;

    public ArticleStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<Article> published() {
        return query(LISTING, PUBLISHED).stream().map(ArticleStore::article).toList();
    }

    @Override
    public Optional<Article> published(String articleId) {
        return get(LISTING, PUBLISHED + articleId).map(ArticleStore::article);
    }

    /** Every article's state, drafts and retired ones too, for the staff pages. */
    public List<ArticleState> states() {
        return query(LISTING, STATE).stream().map(ArticleStore::state).toList();
    }

    public Optional<ArticleState> state(String articleId) {
        return get(LISTING, STATE + articleId).map(ArticleStore::state);
    }

    public Optional<Article> version(String articleId, int version) {
        return get(partition(articleId), versionKey(version)).map(ArticleStore::article);
    }

    /** Every version, oldest first: the article's history. */
    public List<Article> versions(String articleId) {
        return query(partition(articleId), "VERSION#").stream().map(ArticleStore::article).toList();
    }

    /** The new version's item; refused as "version" when that version was already written. */
    public Write putVersion(Article article) {
        return Write.put("version", Put.builder().tableName(table)
                .item(articleItem(Items.key(partition(article.articleId()), versionKey(article.version())), article))
                .conditionExpression("attribute_not_exists(pk)").build());
    }

    /**
     * The state after a change, written only over the revision the change was made on (none for a new article);
     * refused as "state" when someone changed the article since.
     */
    public Write putState(ArticleState state, Integer expectedRevision) {
        Put.Builder put = Put.builder().tableName(table).item(stateItem(state));
        if (expectedRevision == null) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("revision = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(expectedRevision)));
        }
        return Write.put("state", put.build());
    }

    public Write putPublished(Article article) {
        return Write.put("published", Put.builder().tableName(table)
                .item(articleItem(Items.key(LISTING, PUBLISHED + article.articleId()), article)).build());
    }

    public Write removePublished(String articleId) {
        return Write.of("published", TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(Items.key(LISTING, PUBLISHED + articleId)).build()).build());
    }

    private static String partition(String articleId) {
        return "ARTICLE#" + articleId;
    }

    private static String versionKey(int version) {
        return "VERSION#%06d".formatted(version);
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table)
                .key(Items.key(pk, sk)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private List<Map<String, AttributeValue>> query(String pk, String skPrefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(skPrefix))).build();
        dynamo.queryPaginator(query).items().forEach(items::add);
        return items;
    }

    private static Map<String, AttributeValue> articleItem(Map<String, AttributeValue> key, Article article) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("articleId", s(article.articleId()));
        item.put("articleKind", s(article.kind().code()));
        item.put("audience", s(article.audience().code()));
        item.put("title", s(article.title()));
        item.put("summary", s(article.summary()));
        item.put("body", s(article.body()));
        item.put("serviceIds", Items.strings(article.serviceIds()));
        item.put("unitId", s(article.unitId()));
        if (article.reviewBy() != null) {
            item.put("reviewBy", s(article.reviewBy().toString()));
        }
        item.put("version", n(article.version()));
        item.put("changedAt", s(article.changedAt().toString()));
        item.put("changedBy", s(article.changedBy()));
        AttributeValue translations = TranslationItems.item(article.translations());
        if (translations != null) {
            item.put("translations", translations);
        }
        return item;
    }

    private static Article article(Map<String, AttributeValue> item) {
        String reviewBy = Items.string(item, "reviewBy");
        return new Article(Items.string(item, "articleId"), ArticleKind.fromCode(Items.string(item, "articleKind")),
                Audience.fromCode(Items.string(item, "audience")), Items.string(item, "title"),
                Items.string(item, "summary"), Items.string(item, "body"),
                Items.stringList(item, "serviceIds"),
                Items.string(item, "unitId"), reviewBy == null ? null : LocalDate.parse(reviewBy),
                Items.integer(item, "version"), Instant.parse(Items.string(item, "changedAt")),
                Items.string(item, "changedBy"), TranslationItems.read(item));
    }

    private Map<String, AttributeValue> stateItem(ArticleState state) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key(LISTING, STATE + state.articleId()));
        item.put("articleId", s(state.articleId()));
        item.put("title", s(state.title()));
        item.put("articleKind", s(state.kind().code()));
        item.put("audience", s(state.audience().code()));
        item.put("unitId", s(state.unitId()));
        item.put("serviceIds", Items.strings(state.serviceIds()));
        item.put("status", s(state.status().code()));
        item.put("latestVersion", n(state.latestVersion()));
        if (state.publishedVersion() != null) {
            item.put("publishedVersion", n(state.publishedVersion()));
        }
        if (state.reviewBy() != null) {
            item.put("reviewBy", s(state.reviewBy().toString()));
        }
        item.put("revision", n(state.revision()));
        item.put("changedAt", s(state.changedAt().toString()));
        item.put("changedBy", s(state.changedBy()));
        return item;
    }

    private static ArticleState state(Map<String, AttributeValue> item) {
        String reviewBy = Items.string(item, "reviewBy");
        return new ArticleState(Items.string(item, "articleId"), Items.string(item, "title"),
                ArticleKind.fromCode(Items.string(item, "articleKind")), Audience.fromCode(Items.string(item, "audience")),
                Items.string(item, "unitId"),
                Items.stringList(item, "serviceIds"),
                ArticleState.Status.fromCode(Items.string(item, "status")), Items.integer(item, "latestVersion"),
                Items.integer(item, "publishedVersion"), reviewBy == null ? null : LocalDate.parse(reviewBy),
                Items.integer(item, "revision"), Instant.parse(Items.string(item, "changedAt")),
                Items.string(item, "changedBy"));
    }
}
