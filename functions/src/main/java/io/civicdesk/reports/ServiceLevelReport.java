package io.civicdesk.reports;

import io.civicdesk.figures.UnitService;
import io.civicdesk.figures.Backlog;
import io.civicdesk.figures.Figures;
import io.civicdesk.figures.ReferralFiguresStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One period's service-level report: a line per unit and service, a total per unit, and one across all units
 * (the executive's view, units side by side). Each line carries the previous period's figures for the change.
 * The referrals between units are a line per pair of units.
 */
public record ServiceLevelReport(ReportPeriod period, String councilName, List<Line> services, List<Line> units, Line allUnits,
                                 List<Referrals> referrals) {

    /**
     * One pair's referrals in the period: made (on the day referred), accepted and sent back as wrongly referred,
     * and answered within the pair's target (on the day answered).
     */
    public record Referrals(String fromUnitId, String fromUnitName, String toUnitId, String toUnitName, long referred,
                            long accepted, long sentBack, long answeredInTime) {
        /** The share of those answered in the period that were answered within the target; null when none were. */
        public Double shareAnsweredInTime() {
            long answered = accepted + sentBack;
            return answered == 0 ? null : (double) answeredInTime / answered;
        }

        ReferralFiguresStore.PairCounts counts() {
            return new ReferralFiguresStore.PairCounts(fromUnitId, toUnitId, referred, accepted, sentBack, answeredInTime);
        }
    }

    /** A unit's referrals: those it made, those made to it, its own that came back, and its answers in target. */
    public record UnitReferrals(long referredOut, long referredIn, long wronglyReferredOut, Double shareItAnsweredInTime) {
    }

    /** The referral totals of a unit, or of all units when {@code unitId} is null. */
    public UnitReferrals referralsOf(String unitId) {
        long out = 0;
        long in = 0;
        long back = 0;
        long answered = 0;
        long inTime = 0;
        for (Referrals pair : referrals) {
            boolean from = unitId == null || pair.fromUnitId().equals(unitId);
            boolean to = unitId == null || pair.toUnitId().equals(unitId);
            out += from ? pair.referred() : 0;
            in += to ? pair.referred() : 0;
            back += from ? pair.sentBack() : 0;
            answered += to ? pair.accepted() + pair.sentBack() : 0;
            inTime += to ? pair.answeredInTime() : 0;
        }
        return new UnitReferrals(out, in, back, answered == 0 ? null : (double) inTime / answered);
    }

    /** A line of the report; {@code serviceId} is null on a unit's total, both ids null on the all-units line. */
    public record Line(String unitId, String unitName, String serviceId, String serviceName, Figures current,
                       Figures previous, Backlog backlog) {

        /** Change in requests received against the previous period, as a share (0.1 = 10 % more); null from zero. */
        public Double receivedChange() {
            return previous.received() == 0 ? null : (double) (current.received() - previous.received()) / previous.received();
        }
    }

    /** Names of a unit and a service, as the report prints them. */
    public record Names(Map<String, String> units, Map<String, String> services) {
        String unit(String id) {
            return units.getOrDefault(id, id);
        }

        String service(String id) {
            return services.getOrDefault(id, id);
        }
    }

    /**
     * Builds the report from figures already summed per unit and service for this period and the previous one,
     * and the backlog per unit and service as the report is made, and the period's referrals per pair of units.
     */
    public static ServiceLevelReport build(ReportPeriod period, String councilName, Names names, Map<UnitService, Figures> current,
                                           Map<UnitService, Figures> previous, Map<UnitService, Backlog> backlog,
                                           List<ReferralFiguresStore.PairCounts> referrals) {
        List<UnitService> keys = new ArrayList<>(current.keySet());
        previous.keySet().stream().filter(key -> !current.containsKey(key)).forEach(keys::add);
        backlog.keySet().stream().filter(key -> !keys.contains(key)).forEach(keys::add);
        keys.sort(Comparator.comparing((UnitService key) -> names.unit(key.unitId())).thenComparing(key -> names.service(key.serviceId())));

        List<Line> services = new ArrayList<>();
        Map<String, Line> units = new LinkedHashMap<>();
        Line all = new Line(null, "All units", null, null, new Figures(), new Figures(), Backlog.NONE);
        for (UnitService key : keys) {
            Line line = new Line(key.unitId(), names.unit(key.unitId()), key.serviceId(), names.service(key.serviceId()),
                    current.getOrDefault(key, new Figures()), previous.getOrDefault(key, new Figures()),
                    backlog.getOrDefault(key, Backlog.NONE));
            services.add(line);
            Line unit = units.computeIfAbsent(key.unitId(), id -> new Line(id, names.unit(id), null, null, new Figures(), new Figures(), Backlog.NONE));
            units.put(key.unitId(), addTo(unit, line));
            all = addTo(all, line);
        }
        List<Referrals> pairs = referrals.stream().map(pair -> new Referrals(pair.fromUnitId(), names.unit(pair.fromUnitId()),
                pair.toUnitId(), names.unit(pair.toUnitId()), pair.referred(), pair.accepted(), pair.sentBack(),
                pair.answeredInTime())).toList();
        return new ServiceLevelReport(period, councilName, services, List.copyOf(units.values()), all, pairs);
    }

    private static Line addTo(Line total, Line line) {
        total.current().merge(line.current());
        total.previous().merge(line.previous());
        return new Line(total.unitId(), total.unitName(), total.serviceId(), total.serviceName(), total.current(),
                total.previous(), total.backlog().plus(line.backlog()));
    }

    /** The part of the report about some units, for the account manager who looks after them. */
    public ServiceLevelReport forUnits(java.util.Set<String> unitIds) {
        Map<UnitService, Figures> current = new LinkedHashMap<>();
        Map<UnitService, Figures> previous = new LinkedHashMap<>();
        Map<UnitService, Backlog> backlog = new LinkedHashMap<>();
        Map<String, String> unitNames = new LinkedHashMap<>();
        Map<String, String> serviceNames = new LinkedHashMap<>();
        for (Line line : services) {
            if (unitIds.contains(line.unitId())) {
                UnitService key = new UnitService(line.unitId(), line.serviceId());
                current.put(key, copy(line.current()));
                previous.put(key, copy(line.previous()));
                backlog.put(key, line.backlog());
                unitNames.put(line.unitId(), line.unitName());
                serviceNames.put(line.serviceId(), line.serviceName());
            }
        }
        // Their pairs only: a pair with one of their units in it, with the other unit's name as this report had it.
        List<ReferralFiguresStore.PairCounts> theirs = new ArrayList<>();
        for (Referrals pair : referrals) {
            if (unitIds.contains(pair.fromUnitId()) || unitIds.contains(pair.toUnitId())) {
                theirs.add(pair.counts());
                unitNames.putIfAbsent(pair.fromUnitId(), pair.fromUnitName());
                unitNames.putIfAbsent(pair.toUnitId(), pair.toUnitName());
            }
        }
        return build(period, councilName, new Names(unitNames, serviceNames), current, previous, backlog, theirs);
    }

    private static Figures copy(Figures figures) {
        Figures copy = new Figures();
        copy.merge(figures);
        return copy;
    }
}
