import { LOCK_FILE, lockNewMigrations } from './migrations-lock.js';

const { added, problems } = lockNewMigrations(process.cwd());
for (const p of problems) console.error(p);
if (problems.length > 0) console.error(`${LOCK_FILE} was not changed.`);
else console.log(added.length === 0 ? `${LOCK_FILE}: nothing new to lock.` : `${LOCK_FILE}: locked ${added.join(', ')}.`);
process.exitCode = problems.length === 0 ? 0 : 1;
