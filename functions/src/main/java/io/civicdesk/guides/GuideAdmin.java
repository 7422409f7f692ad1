package io.civicdesk.guides;

import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * Guided conversations: residents read the published ones; administrators save a topic's next version, checked
 * whole by {@link GuideCheck} first, over the version they read, or take a topic off the resident pages.
 */
public final class GuideAdmin {
    private final GuideBook book;
    private final GuideCheck check;
    private final GuideEnds ends;
    private final Clock clock;

    public GuideAdmin(GuideBook book, GuideCheck check, GuideEnds ends, Clock clock) {
        this.book = book;
        this.check = check;
        this.ends = ends;
        this.clock = clock;
    }

    public Map<String, Object> topics() {
        return GuideViews.topics(book.topics());
    }

    /** The published guide; a retired or unknown topic is not found. */
    public Map<String, Object> published(String topicId) {
        GuideBook.Saved saved = book.current(topicId(topicId)).filter(topic -> !topic.retired())
                .orElseThrow(() -> Refusal.notFound("There is no guided help on that topic."));
        return GuideViews.resident(saved.guide(), ends.memoised());
    }

    public Map<String, Object> staffTopics() {
        return GuideViews.staffTopics(book.topics());
    }

    public Map<String, Object> staff(String topicId) {
        return GuideViews.staff(saved(topicId(topicId)));
    }

    public Map<String, Object> save(StaffCaller admin, GuideReader.Change change) {
        Guide written = change.guide();
        List<FieldError> mistakes = new ArrayList<>(change.mistakes());
        Set<String> named = new HashSet<>();
        change.mistakes().forEach(mistake -> named.add(mistake.field()));
        check.mistakes(written).stream().filter(mistake -> !named.contains(mistake.field())).forEach(mistakes::add);
        if (!mistakes.isEmpty()) {
            throw Refusal.invalid(mistakes);
        }
        Guide next = written.asVersion(change.version() + 1, clock.instant(), admin.name());
        if (!book.save(next, change.version())) {
            throw conflict(written.topicId());
        }
        return GuideViews.staff(new GuideBook.Saved(next, false));
    }

    public void retire(String topicId, int version) {
        saved(topicId(topicId));
        if (!book.retire(topicId, version)) {
            throw conflict(topicId);
        }
    }

    private GuideBook.Saved saved(String topicId) {
        return book.current(topicId).orElseThrow(() -> Refusal.notFound("There is no guided help on that topic."));
    }

    private Refusal conflict(String topicId) {
        Object current = book.current(topicId).<Object>map(GuideViews::staff).orElse(null);
        return new Refusal(Refusal.Kind.CONFLICT, "Someone saved this conversation since you opened it. Your change "
                + "was not saved: look at theirs, then make yours again.", List.of(),
                current == null ? Map.of() : Map.of("current", current));
    }

    static String topicId(String topicId) {
        return Ids.require(topicId, "topicId", "topic");
    }
}
