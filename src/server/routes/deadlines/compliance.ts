import { z } from 'zod';
import { id, isoDate } from '../../../contract/common.js';
import { addComplianceItemResponse, complianceItemInput, listComplianceItemsResponse, renewComplianceItemResponse } from '../../../contract/deadlines.js';
import { addComplianceItem } from '../../../services/compliance/add-compliance-item.js';
import { listComplianceItems } from '../../../services/compliance/list-compliance-items.js';
import { renewComplianceItem } from '../../../services/compliance/renew-compliance-item.js';
import { defineRoute } from '../../route.js';

export const listCompliance = defineRoute({
  method: 'GET',
  url: '/api/compliance',
  access: 'compliance.keep',
  summary: 'The practice compliance register with each next due date',
  tags: ['deadlines'],
  response: listComplianceItemsResponse,
  handler: async ({ ctx }) => ({ items: await listComplianceItems(ctx) }),
});

export const addCompliance = defineRoute({
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

export const renewCompliance = defineRoute({
  method: 'POST',
  url: '/api/compliance/:id/renew',
  access: 'compliance.keep',
  summary: 'Record a renewal; the next cycle follows from it',
  tags: ['deadlines'],
  response: renewComplianceItemResponse,
  params: z.object({ id }),
  body: z.object({ on: isoDate }).strict(),
  handler: async ({ ctx, params, body }) => renewComplianceItem(ctx, params.id, body.on),
});
