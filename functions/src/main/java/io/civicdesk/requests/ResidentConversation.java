package io.civicdesk.requests;

/** What a resident and a follower may do without signing in: {@link ResidentReplies} and {@link Following}. */
public record ResidentConversation(ResidentReplies replies, Following following) {
}
