package io.civicdesk.catalog;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the portal is sent about services: the summaries grouped by theme, or one service with its questions. */
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

    public record ServiceDetail(String id, String name, String theme, UnitView unit, String description,
                                String whatHappensNext, String timeframe, int responseDays, int resolutionDays,
                                String notice, List<String> keywords, List<Question> questions) {
    }

    public record Theme(String name, List<ServiceSummary> services) {
    }

    public record Listing(CouncilView council, List<Theme> themes) {
    }

    /** Themes appear in the order of their first service, services in their own order within a theme. */
    public static Listing of(CatalogStore.Catalogue catalogue) {
        Map<String, List<ServiceSummary>> themes = new LinkedHashMap<>();
        catalogue.services().stream().sorted(Comparator.comparingInt(Service::order)).forEach(service ->
                themes.computeIfAbsent(service.theme(), theme -> new java.util.ArrayList<>())
                        .add(summary(service, catalogue.units().get(service.unitId()))));
        Council council = catalogue.council();
        return new Listing(new CouncilView(council.name(), council.timeZone()),
                themes.entrySet().stream().map(entry -> new Theme(entry.getKey(), entry.getValue())).toList());
    }

    public static ServiceDetail detail(Service service, Unit unit) {
        ServiceSummary summary = summary(service, unit);
        return new ServiceDetail(summary.id(), summary.name(), summary.theme(), summary.unit(), summary.description(),
                summary.whatHappensNext(), summary.timeframe(), summary.responseDays(), summary.resolutionDays(),
                summary.notice(), summary.keywords(), service.questions());
    }

    private static ServiceSummary summary(Service service, Unit unit) {
        return new ServiceSummary(service.id(), service.name(), service.theme(),
                new UnitView(service.unitId(), unit == null ? null : unit.name()), service.description(),
                service.whatHappensNext(), service.timeframe(), service.responseDays(), service.resolutionDays(),
                service.notice(), service.keywords());
    }
}
