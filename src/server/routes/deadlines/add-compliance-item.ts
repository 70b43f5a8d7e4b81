import { addComplianceItemResponse, complianceItemInput } from '../../../contract/deadlines.js';
import { addComplianceItem } from '../../../services/compliance/add-compliance-item.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/compliance',
  access: 'compliance.keep',
  summary: 'Add an item to the compliance register',
  tags: ['deadlines'],
  response: addComplianceItemResponse,
  body: complianceItemInput,
  status: 201,
  handler: async ({ ctx, body }) => addComplianceItem(ctx, body),
});
