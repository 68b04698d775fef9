package com.powerpto.request;

import com.powerpto.ledger.BalanceRule;
import com.powerpto.policy.settings.RequestRules;

import java.util.UUID;

/**
 * Everything a submit needs to know about the policy on the request's first day, read in one
 * query: the version in force, its balance rule, its request rules (null = none), and whether an
 * assignment covers every day.
 */
record RequestContext(UUID policyVersionId, BalanceRule rule, boolean assignmentCovers, RequestRules requestRules) {
}
