package io.civicdesk.catalog;

import io.civicdesk.languages.Language;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the portal is sent about services: the summaries grouped by theme, or one service with its questions, in
 * the resident's language ({@code language}), each text falling back to English when it is not translated. A
 * choice question sends its {@code options} as the values to answer with (always the English option, as stored)
 * and {@code optionLabels} as the resident reads them, in the same order. A service with a fee sends it in cents
 * (the portal formats it for the resident's language) with what it covers, translated.
 */
public final class CatalogView {
    private CatalogView() {
    }

    public record CouncilView(String name, String timeZone) {
    }

    public record UnitView(String id, String name) {
    }

    public record ServiceSummary(String id, String name, String theme, UnitView unit, String description,
                                 String whatHappensNext, String timeframe, int responseDays, int resolutionDays,
                                 String notice, List<String> keywords) {
    }

    public record QuestionView(String id, String label, QuestionType type, boolean required, String help,
                               List<String> options, List<String> optionLabels, int order, Integer maxLength,
                               Double min, Double max) {
    }

    public record ServiceDetail(String id, String name, String theme, UnitView unit, String description,
                                String whatHappensNext, String timeframe, int responseDays, int resolutionDays,
                                String notice, List<String> keywords, List<QuestionView> questions, String language,
                                FeeView fee) {
    }

    public record FeeView(long amountCents, String currency, String covers, boolean payOnline) {
    }

    public record Theme(String name, List<ServiceSummary> services) {
    }

    public record Listing(CouncilView council, List<Theme> themes, String language) {
    }

    /** Themes appear in the order of their first service, services in their own order within a theme. */
    public static Listing of(CatalogStore.Catalogue catalogue, Language language) {
        Map<String, List<ServiceSummary>> themes = new LinkedHashMap<>();
        catalogue.services().stream().sorted(Comparator.comparingInt(Service::order)).forEach(service ->
                themes.computeIfAbsent(service.text(language, "theme", service.theme()), theme -> new java.util.ArrayList<>())
                        .add(summary(service, catalogue.units().get(service.unitId()), language)));
        Council council = catalogue.council();
        return new Listing(new CouncilView(council.name(), council.timeZone()),
                themes.entrySet().stream().map(entry -> new Theme(entry.getKey(), entry.getValue())).toList(), language.tag());
    }

    public static ServiceDetail detail(Service service, Unit unit, Language language) {
        ServiceSummary summary = summary(service, unit, language);
        return new ServiceDetail(summary.id(), summary.name(), summary.theme(), summary.unit(), summary.description(),
                summary.whatHappensNext(), summary.timeframe(), summary.responseDays(), summary.resolutionDays(),
                summary.notice(), summary.keywords(),
                service.questions().stream().map(question -> question(service, question, language)).toList(), language.tag(),
                service.fee() == null ? null : new FeeView(service.fee().amountCents(), "AUD",
                        service.text(language, "feeCovers", service.fee().covers()), service.fee().payOnline()));
    }

    private static QuestionView question(Service service, Question question, Language language) {
        String field = "question." + question.id() + ".";
        return new QuestionView(question.id(), service.text(language, field + "label", question.label()), question.type(),
                question.required(), service.text(language, field + "help", question.help()), question.options(),
                question.options().stream().map(option -> service.optionLabel(language, question, option)).toList(),
                question.order(), question.maxLength(), question.min(), question.max());
    }

    private static ServiceSummary summary(Service service, Unit unit, Language language) {
        return new ServiceSummary(service.id(), service.name(language), service.text(language, "theme", service.theme()),
                new UnitView(service.unitId(), unit == null ? null : unit.name()),
                service.text(language, "description", service.description()),
                service.whatHappensNext(language), service.text(language, "timeframe", service.timeframe()),
                service.responseDays(), service.resolutionDays(),
                service.text(language, "notice", service.notice()), service.keywords());
    }
}
