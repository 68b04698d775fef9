package com.powerpto.ledger;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A ledger row as the API shows it. */
public record LedgerEntry(UUID id, UUID employeeId, UUID policyId, UUID policyVersionId, EntryType entryType,
                          long amountMinutes, OffsetDateTime effectiveAt, SourceType sourceType, String sourceId,
                          JsonNode metadataJson, OffsetDateTime createdAt) {
}
