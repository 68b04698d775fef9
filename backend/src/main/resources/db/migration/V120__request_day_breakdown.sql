-- Issue 26: the per-day breakdown of a request as it was counted at submit ({date, minutes, reason}
-- per local day, the same list the preview shows), so the request, the approval card and My team
-- can show it later even after holidays or the employee's schedule changed. Expand only: a nullable
-- column the previous release ignores; requests submitted before it are recomputed on read.
ALTER TABLE requests ADD COLUMN day_breakdown jsonb;
