package io.civicdesk.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.EventHandler;
import io.civicdesk.platform.Log;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code RetentionFunction}, every night: anonymises the records past their retention period, a bounded batch
 * at a time (the next night resumes where this one stopped), and records the run.
 */
public final class RetentionHandler extends EventHandler {
    private final Retention retention;

    public RetentionHandler() {
        this(PrivacyWiring.fromConfig().retention());
    }

    public RetentionHandler(Retention retention) {
        this.retention = retention;
    }

    @Override
    protected Object handle(JsonNode event) {
        RetentionRun run = retention.run(Retention.SCHEDULED, "schedule");
        Map<String, Object> fields = new LinkedHashMap<>();
        run.anonymised().forEach((kind, n) -> fields.put(kind.wireName(), n));
        fields.put("anonymisedAfterChange", run.anonymisedAfterChange());
        fields.put("leftAsChanged", run.leftAsChanged());
        fields.put("answersDeleted", run.answersDeleted());
        fields.put("pages", run.pages());
        fields.put("moreRemain", run.moreRemain());
        Log.info("privacy.retention-run", fields);
        return PrivacyViews.run(run);
    }
}
