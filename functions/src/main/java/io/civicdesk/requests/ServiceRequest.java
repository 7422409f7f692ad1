package io.civicdesk.requests;

import io.civicdesk.languages.Language;
import io.civicdesk.sla.ExpectedDates;
import io.civicdesk.sla.ServiceLevel;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A request as stored. It keeps the service's name and questions as they were when it was made, the time
 * zone its dates are in, and only a hash of the private link's secret. {@code channel} is how it reached the
 * council (online, phone, counter, email, field); {@code handling} what staff have done with it since;
 * {@code serviceLevel} the promise it is measured against and its clock; {@code language} the one the
 * resident reported in, which their mails are written in. The dates the resident is told
 * ({@link #expected}) are the days its due times fall on, so they follow the clock. {@code agencyId} is the client
 * agency it was made for, whose agreement took part in choosing its targets; null for the council's own.
 */
public record ServiceRequest(Reference reference, String serviceId, String serviceName, String unitId,
                             String status, Instant submittedAt, String timeZone, List<Answer> answers, Location location, String description, Contact contact,
                             Language language,
                             PreferredChannel preferredChannel, String channel, String secretHash, long version,
                             Handling handling, ServiceLevel serviceLevel, String agencyId) {
    public ServiceRequest {
        answers = List.copyOf(answers);
        handling = handling == null ? Handling.received(null) : handling;
        language = language == null ? Language.SOURCE : language;
    }

    /** A request made for no agency. */
    public ServiceRequest(Reference reference, String serviceId, String serviceName, String unitId,
                          String status, Instant submittedAt, String timeZone, List<Answer> answers, Location location,
                          String description, Contact contact, Language language, PreferredChannel preferredChannel,
                          String channel, String secretHash, long version, Handling handling, ServiceLevel serviceLevel) {
        this(reference, serviceId, serviceName, unitId, status, submittedAt, timeZone, answers, location, description,
                contact, language, preferredChannel, channel, secretHash, version, handling, serviceLevel, null);
    }

    /** The same request after a change: its status, unit and handling as given, its version one on. */
    public ServiceRequest changed(String newStatus, String newUnitId, Handling newHandling) {
        return new ServiceRequest(reference, serviceId, serviceName, newUnitId, newStatus, submittedAt, timeZone,
                answers, location, description, contact, language, preferredChannel, channel, secretHash,
                version + 1, newHandling, serviceLevel, agencyId);
    }

    /** The same request measured by {@code level}. */
    public ServiceRequest timed(ServiceLevel level) {
        return new ServiceRequest(reference, serviceId, serviceName, unitId, status, submittedAt, timeZone,
                answers, location, description, contact, language, preferredChannel, channel, secretHash,
                version, handling, level, agencyId);
    }

    /** The days, in the request's time zone, by which a response and a resolution are due. */
    public ExpectedDates expected() {
        ZoneId zone = ZoneId.of(timeZone);
        return new ExpectedDates(serviceLevel.responseDueAt().atZone(zone).toLocalDate(),
                serviceLevel.resolutionDueAt().atZone(zone).toLocalDate());
    }
}
