package com.powerpto.report;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The admin dashboard figures of one company ({@code GET /reports/summary}).
 * {@code requestsByStatus} always holds all five statuses (0 when none).
 */
public record ReportSummary(long employees, long policies, long pendingRequests, Map<String, Long> requestsByStatus,
                            List<CategoryUsage> usageByCategory, List<TeamBalance> balancesByTeam) {

    /** Minutes used (approved usage net of reversals) on the company's policies of one category. */
    public record CategoryUsage(String category, long usedMinutes) {
    }

    /**
     * Active employees reporting to one manager ({@code managerId} null = no manager) and the sum
     * of their available minutes on limited policies (unlimited policies have no available balance).
     */
    public record TeamBalance(UUID managerId, String managerName, long employees, long availableMinutes) {
    }
}
