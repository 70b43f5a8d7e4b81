import { uuidv7 } from 'uuidv7';

/** Text IDs, time-ordered (UUIDv7) so inserts stay index-friendly; the same on both dialects. */
export const newId = (): string => uuidv7();
