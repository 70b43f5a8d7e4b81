import type { Role } from '../../domain/vocabulary.js';
import type { Actor } from '../context.js';

/** The columns a signed-in user may see about themselves: never the hash or the TOTP secret. */
export interface UserRecord {
  id: string;
  name: string;
  email: string;
  role: string;
  hcpc_number: string | null;
  totp_secret: string | null;
}

export function publicUserOf(u: UserRecord) {
  return { id: u.id, name: u.name, email: u.email, role: u.role as Role, hcpc_number: u.hcpc_number, totp_enabled: u.totp_secret !== null };
}
export type PublicUserView = ReturnType<typeof publicUserOf>;

export function actorOf(u: Pick<UserRecord, 'id' | 'role' | 'name'>): Actor {
  return { kind: 'user', id: u.id, role: u.role as Role, name: u.name };
}
