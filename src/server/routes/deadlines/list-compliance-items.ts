import { listComplianceItemsResponse } from '../../../contract/deadlines.js';
import { listComplianceItems } from '../../../services/compliance/list-compliance-items.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/compliance',
  access: 'compliance.keep',
  summary: 'The practice compliance register with each next due date',
  tags: ['deadlines'],
  response: listComplianceItemsResponse,
  handler: async ({ ctx }) => ({ items: await listComplianceItems(ctx) }),
});
