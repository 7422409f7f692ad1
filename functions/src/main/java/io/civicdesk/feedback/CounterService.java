package io.civicdesk.feedback;

import io.civicdesk.figures.SatisfactionFiguresStore;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.platform.Refusal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The smiley tablet on the front counter: one tap on a face and an optional reason, counted for the tablet's unit
 * on the channel "counter". Only a tablet holding a key an administrator issued may record taps.
 */
public final class CounterService {
    private final CounterDevices devices;
    private final Surveys surveys;
    private final SatisfactionFiguresStore figures;
    private final IdempotentCommand command;
    private final CouncilCalendar council;

    public CounterService(CounterDevices devices, Surveys surveys, SatisfactionFiguresStore figures, IdempotentCommand command,
                          CouncilCalendar council) {
        this.devices = devices;
        this.surveys = surveys;
        this.figures = figures;
        this.command = command;
        this.council = council;
    }

    /** The tablet holding {@code deviceKey}; 401 when it holds none, or a withdrawn one. */
    public CounterDevices.Device tablet(String deviceKey) {
        return devices.find(deviceKey).orElseThrow(() -> new Refusal(Refusal.Kind.UNAUTHENTICATED,
                "This tablet is not set up for the counter. Ask an administrator for a counter link.",
                List.of(new FieldError("X-Counter-Key", "Unknown or withdrawn counter key."))));
    }

    /** One tap, once per idempotency key. */
    public Idempotency.Answer tap(CounterDevices.Device device, SurveyAnswer answer, Optional<Idempotency.Key> key) {
        return command.run(key, now -> IdempotentCommand.Prepared.of(FeedbackViews.tapRecorded(), List.of(
                surveys.smiley(UUID.randomUUID().toString(), device.unitId(), device.name(), answer, now),
                figures.answer(device.unitId(), SatisfactionFiguresStore.COUNTER_SERVICE, council.calendar().localDate(now),
                        answer, true))).drawnAfresh("smiley"));
    }
}
