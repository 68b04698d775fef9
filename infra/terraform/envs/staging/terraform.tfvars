# Placeholders: set the real zone, host name and repository before the first apply.
zone_name         = "example.com"
domain_name       = "staging.pto.example.com"
github_repository = "power-pto/power-pto"
