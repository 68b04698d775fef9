-- Issue 25 (finding 3): the provider's discovery document is fetched and checked when an admin
-- saves the settings, kept here, and refreshed in the background; an anonymous sign-in start
-- reads it from here instead of fetching it (each start used to fetch it, with no cache).
-- Expand-only: rows saved by the previous release have none until the refresh fetches it.
ALTER TABLE company_sso
    ADD COLUMN provider_metadata   text CHECK (length(provider_metadata) <= 262144),
    ADD COLUMN metadata_fetched_at timestamptz;
