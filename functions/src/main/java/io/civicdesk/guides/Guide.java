package io.civicdesk.guides;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One version of a guided conversation on a topic: the resident is asked {@code firstStepId}'s question first,
 * and each answer leads to another step or ends the conversation somewhere useful (see {@link Lead}). Held as
 * data, edited by administrators, and only saved when {@link GuideCheck} finds nothing wrong.
 */
public record Guide(String topicId, String title, String intro, String firstStepId, List<GuideStep> steps,
                    int version, Instant changedAt, String changedBy) {

    public Guide {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** The step with this id; the first one when two share it (which {@link GuideCheck} refuses). */
    public Optional<GuideStep> step(String stepId) {
        return steps.stream().filter(step -> step.stepId().equals(stepId)).findFirst();
    }
}
