import { getEhcpRegisterResponse } from '../../../contract/deadlines.js';
import { listEhcpRegister } from '../../../services/ehcp/ehcp-register.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/ehcp',
  access: 'ehcp.read',
  summary: 'The EHCP register: every child with a plan and their next deadline',
  tags: ['deadlines'],
  response: getEhcpRegisterResponse,
  handler: async ({ ctx }) => ({ children: await listEhcpRegister(ctx) }),
});
