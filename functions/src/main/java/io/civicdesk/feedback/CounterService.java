package io.civicdesk.feedback;

import io.civicdesk.figures.SatisfactionFiguresStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Transaction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The smiley tablet on the front counter: one tap on a face and an optional reason, counted for the tablet's unit
 * on the channel "counter". Only a tablet holding a key an administrator issued may record taps.
 */
public final class CounterService {
    public static final int MAX_REASON = 500;

    private final DynamoDbClient dynamo;
    private final CounterDeviceStore devices;
    private final SurveyStore surveys;
    private final SatisfactionFiguresStore figures;
    /** The table the idempotency records go in (the feedback table). */
    private final String idempotencyTable;
    private final CouncilCalendar council;
    private final Clock clock;

    public CounterService(DynamoDbClient dynamo, CounterDeviceStore devices, SurveyStore surveys,
                          SatisfactionFiguresStore figures, String idempotencyTable,
                          io.civicdesk.catalog.CatalogStore catalog, Clock clock) {
        this.dynamo = dynamo;
        this.devices = devices;
        this.surveys = surveys;
        this.figures = figures;
        this.idempotencyTable = idempotencyTable;
        this.council = new CouncilCalendar(catalog, clock);
        this.clock = clock;
    }

    public record Recorded(int status, String body) {
    }

    public Recorded tap(String deviceKey, JsonNode body, Idempotency.Key key) {
        CounterDeviceStore.Device device = devices.find(deviceKey).orElseThrow(() -> new Refusal(Refusal.Kind.UNAUTHENTICATED,
                "This tablet is not set up for the counter. Ask an administrator for a counter link.",
                List.of(new FieldError("X-Counter-Key", "Unknown or withdrawn counter key."))));
        Optional<Idempotency.Answer> first = (key == null ? Optional.<Idempotency.Answer>empty() : Idempotency.replay(dynamo, idempotencyTable, key));
        if (first.isPresent()) {
            return new Recorded(first.get().status(), first.get().body());
        }
        if (!body.isObject()) {
            throw Refusal.unreadable("Send the answer as a JSON object.");
        }
        List<FieldError> errors = new ArrayList<>();
        Integer satisfaction = Fields.score(body, "satisfaction", 1, 5, true, "a face", errors);
        String reason = Fields.text(body, "reason", MAX_REASON, "The reason", errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        SurveyAnswer answer = new SurveyAnswer(satisfaction, null, reason);
        Instant now = clock.instant();
        Recorded recorded = new Recorded(201, Json.write(Map.of("message", "Thank you. Your answer has been recorded.")));
        Transaction transaction = new Transaction()
                .put("smiley", surveys.smiley(UUID.randomUUID().toString(), device.unitId(), device.name(), answer, now))
                .update("figures", figures.answered(device.unitId(), SatisfactionFiguresStore.COUNTER_SERVICE,
                        council.calendar().localDate(now), answer, true));
        if (key != null) {
            transaction.put("idempotency", Idempotency.put(idempotencyTable, key, new Idempotency.Answer(recorded.status(), recorded.body()), now));
        }
        try {
            transaction.commit(dynamo);
        } catch (Refused refused) {
            if (key != null && (refused.failed("idempotency") || refused.conflict())) {
                return (key == null ? Optional.<Idempotency.Answer>empty() : Idempotency.replay(dynamo, idempotencyTable, key)).map(a -> new Recorded(a.status(), a.body())).orElseThrow(() -> refused);
            }
            throw refused;
        }
        return recorded;
    }
}
