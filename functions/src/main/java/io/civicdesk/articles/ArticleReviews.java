package io.civicdesk.articles;

import io.civicdesk.catalog.Catalog;
import io.civicdesk.catalog.Unit;
import io.civicdesk.notify.Mail;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Html;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.Transactions;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The weekly reminder: each unit is mailed the published articles it owns that are past their review date, with a
 * link to each. One mail per unit per week — its id names both, so a schedule run again sends nothing twice.
 */
public final class ArticleReviews {
    static final String PURPOSE = "article-review";

    private final ArticleService articles;
    private final Catalog catalog;
    private final OutboxStore outbox;
    private final Transactions transactions;
    private final Clock clock;
    private final String portalUrl;

    public ArticleReviews(ArticleService articles, Catalog catalog, OutboxStore outbox, Transactions transactions,
                          Clock clock, String portalUrl) {
        this.articles = articles;
        this.catalog = catalog;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.portalUrl = portalUrl;
    }

    /** What a run did: units mailed, articles named, and units whose mail this week was already written. */
    public record Run(int unitsMailed, int articlesDue, int alreadyMailed) {
    }

    public Run run() {
        LocalDate today = articles.today();
        LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int mailed = 0;
        int due = 0;
        int already = 0;
        for (Map.Entry<String, List<ArticleState>> unit : articles.dueForReview(today).entrySet()) {
            Unit owner = catalog.unit(unit.getKey()).orElse(null);
            if (owner == null || owner.email() == null) {
                continue; // a unit with nowhere to mail: its articles still show the flag on the staff pages
            }
            due += unit.getValue().size();
            Mail mail = mail("article-review-" + owner.id() + "-" + week, owner, unit.getValue(), today);
            try {
                transactions.commit(List.of(outbox.pending("mail", mail, clock.instant())));
                mailed++;
            } catch (Refused refused) {
                already++;
            }
        }
        return new Run(mailed, due, already);
    }

    private Mail mail(String mailId, Unit unit, List<ArticleState> due, LocalDate today) {
        String council = catalog.council().name();
        String subject = due.size() == 1 ? "1 article to review: " + due.get(0).title()
                : due.size() + " articles to review for " + unit.name();
        List<String> text = new ArrayList<>();
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en-AU\"><body style=\"font-family:Arial,"
                + "sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c\"><p>Hello " + Html.escape(unit.name())
                + ",</p><p>These articles your unit owns have passed their review date. Check each is still right,"
                + " then save it with a new review date (or take it down).</p><ul>");
        for (ArticleState state : due) {
            String link = portalUrl + "/staff/article.html?id=" + state.articleId();
            text.add("- " + state.title() + " (review by " + state.reviewBy() + "): " + link);
            html.append("<li><a href=\"").append(Html.escape(link)).append("\">").append(Html.escape(state.title()))
                    .append("</a> — review by ").append(state.reviewBy()).append("</li>");
        }
        html.append("</ul><p>").append(Html.escape(council)).append(" — CivicDesk</p></body></html>");
        return new Mail(mailId, unit.email(), subject, "Hello " + unit.name() + ",\n\nThese articles your unit owns have"
                + " passed their review date (" + today + "). Check each is still right, then save it with a new review"
                + " date (or take it down).\n\n" + String.join("\n", text) + "\n\n" + council + " — CivicDesk\n",
                html.toString(), PURPOSE, unit.id());
    }
}
