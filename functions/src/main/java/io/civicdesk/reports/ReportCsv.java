package io.civicdesk.reports;

import io.civicdesk.figures.Figures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The report's figures as CSV, one row per line of the report (services, then unit totals, then all units),
 * for account managers to load into a spreadsheet. Shares are percentages, times are business hours, the open
 * requests are as the report was first made (by business days waited), satisfaction is the share of survey
 * answers scoring 4 or 5 out of 5, and NPS runs from −100 to 100. On a unit's total (and across all units) the
 * referrals: those it made to other units, those made to it, its own sent back as wrongly referred, and the share of
 * those made to it that it answered within the pair's target; blank on a service's line.
 */
public final class ReportCsv {
    private ReportCsv() {
    }

    public static String write(ServiceLevelReport report) {
        List<ServiceLevelReport.Line> lines = new ArrayList<>(report.services());
        lines.addAll(report.units());
        lines.add(report.allUnits());
        TreeSet<String> channels = new TreeSet<>();
        lines.forEach(line -> channels.addAll(line.current().channels()));

        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("period_start", "period_end", "unit", "service", "received",
                "received_previous", "received_change_pct", "resolved", "open", "open_under_5_business_days",
                "open_5_to_20_business_days", "open_over_20_business_days", "oldest_open_business_days", "response_in_target_pct", "resolution_in_target_pct",
                "median_resolution_hours", "p90_resolution_hours", "breaches", "first_contact_resolution_pct",
                "survey_answers", "satisfaction_pct", "nps", "referred_out", "referred_in", "wrongly_referred_out",
                "referrals_answered_in_target_pct"));
        channels.forEach(channel -> header.add("channel_" + channel + "_pct"));
        csv.append(String.join(",", header)).append("\r\n");
        for (ServiceLevelReport.Line line : lines) {
            Figures now = line.current();
            List<String> row = new ArrayList<>(List.of(report.period().first().toString(), report.period().last().toString(),
                    text(line.unitName()), text(line.serviceName()), Long.toString(now.received()),
                    Long.toString(line.previous().received()), percent(line.receivedChange()), Long.toString(now.resolved()),
                    Long.toString(line.backlog().open()), Long.toString(line.backlog().underFiveDays()),
                    Long.toString(line.backlog().fiveToTwentyDays()), Long.toString(line.backlog().overTwentyDays()),
                    line.backlog().oldestDays() == null ? "" : line.backlog().oldestDays().toString(),
                    percent(now.shareRespondedInTime()),
                    percent(now.shareResolvedInTime()), number(now.resolutionHours(0.5)), number(now.resolutionHours(0.9)),
                    Long.toString(now.breaches()), percent(now.shareResolvedAtFirstContact()),
                    Long.toString(now.surveyAnswers()), percent(now.satisfaction()), number(now.netPromoterScore())));
            if (line.serviceId() == null) {
                ServiceLevelReport.UnitReferrals referrals = report.referralsOf(line.unitId());
                row.addAll(List.of(Long.toString(referrals.referredOut()), Long.toString(referrals.referredIn()),
                        Long.toString(referrals.wronglyReferredOut()), percent(referrals.shareItAnsweredInTime())));
            } else {
                row.addAll(List.of("", "", "", ""));
            }
            channels.forEach(channel -> row.add(percent(now.channelMix().get(channel))));
            csv.append(String.join(",", row)).append("\r\n");
        }
        return csv.toString();
    }

    static String percent(Double share) {
        return share == null ? "" : String.format(Locale.ROOT, "%.1f", share * 100);
    }

    static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The one CSV escaping, shared with the other exports: {@link io.civicdesk.platform.Csv#text}. */
    static String text(String value) {
        return io.civicdesk.platform.Csv.text(value);
    }
}
