import { getPractice } from '../practice/get-practice.js';
import type { ServiceDeps } from '../context.js';
import type { SignedIn } from './sessions.js';

/** Who is signed in, with the CSRF token the web app must echo, and the practice's name for the header. */
export async function whoAmI(deps: ServiceDeps, signedIn: SignedIn) {
  const practice = await getPractice(deps.db);
  return { user: signedIn.user, csrf_token: signedIn.csrf_token, practice: { name: practice.name } };
}
