package io.civicdesk.articles;

import io.civicdesk.catalog.Catalog;
import io.civicdesk.catalog.Service;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.Transactions;
import io.civicdesk.platform.Write;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The knowledge base as staff write it and residents read it. A save is a new version (a draft until it is
 * published); publishing makes the latest version the one read; retiring takes it down. Only the owning unit's
 * staff and administrators change an article, and every change is made over the revision its author opened.
 */
public final class ArticleService {
    /** Residents and staff get the same answer for a staff article, a draft and no article at all. */
    static final String NOT_FOUND = "There is no such article. It may have been taken down: search for what you need.";

    private final ArticleStore store;
    private final Transactions transactions;
    private final Catalog catalog;
    private final Clock clock;

    public ArticleService(ArticleStore store, Transactions transactions, Catalog catalog, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** What the staff pages need to know of one article. */
    public record Details(ArticleState state, Article latest, Optional<Article> published, List<Article> history) {
    }

    /** What an officer sees beside a request: the service's articles, and the unit page of the unit that does it. */
    public record Panel(Service service, List<Article> articles, List<Article> unitPages) {
    }

    /** A published resident article; a staff-only one is not found, exactly like a draft or an unknown id. */
    public Article forResidents(String articleId) {
        return store.published(articleId).filter(Article::forResidents)
                .orElseThrow(() -> Refusal.notFound(NOT_FOUND));
    }

    public List<ArticleState> states() {
        return store.states().stream().sorted(Comparator.comparing(ArticleState::title, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    public Panel panel(String serviceId) {
        Service service = catalog.service(serviceId)
                .orElseThrow(() -> Refusal.invalid("serviceId", "There is no service \"" + serviceId + "\"."));
        List<Article> published = store.published();
        return new Panel(service,
                published.stream().filter(article -> article.serviceIds().contains(serviceId)
                        && article.kind() != ArticleKind.UNIT_PAGE).toList(),
                published.stream().filter(article -> article.kind() == ArticleKind.UNIT_PAGE
                        && article.unitId().equals(service.unitId())).toList());
    }

    public Details details(String articleId) {
        ArticleState state = store.state(articleId).orElseThrow(() -> Refusal.notFound(NOT_FOUND));
        List<Article> history = store.versions(articleId);
        Article latest = history.stream().filter(version -> version.version() == state.latestVersion()).findFirst()
                .orElseThrow(() -> new IllegalStateException("article " + articleId + " names a version not stored"));
        Optional<Article> published = state.status() == ArticleState.Status.PUBLISHED ? store.published(articleId)
                : Optional.empty();
        return new Details(state, latest, published, history);
    }

    public Details save(StaffCaller caller, String articleId, ArticleDraft draft) {
        Optional<ArticleState> existing = store.state(articleId);
        if (existing.isEmpty() && draft.revision() != null) {
            throw Refusal.notFound("There is no article \"" + articleId + "\" to change: it may have been another id.");
        }
        if (existing.isPresent() && draft.revision() == null) {
            throw conflict("There is already an article \"" + articleId + "\": open it to change it, or choose another id.",
                    articleId);
        }
        existing.ifPresent(state -> requireMayChange(caller, state.unitId()));
        requireMayChange(caller, draft.unitId());
        int version = existing.map(state -> state.latestVersion() + 1).orElse(1);
        Article article = new Article(articleId, draft.kind(), draft.audience(), draft.title(), draft.summary(),
                draft.body(), draft.serviceIds(), draft.unitId(), draft.reviewBy(), version, clock.instant(), caller.name(),
                draft.translations());
        ArticleState state = new ArticleState(articleId, draft.title(), draft.kind(), draft.audience(), draft.unitId(),
                draft.serviceIds(), existing.map(ArticleState::status).orElse(ArticleState.Status.DRAFT), version,
                existing.map(ArticleState::publishedVersion).orElse(null), draft.reviewBy(),
                existing.map(current -> current.revision() + 1).orElse(1), article.changedAt(), caller.name());
        commit(articleId, List.of(store.putVersion(article), store.putState(state, draft.revision())));
        return details(articleId);
    }

    /** Makes the latest version the one everybody reads. */
    public Details publish(StaffCaller caller, String articleId, int revision) {
        ArticleState state = changeable(caller, articleId, revision);
        Article latest = store.version(articleId, state.latestVersion())
                .orElseThrow(() -> new IllegalStateException("article " + articleId + " names a version not stored"));
        commit(articleId, List.of(store.putState(moved(state, ArticleState.Status.PUBLISHED, latest.version(), caller), revision),
                store.putPublished(latest)));
        return details(articleId);
    }

    /** Takes the article down: residents, search and guided help no longer find it; its versions stay. */
    public Details retire(StaffCaller caller, String articleId, int revision) {
        ArticleState state = changeable(caller, articleId, revision);
        if (state.status() != ArticleState.Status.PUBLISHED) {
            throw conflict("Only a published article can be taken down; this one is " + state.status().code() + ".", articleId);
        }
        commit(articleId, List.of(store.putState(moved(state, ArticleState.Status.RETIRED, state.publishedVersion(), caller), revision),
                store.removePublished(articleId)));
        return details(articleId);
    }

    /** What loading the catalogue file did to one of its articles. */
    public enum FromFile {
        /** New, or changed in the file: published as the article's next version. */
        PUBLISHED,
        /** The published version already says the same. */
        UNCHANGED,
        /** Staff have changed the article since the file last loaded it: their change stays. */
        KEPT_STAFF_CHANGES,
        /** Someone changed it while the file was loading: load the file again. */
        CONFLICT
    }

    /**
     * The catalogue file's article, published as its next version — unless the published version already says the
     * same (loading the file again changes nothing), or staff have changed the article since the file loaded it
     * (the council's own words are not undone by loading the example again).
     */
    public FromFile publishFromFile(Article fromFile, String loadedBy) {
        Optional<ArticleState> existing = store.state(fromFile.articleId());
        if (existing.isPresent() && !loadedBy.equals(existing.get().changedBy())) {
            return FromFile.KEPT_STAFF_CHANGES;
        }
        if (existing.isPresent() && !existing.get().hasDraft() && existing.get().status() == ArticleState.Status.PUBLISHED
                && store.published(fromFile.articleId()).map(published -> published.sameContent(fromFile)).orElse(false)) {
            return FromFile.UNCHANGED;
        }
        int version = existing.map(state -> state.latestVersion() + 1).orElse(1);
        Article article = new Article(fromFile.articleId(), fromFile.kind(), fromFile.audience(), fromFile.title(),
                fromFile.summary(), fromFile.body(), fromFile.serviceIds(), fromFile.unitId(), fromFile.reviewBy(),
                version, clock.instant(), loadedBy, fromFile.translations());
        ArticleState state = new ArticleState(article.articleId(), article.title(), article.kind(), article.audience(),
                article.unitId(), article.serviceIds(), ArticleState.Status.PUBLISHED, version, version,
                article.reviewBy(), existing.map(current -> current.revision() + 1).orElse(1), article.changedAt(), loadedBy);
        try {
            transactions.commit(List.of(store.putVersion(article),
                    store.putState(state, existing.map(ArticleState::revision).orElse(null)), store.putPublished(article)));
            return FromFile.PUBLISHED;
        } catch (Refused refused) {
            return FromFile.CONFLICT;
        }
    }

    /** Whether the caller may change an article of this unit: its own staff, and administrators. */
    public static boolean mayChange(StaffCaller caller, String unitId) {
        return caller.has(StaffCaller.Role.ADMIN) || unitId != null && unitId.equals(caller.unitId());
    }

    /** The published articles past their review date, by owning unit: what each unit is told to look at again. */
    public Map<String, List<ArticleState>> dueForReview(LocalDate today) {
        return store.states().stream().filter(state -> state.dueForReview(today))
                .sorted(Comparator.comparing(ArticleState::reviewBy))
                .collect(java.util.stream.Collectors.groupingBy(ArticleState::unitId, java.util.TreeMap::new,
                        java.util.stream.Collectors.toList()));
    }

    private ArticleState changeable(StaffCaller caller, String articleId, int revision) {
        ArticleState state = store.state(articleId).orElseThrow(() -> Refusal.notFound(NOT_FOUND));
        requireMayChange(caller, state.unitId());
        if (state.revision() != revision) {
            throw stale(articleId);
        }
        return state;
    }

    private ArticleState moved(ArticleState state, ArticleState.Status status, Integer publishedVersion,
                               StaffCaller caller) {
        return new ArticleState(state.articleId(), state.title(), state.kind(), state.audience(), state.unitId(),
                state.serviceIds(), status, state.latestVersion(), publishedVersion, state.reviewBy(),
                state.revision() + 1, clock.instant(), caller.name());
    }

    private static void requireMayChange(StaffCaller caller, String unitId) {
        if (!mayChange(caller, unitId)) {
            throw Refusal.forbidden("Only staff of the unit that owns this article, and administrators, can change it."
                    + " Ask that unit, or an administrator.");
        }
    }

    private void commit(String articleId, List<Write> writes) {
        try {
            transactions.commit(writes);
        } catch (Refused refused) {
            throw stale(articleId);
        }
    }

    private Refusal stale(String articleId) {
        return conflict("Someone changed this article since you opened it. Your change was not saved: look at theirs,"
                + " then make yours again.", articleId);
    }

    private Refusal conflict(String message, String articleId) {
        return new Refusal(Refusal.Kind.CONFLICT, message, List.of(), Map.of("current", ArticleViews.summary(
                store.state(articleId).orElseThrow(), today(), null)));
    }

    /** The council's date: what review dates are checked against. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of(catalog.council().timeZone())));
    }
}
