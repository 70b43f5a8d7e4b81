import { loginInput, signedInResponse } from '../../../contract/auth.js';
import { login } from '../../../services/auth/login.js';
import { setSessionCookie } from '../../session-cookie.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/auth/login',
  access: 'open',
  sameOrigin: true,
  rateLimited: true,
  summary: 'Sign in with email, password and (when turned on) the TOTP code',
  tags: ['sign-in'],
  body: loginInput,
  response: signedInResponse,
  handler: async ({ deps, body, req, reply }) => {
    const made = await login(deps, body, { ip: req.ip, sessionHours: deps.sessionHours });
    setSessionCookie(reply, deps, made);
    return { user: made.user, csrf_token: made.csrf_token };
  },
});
