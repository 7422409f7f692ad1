package io.civicdesk.catalog;

/**
 * What a service costs the resident: an amount in AUD cents (GST inclusive), what it covers in a few words ("one
 * collection of up to 6 cubic metres"), and whether it is paid online at the end of the report. A fee not paid
 * online is only told (paid as before, at the counter or by invoice); a service without a fee is free.
 */
public record ServiceFee(long amountCents, String covers, boolean payOnline) {
    /** The largest fee a service may carry: $10,000. */
    public static final long MAX_CENTS = 1_000_000;
}
