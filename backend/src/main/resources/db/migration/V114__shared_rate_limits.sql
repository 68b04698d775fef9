-- Issue 25 (finding 15): the sign-in throttle (and the single sign-on start's limit) keep their
-- token buckets here, so every API task shares one budget: N tasks no longer give N times the
-- guesses, and a restart forgets nothing. Bucket4j's PostgreSQL back-end owns the rows
-- (SELECT … FOR UPDATE per attempt; state is its serialised bucket). Keys name what is limited,
-- e.g. "login-account:<email key>", "login-address:<ip>": not tenant data, so no company_id.
-- expires_at (epoch milliseconds) is when a bucket is full again; the worker removes those rows.
CREATE TABLE rate_limit_buckets (
    id         text PRIMARY KEY CHECK (length(id) <= 400),
    state      bytea,
    expires_at bigint
);
CREATE INDEX rate_limit_buckets_expires_idx ON rate_limit_buckets (expires_at);
