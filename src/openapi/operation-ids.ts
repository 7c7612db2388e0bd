// Operation ids of the published document, by `METHOD /path`: generated clients name their methods
// after them (`getStats`, `listSites`). Elysia's own (`getApiV1SitesBySite_id`) read badly; a route may
// still set `detail.operationId`, and the OpenAPI test fails on an operation that has neither.

/** `METHOD /path` → operationId. */
export const OPERATION_IDS: Record<string, string> = {
  'GET /health': 'getHealth',
  'POST /collect': 'collectEvent',
  'POST /collect/batch': 'collectBatch',
  'GET /api/v1/events/stream': 'streamEvents',
  'GET /api/v1/stats': 'getStats',
  'GET /api/v1/stats/timeseries': 'getTimeseries',
  'GET /api/v1/stats/breakdown': 'getBreakdown',
  'GET /api/v1/stats/realtime': 'getRealtime',
  'POST /api/v1/funnels': 'getFunnel',
  'GET /api/v1/retention': 'getRetention',
  'GET /api/v1/events': 'listEvents',
  'GET /api/v1/export': 'exportEvents',
  'POST /api/v1/sql': 'runSql',
  'POST /mcp': 'callMcp',
  'GET /api/v1/sites': 'listSites',
  'POST /api/v1/sites': 'createSite',
  'GET /api/v1/sites/{site_id}': 'getSite',
  'DELETE /api/v1/sites/{site_id}': 'deleteSite',
  'GET /api/v1/sites/{site_id}/keys': 'listKeys',
  'POST /api/v1/sites/{site_id}/keys': 'createKey',
  'DELETE /api/v1/sites/{site_id}/keys/{key_id}': 'revokeKey',
  'GET /api/v1/sites/{site_id}/goals': 'listGoals',
  'POST /api/v1/sites/{site_id}/goals': 'createGoal',
  'PATCH /api/v1/sites/{site_id}/goals/{goal_id}': 'updateGoal',
  'DELETE /api/v1/sites/{site_id}/goals/{goal_id}': 'deleteGoal',
  'GET /api/v1/admin/backup': 'downloadBackup',
  'POST /api/v1/admin/token/rotate': 'rotateAdminToken',
  'GET /api/v1/admin/imports': 'listImports',
  'POST /api/v1/admin/imports': 'createImport',
  'DELETE /api/v1/admin/imports/{import_id}': 'deleteImport',
  'DELETE /api/v1/users/{user_id}': 'eraseUser',
  'GET /tracker.js': 'getTrackerScript',
}
