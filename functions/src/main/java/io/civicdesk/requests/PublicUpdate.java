package io.civicdesk.requests;

import java.time.Instant;

/** A message on a request that the resident sees on their tracking page. */
public record PublicUpdate(Instant at, String status, String message) {
}
