package io.civicdesk.agencyreports;

import io.civicdesk.figures.Figures;
import io.civicdesk.reports.ReportPeriod;

import java.util.List;

/**
 * One agency's report for a period against the agreement in force at its end: a line per service the agreement
 * covers (and any other its requests were of), each with the period's figures, the last period's for the change,
 * and the agency's open requests of it as the report was made; and, when the agency is charged, the work charged
 * (each request resolved in the period at the agreement's price).
 */
public record AgencyReport(String agencyId, String agencyName, ReportPeriod period, int agreementVersion,
                           Long priceCents, List<Line> lines) {

    public record Line(String serviceId, String serviceName, Figures current, Figures previous, long open) {
        /** The change in requests received against the last period, as a share; null when there were none then. */
        public Double receivedChange() {
            return previous.received() == 0 ? null : (double) (current.received() - previous.received()) / previous.received();
        }
    }

    public long received() {
        return lines.stream().mapToLong(line -> line.current().received()).sum();
    }

    public long open() {
        return lines.stream().mapToLong(Line::open).sum();
    }

    /** The work charged in cents; null when the agency is not charged. */
    public Long chargedCents() {
        return priceCents == null ? null : priceCents * lines.stream().mapToLong(line -> line.current().resolved()).sum();
    }

    /** All its services together. */
    public Figures total() {
        Figures total = new Figures();
        lines.forEach(line -> total.merge(line.current()));
        return total;
    }
}
