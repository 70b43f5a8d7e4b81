/** The columns of a user anyone may be shown: never the password hash or the two-factor secret. */

export const PUBLIC_COLUMNS = ['id', 'name', 'email', 'role', 'hcpc_number', 'qualifications', 'professional_bodies', 'active', 'created_at'] as const;
