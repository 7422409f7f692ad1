package io.civicdesk.guides;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a conversation's ends take a resident, as the portal's pages are addressed: an article
 * ({@code article.html?id=}), a service's report form with answers filled in
 * ({@code report.html?service=&a.{questionId}=}), a facility's booking page ({@code facility.html?id=}, where its
 * times are chosen), or the call-back service's form ({@link #CALL_BACK_SERVICE}) with the topic filled in and a
 * phone call chosen as the way to hear back; the page adds the answers given so far. The names on the links are looked up when the guide is read, so a renamed
 * service reads rightly; a name that cannot be found falls back to plain words.
 */
public final class GuideEnds {
    /** The catalogue's service that takes a request to be called back (the Customer Service unit answers it). */
    public static final String CALL_BACK_SERVICE = "call-back";
    /** The call-back form's questions the conversation fills in. */
    public static final String CALL_BACK_TOPIC = "topic";
    public static final String CALL_BACK_CONVERSATION = "conversation";

    private final Function<String, Optional<String>> serviceNames;
    private final Function<String, Optional<String>> articleTitles;
    private final Function<String, Optional<String>> facilityNames;

    public GuideEnds(Function<String, Optional<String>> serviceNames, Function<String, Optional<String>> articleTitles,
                     Function<String, Optional<String>> facilityNames) {
        this.serviceNames = serviceNames;
        this.articleTitles = articleTitles;
        this.facilityNames = facilityNames;
    }

    /** The same, each name looked up once however many ends lead to it: for reading one guide. */
    public GuideEnds memoised() {
        return new GuideEnds(memo(serviceNames), memo(articleTitles), memo(facilityNames));
    }

    private static Function<String, Optional<String>> memo(Function<String, Optional<String>> lookup) {
        Map<String, Optional<String>> seen = new HashMap<>();
        return id -> seen.computeIfAbsent(id, lookup);
    }

    /** An end of a conversation: what kind, the page it opens and the words of the link. */
    public record End(String kind, String url, String label) {
    }

    public End end(Guide guide, Lead lead) {
        if (lead instanceof Lead.ReadArticle read) {
            return new End("article", "article.html?id=" + encode(read.articleId()),
                    articleTitles.apply(read.articleId()).map(title -> "Read: " + title).orElse("Read the council's guidance"));
        }
        if (lead instanceof Lead.ReportForm form) {
            StringBuilder url = new StringBuilder("report.html?service=").append(encode(form.serviceId()));
            form.answers().forEach((question, answer) -> url.append("&a.").append(encode(question)).append('=').append(encode(answer)));
            return new End("report", url.toString(), serviceNames.apply(form.serviceId())
                    .map(name -> "Report it: " + name).orElse("Report it to the council"));
        }
        if (lead instanceof Lead.BookFacility book) {
            return new End("book", "facility.html?id=" + encode(book.facilityId()),
                    facilityNames.apply(book.facilityId()).map(name -> "Book " + name).orElse("Book it"));
        }
        return new End("call-back", "report.html?service=" + CALL_BACK_SERVICE + "&channel=phone&a." + CALL_BACK_TOPIC
                + "=" + encode(guide.title()), "Ask us to call you back");
    }

    static Map<String, Object> view(End end) {
        return Map.of("kind", end.kind(), "url", end.url(), "label", end.label());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
