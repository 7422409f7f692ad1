package io.civicdesk.responses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Templates and offers as JSON. */
public final class ResponseViews {
    private ResponseViews() {
    }

    public static Map<String, Object> template(ResponseTemplate template) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("templateId", template.templateId());
        view.put("title", template.title());
        view.put("use", template.use().wireName());
        view.put("serviceId", template.serviceId());
        view.put("status", template.status());
        view.put("language", template.language().tag());
        view.put("text", template.text());
        view.put("retired", template.retired());
        view.put("version", template.version());
        view.put("changedAt", template.version() == 0 ? null : template.changedAt().toString());
        view.put("changedBy", template.version() == 0 ? null : template.changedBy());
        return view;
    }

    public static Map<String, Object> templates(List<ResponseTemplate> templates) {
        return Map.of("placeholders", Placeholders.NAMES, "templates", templates.stream().map(ResponseViews::template).toList());
    }

    public static Map<String, Object> offered(List<ResponseService.Offered> offered) {
        return Map.of("templates", offered.stream().map(o -> Map.of("templateId", o.templateId(), "title", o.title(),
                "language", o.language().tag(), "languageName", o.language().nativeName(), "text", o.text())).toList());
    }
}
