package io.civicdesk.photos;

/** A photo a resident or officer is about to upload: what their browser says it is, and its size in bytes. */
public record PhotoRequest(String contentType, long size) {
}
