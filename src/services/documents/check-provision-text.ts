/** `steve check provision`: the Section F specificity check (EHCP-F-01) on any text, no database needed. */
export { checkProvisionText } from '../../drafting/index.js';
