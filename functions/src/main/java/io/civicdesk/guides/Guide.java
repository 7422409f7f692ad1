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

    /** The same title, introduction and steps as another version: saving it again would change nothing. */
    public boolean sameConversation(Guide other) {
        return java.util.Objects.equals(title, other.title) && java.util.Objects.equals(intro, other.intro)
                && java.util.Objects.equals(firstStepId, other.firstStepId) && steps.equals(other.steps);
    }

    /** This conversation as another version, saved at {@code at} by {@code by}. */
    public Guide asVersion(int next, Instant at, String by) {
        return new Guide(topicId, title, intro, firstStepId, steps, next, at, by);
    }

    /** The step with this id; the first one when two share it (which {@link GuideCheck} refuses). */
    public Optional<GuideStep> step(String stepId) {
        return steps.stream().filter(step -> step.stepId().equals(stepId)).findFirst();
    }
}
