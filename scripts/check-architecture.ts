import { relative } from 'node:path';
import { checkArchitecture } from './architecture.js';

const root = process.cwd();
const violations = checkArchitecture(root);
for (const v of violations) console.error(`${relative(root, v.file)}:${v.line}: ${v.problem}`);
console.log(violations.length === 0 ? 'architecture: imports point the allowed way' : `architecture: ${violations.length} violation(s)`);
process.exitCode = violations.length === 0 ? 0 : 1;
