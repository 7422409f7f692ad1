package io.civicdesk.requests;

import io.civicdesk.platform.Write;

import java.util.List;
import java.util.Optional;

/**
 * Where requests are kept: what the services read of them, and the writes that store a new request or a change,
 * for the service to commit with the rest of its change. {@link RequestStore} keeps them in DynamoDB.
 */
public interface Requests {
    /** The part of a new request's writes that fails when another request holds its reference. */
    String REFERENCE = "reference";

    /** The part of a change that fails when the request is no longer at the version the change expected. */
    static String version(Reference reference) {
        return "version:" + reference.value();
    }

    /** The request and its public updates, never its history. */
    Optional<RequestWithUpdates> find(Reference reference);

    /** The request, its history and its public updates, as just written. */
    Optional<RequestRecord> findWithHistory(Reference reference);

    /** The request alone, as just written. */
    Optional<ServiceRequest> get(Reference reference);

    /** A new request with its first updates and history and the terms staff find it by; see {@link #REFERENCE}. */
    List<Write> created(ServiceRequest request, List<PublicUpdate> updates, List<HistoryEntry> history);

    /** A change to a request, on condition that it is still at the expected version; see {@link #version}. */
    List<Write> changed(RequestChange change);
}
