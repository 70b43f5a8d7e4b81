import { signedInResponse } from '../../../contract/auth.js';
import { initPracticeInput } from '../../../contract/practice.js';
import { setupPractice } from '../../../services/auth/setup.js';
import { setSessionCookie } from '../../session-cookie.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/setup',
  access: 'open',
  sameOrigin: true,
  summary: 'First run: create the practice and its owner, and sign the owner in',
  tags: ['sign-in'],
  body: initPracticeInput,
  response: signedInResponse,
  status: 201,
  handler: async ({ deps, body, reply }) => {
    const made = await setupPractice(deps, body, { sessionHours: deps.sessionHours });
    setSessionCookie(reply, deps, made);
    return { user: made.user, csrf_token: made.csrf_token };
  },
});
