/** Console search (api/console/search-routes.ts, web/console/search-view.ts): one result as the agent sees it. */

export interface SearchResult {
  kind: 'case' | 'conversation';
  id: string;
  title: string;
  service: string | null;
  status: string;
  channel: string | null;
  contactName: string | null;
  caseReferences: string[];
  createdAt: string;
}
