package io.civicdesk.guides;

import io.civicdesk.articles.Article;
import io.civicdesk.articles.ArticleLibrary;
import io.civicdesk.catalog.Catalog;
import io.civicdesk.catalog.Question;
import io.civicdesk.catalog.Service;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Refusal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything wrong with a guided conversation before it is saved, each mistake naming the step and answer it is
 * in ({@code steps.which-bin.answers[1].lead}): ids and lengths, the number of answers, where each answer leads
 * (a step that exists, a published resident article, a service and the questions and options it has, a facility),
 * loops, and steps no path from the first step reaches.
 */
public final class GuideCheck {
    public static final int TITLE_MAX = 120;
    public static final int INTRO_MAX = 1_000;
    public static final int QUESTION_MAX = 300;
    public static final int LABEL_MAX = 120;
    public static final int PREFILLED_MAX = 200;

    private final Catalog catalog;
    private final ArticleLibrary articles;
    private final FacilityIds facilities;

    public GuideCheck(Catalog catalog, ArticleLibrary articles, FacilityIds facilities) {
        this.catalog = catalog;
        this.articles = articles;
        this.facilities = facilities;
    }

    /** Refuses the guide, with every mistake, unless there are none. */
    public void require(Guide guide) {
        List<FieldError> mistakes = mistakes(guide);
        if (!mistakes.isEmpty()) {
            throw Refusal.invalid(mistakes);
        }
    }

    /** Every mistake in the guide, in the order the guide is written; empty when it may be saved. */
    public List<FieldError> mistakes(Guide guide) {
        List<FieldError> errors = new ArrayList<>();
        if (!Ids.isId(guide.topicId())) {
            errors.add(new FieldError("topicId", "Give the topic an id of " + idRule()));
        }
        text(guide.title(), TITLE_MAX, true, "title", "The title", errors);
        text(guide.intro(), INTRO_MAX, false, "intro", "The introduction", errors);
        Map<String, GuideStep> steps = steps(guide, errors);
        if (guide.steps().isEmpty()) {
            errors.add(new FieldError("steps", "Give the conversation at least one step."));
        } else if (!steps.containsKey(guide.firstStepId())) {
            errors.add(new FieldError("firstStepId", "Choose one of the steps to start the conversation with."));
        } else {
            paths(guide, steps, errors);
        }
        return List.copyOf(errors);
    }

    /** Checks each step and its answers; answers the steps with usable, unique ids, by id. */
    private Map<String, GuideStep> steps(Guide guide, List<FieldError> errors) {
        Map<String, GuideStep> byId = new HashMap<>();
        for (int i = 0; i < guide.steps().size(); i++) {
            GuideStep step = guide.steps().get(i);
            String at = Ids.isId(step.stepId()) ? "steps." + step.stepId() : "steps[" + i + "]";
            if (!Ids.isId(step.stepId())) {
                errors.add(new FieldError(at + ".stepId", "Give the step an id of " + idRule()));
            } else if (byId.putIfAbsent(step.stepId(), step) != null) {
                errors.add(new FieldError(at + ".stepId", "Another step already has the id " + step.stepId() + "."));
            }
            text(step.question(), QUESTION_MAX, true, at + ".question", "The question", errors);
            int count = step.answers().size();
            if (count < GuideStep.FEWEST_ANSWERS || count > GuideStep.MOST_ANSWERS) {
                errors.add(new FieldError(at + ".answers", "Give the question " + GuideStep.FEWEST_ANSWERS + " to "
                        + GuideStep.MOST_ANSWERS + " answers; it has " + count + "."));
            }
            for (int a = 0; a < count; a++) {
                answer(guide, step.answers().get(a), at + ".answers[" + a + "]", errors);
            }
        }
        return byId;
    }

    private void answer(Guide guide, GuideAnswer answer, String at, List<FieldError> errors) {
        text(answer.label(), LABEL_MAX, true, at + ".label", "The answer", errors);
        String field = at + ".lead";
        Lead lead = answer.lead();
        if (lead == null) {
            errors.add(new FieldError(field, "Choose where this answer leads."));
        } else if (lead instanceof Lead.NextStep next) {
            if (next.stepId() == null || guide.step(next.stepId()).isEmpty()) {
                errors.add(new FieldError(field, "There is no step " + next.stepId() + " in this conversation."));
            }
        } else if (lead instanceof Lead.ReadArticle read) {
            article(read.articleId(), field, errors);
        } else if (lead instanceof Lead.ReportForm form) {
            reportForm(form, field, errors);
        } else if (lead instanceof Lead.BookFacility book) {
            if (!Ids.isId(book.facilityId()) || !facilities.exists(book.facilityId())) {
                errors.add(new FieldError(field, "There is no facility " + book.facilityId() + " to book."));
            }
        }
    }

    private void article(String articleId, String field, List<FieldError> errors) {
        Optional<Article> article = articleId == null ? Optional.empty() : articles.published(articleId);
        if (article.isEmpty()) {
            errors.add(new FieldError(field, "There is no published article " + articleId
                    + "; publish it before a conversation leads to it."));
        } else if (!article.get().forResidents()) {
            errors.add(new FieldError(field, "The article " + articleId
                    + " is for staff only, so a resident could not read it."));
        }
    }

    private void reportForm(Lead.ReportForm form, String field, List<FieldError> errors) {
        Optional<Service> service = Ids.isId(form.serviceId()) ? catalog.service(form.serviceId()) : Optional.empty();
        if (service.isEmpty()) {
            errors.add(new FieldError(field, "There is no service " + form.serviceId() + " to report to."));
            return;
        }
        for (Map.Entry<String, String> answer : form.answers().entrySet()) {
            String at = field + ".answers." + answer.getKey();
            Optional<Question> question = service.get().question(answer.getKey());
            String value = answer.getValue() == null ? "" : answer.getValue().strip();
            if (question.isEmpty()) {
                errors.add(new FieldError(at, "The service " + service.get().name() + " asks no question "
                        + answer.getKey() + "."));
            } else if (question.get().type().isChoice() && !question.get().options().contains(value)) {
                errors.add(new FieldError(at, "Fill in one of the options of \"" + question.get().label() + "\": "
                        + String.join(", ", question.get().options()) + "."));
            } else {
                int max = question.get().effectiveMaxLength() > 0 ? question.get().effectiveMaxLength() : PREFILLED_MAX;
                text(value, max, true, at, "The answer filled in", errors);
            }
        }
    }

    /**
     * Walks every path from the first step. An answer leading back to a step already on the path closes a loop and
     * is named; steps no path reaches are named too.
     */
    private static void paths(Guide guide, Map<String, GuideStep> steps, List<FieldError> errors) {
        Set<String> reached = new HashSet<>();
        walk(steps.get(guide.firstStepId()), steps, new ArrayList<>(), reached, errors);
        guide.steps().stream().map(GuideStep::stepId).distinct()
                .filter(stepId -> steps.containsKey(stepId) && !reached.contains(stepId))
                .forEach(stepId -> errors.add(new FieldError("steps." + stepId,
                        "No answer leads to this step from the first step " + guide.firstStepId() + ".")));
    }

    private static void walk(GuideStep step, Map<String, GuideStep> steps, List<String> path, Set<String> reached,
                             List<FieldError> errors) {
        reached.add(step.stepId());
        path.add(step.stepId());
        for (int a = 0; a < step.answers().size(); a++) {
            if (!(step.answers().get(a).lead() instanceof Lead.NextStep next) || !steps.containsKey(next.stepId())) {
                continue;
            }
            if (path.contains(next.stepId())) {
                List<String> loop = new ArrayList<>(path.subList(path.indexOf(next.stepId()), path.size()));
                loop.add(next.stepId());
                errors.add(new FieldError("steps." + step.stepId() + ".answers[" + a + "].lead",
                        "This answer leads back to " + next.stepId() + ", a loop: " + String.join(" → ", loop) + "."));
            } else if (!reached.contains(next.stepId())) {
                walk(steps.get(next.stepId()), steps, path, reached, errors);
            }
        }
        path.remove(path.size() - 1);
    }

    private static void text(String value, int max, boolean required, String field, String label,
                             List<FieldError> errors) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, label + " must not be empty."));
            }
        } else if (text.codePointCount(0, text.length()) > max) {
            errors.add(new FieldError(field, label + " must be " + String.format("%,d", max) + " characters or fewer."));
        }
    }

    private static String idRule() {
        return "1 to " + Ids.MAX_LENGTH + " lower-case letters, digits and hyphens.";
    }
}
