package io.civicdesk.guides;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Guided conversations as JSON: for residents (each answer leading to a step or an end), and as administrators edit them. */
final class GuideViews {
    private GuideViews() {
    }

    /** {@code GET /guides}: the topics a resident can choose from. */
    static Map<String, Object> topics(List<GuideBook.Saved> saved) {
        List<Map<String, Object>> topics = new ArrayList<>();
        for (GuideBook.Saved topic : saved) {
            if (!topic.retired()) {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("topicId", topic.guide().topicId());
                view.put("title", topic.guide().title());
                view.put("intro", topic.guide().intro());
                topics.add(view);
            }
        }
        return Map.of("topics", topics);
    }

    /** {@code GET /guides/{topicId}}: every step, each answer leading to the next step's id or to an end. */
    static Map<String, Object> resident(Guide guide, GuideEnds ends) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (GuideStep step : guide.steps()) {
            List<Map<String, Object>> answers = new ArrayList<>();
            for (GuideAnswer answer : step.answers()) {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("label", answer.label());
                if (answer.lead() instanceof Lead.NextStep next) {
                    view.put("next", next.stepId());
                } else {
                    view.put("end", GuideEnds.view(ends.end(guide, answer.lead())));
                }
                answers.add(view);
            }
            steps.add(Map.of("stepId", step.stepId(), "question", step.question(), "answers", answers));
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("topicId", guide.topicId());
        view.put("title", guide.title());
        view.put("intro", guide.intro());
        view.put("version", guide.version());
        view.put("firstStepId", guide.firstStepId());
        view.put("steps", steps);
        return view;
    }

    /** {@code GET /staff/guides}: every topic with its version and who changed it last. */
    static Map<String, Object> staffTopics(List<GuideBook.Saved> saved) {
        List<Map<String, Object>> topics = new ArrayList<>();
        for (GuideBook.Saved topic : saved) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("topicId", topic.guide().topicId());
            view.put("title", topic.guide().title());
            view.put("version", topic.guide().version());
            view.put("steps", topic.guide().steps().size());
            view.put("retired", topic.retired());
            view.put("changedAt", instant(topic.guide().changedAt()));
            view.put("changedBy", topic.guide().changedBy());
            topics.add(view);
        }
        return Map.of("topics", topics);
    }

    /** {@code GET /staff/guides/{topicId}}: the guide as it is edited, with its version and state. */
    static Map<String, Object> staff(GuideBook.Saved saved) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("topicId", saved.guide().topicId());
        view.put("version", saved.guide().version());
        view.put("retired", saved.retired());
        view.put("changedAt", instant(saved.guide().changedAt()));
        view.put("changedBy", saved.guide().changedBy());
        view.put("guide", edited(saved.guide()));
        return view;
    }

    /** The guide as {@link GuideReader} reads it: the format administrators edit and the store keeps. */
    static Map<String, Object> edited(Guide guide) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", guide.title());
        if (guide.intro() != null) {
            view.put("intro", guide.intro());
        }
        view.put("firstStepId", guide.firstStepId());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (GuideStep step : guide.steps()) {
            List<Map<String, Object>> answers = new ArrayList<>();
            for (GuideAnswer answer : step.answers()) {
                Map<String, Object> written = new LinkedHashMap<>();
                written.put("label", answer.label());
                Lead lead = answer.lead();
                if (lead instanceof Lead.NextStep next) {
                    written.put("next", next.stepId());
                } else if (lead instanceof Lead.ReadArticle read) {
                    written.put("article", read.articleId());
                } else if (lead instanceof Lead.ReportForm form) {
                    written.put("report", form.serviceId());
                    if (!form.answers().isEmpty()) {
                        written.put("answers", form.answers());
                    }
                } else if (lead instanceof Lead.BookFacility book) {
                    written.put("book", book.facilityId());
                } else if (lead instanceof Lead.CallBack) {
                    written.put("callBack", true);
                }
                answers.add(written);
            }
            Map<String, Object> written = new LinkedHashMap<>();
            written.put("stepId", step.stepId());
            written.put("question", step.question());
            written.put("answers", answers);
            steps.add(written);
        }
        view.put("steps", steps);
        return view;
    }

    private static String instant(java.time.Instant at) {
        return at == null ? null : at.toString();
    }
}
